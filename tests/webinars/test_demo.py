"""The webinars' demo content: realistic recordings with captions, transcripts and chapters,
private ones, an external video, live webinars with online sessions; idempotent and fast."""

import time

import pytest

from wagtail.models import PageViewRestriction, Revision

from demo.builders import accounts as accounts_demo
from demo.builders import home as home_demo
from demo.builders import webinars as webinars_demo
from trainings.models import Session
from webinars.models import WebinarPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    accounts_demo.build()
    home_demo.build()
    return webinars_demo.build()


def test_recordings(demo):
    now = webinars_demo.timezone.now()
    past = WebinarPage.objects.live().filter(date__lt=now)
    assert past.count() == 8
    for webinar in past:
        assert webinar.cues, webinar.title
        assert webinar.transcript
        assert webinar.chapters.count() == 4
        assert webinar.speakers.exists()
        assert webinar.themes.exists()
    with_files = past.filter(video__isnull=False)
    assert with_files.count() == 7
    assert all(webinar.video.file.size < 100_000 for webinar in with_files)
    external = past.exclude(external_video_url="")
    assert external.count() == 1
    assert external.get().external_video.kind == "peertube"
    assert WebinarPage.objects.filter(documents__isnull=False).distinct().count() >= 3


def test_private_webinars(demo):
    restrictions = PageViewRestriction.objects.filter(page__in=WebinarPage.objects.all())
    kinds = sorted(restrictions.values_list("restriction_type", flat=True))
    assert kinds == [PageViewRestriction.GROUPS, PageViewRestriction.LOGIN]
    groups = set(restrictions.get(restriction_type="groups").groups.values_list("name", flat=True))
    assert "Référents VIF" in groups


def test_live_webinars(demo):
    upcoming = WebinarPage.objects.live().filter(date__gte=webinars_demo.timezone.now())
    assert upcoming.count() == 2
    sessions = Session.objects.filter(page__in=upcoming)
    assert sessions.count() == 2
    for session in sessions:
        assert session.online and session.join_url and session.capacity
        assert session.registration_state() == "open"


def test_pages_render(client, demo):
    assert client.get("/webinaires/").status_code == 200
    for webinar in WebinarPage.objects.live().public():
        assert client.get(webinar.url).status_code == 200, webinar.title


def test_idempotent_and_fast(demo):
    counts = (WebinarPage.objects.count(), Revision.objects.count(), Session.objects.count())
    start = time.monotonic()
    webinars_demo.build()
    assert time.monotonic() - start < 0.5
    assert (WebinarPage.objects.count(), Revision.objects.count(), Session.objects.count()) == counts
