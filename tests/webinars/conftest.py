"""Small factories for webinar tests: the index, webinars (past or upcoming, public or
private), an uploaded video (the demo's tiny WebM clip), captions, slides."""

import datetime
import itertools

import pytest
from wagtailmedia.models import Media

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, PageViewRestriction

from accounts.groups import restrict_to_referents
from demo.builders.common import ensure_page, get_home_page
from demo.builders.webinars import SAMPLE_VIDEO
from home.models import Audience, Theme
from trainings.models import Session, Speaker
from webinars.models import WebinarChapter, WebinarDocument, WebinarIndexPage, WebinarPage

_counter = itertools.count(1)

CAPTIONS = """WEBVTT

1
00:00:00.000 --> 00:00:03.000
<v Karim Benali>Bonjour et bienvenue à ce webinaire de l'Observatoire.

2
00:00:03.000 --> 00:00:06.000
Nous parlerons du questionnaire de repérage systématique.

3
00:00:06.000 --> 00:00:09.000
<v Claire Delattre>Merci Karim. Commençons par l'ordonnance de protection.
"""


def video_bytes():
    return SAMPLE_VIDEO.read_bytes()


def make_media(name="enregistrement.webm", content=None, title=None):
    return Media.objects.create(
        title=title or f"Vidéo {next(_counter)}",
        type="video",
        file=ContentFile(video_bytes() if content is None else content, name=name),
        duration=12,
        width=320,
        height=180,
        collection=Collection.get_first_root_node(),
    )


def make_webinar(
    index,
    title=None,
    days=-30,
    access="public",
    video=True,
    captions=CAPTIONS,
    chapters=(("00:00", "Introduction"), ("00:03", "Le repérage"), ("00:06", "La protection")),
    speakers=(),
    themes=(),
    audiences=(),
    documents=(),
    sessions=(),
    publish=True,
    **fields,
):
    number = next(_counter)
    page = WebinarPage(
        title=title or f"Webinaire {number}",
        slug=f"webinaire-{number}",
        date=timezone.now().replace(microsecond=0) + datetime.timedelta(days=days),
        duration_minutes=60,
        captions=captions,
        video=make_media() if video is True else (video or None),
        **fields,
    )
    page.speakers.set(Speaker.objects.filter(name__in=speakers))
    page.themes.set(Theme.objects.filter(slug__in=themes))
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    for order, (start, chapter_title) in enumerate(chapters):
        page.chapters.add(WebinarChapter(start=start, title=chapter_title, sort_order=order))
    for order, document in enumerate(documents):
        page.documents.add(WebinarDocument(document=document, sort_order=order))
    for session in sessions:
        page.sessions.add(session)
    page.live = publish
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if access == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif access == "referents":
        restrict_to_referents(page)
    page.refresh_from_db()
    return page


def online_session(days=14, capacity=50, **fields):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return Session(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        online=True,
        join_url="https://visio.exemple.fr/odpe/secret-12345",
        capacity=capacity,
        **fields,
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def webinar_index(db):
    return ensure_page(get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires")


@pytest.fixture
def webinar_factory(webinar_index):
    def factory(**kwargs):
        return make_webinar(webinar_index, **kwargs)

    return factory


@pytest.fixture
def speakers(db):
    return {
        key: Speaker.objects.get_or_create(name=name, defaults={"organisation": organisation})[0]
        for key, name, organisation in (
            ("benali", "Karim Benali", "Département du Nord"),
            ("delattre", "Claire Delattre", "CIDFF du Nord"),
            ("vasseur", "Hélène Vasseur", "Centre régional du psychotraumatisme"),
        )
    }
