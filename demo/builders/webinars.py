"""Demo content for the webinars (roadmap action 18, and action 12: presenting surveys, tools
and research data to the professionals).

Eight recorded webinars spread over the last eighteen months, each with a short video clip
(the same tiny WebM file, demo/samples/extrait-webinaire.webm, copied for each: the
demo needs no ffmpeg), French WebVTT captions with the speakers' voices, a transcript made
from them, chapters and, for some, slides. One is reserved to logged-in professionals, one
to the referents' network, one points at an external PeerTube video. Two upcoming live
webinars take registrations on an online session (the joining link goes by e-mail only).

Dates are relative to the day the command runs. Idempotent: a webinar that exists already is
left as it is, and nothing is created when they all exist."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from wagtailmedia.models import Media

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, PageViewRestriction

from demo.builders.common import aware, content, ensure_page, ensure_speakers, get_home_page, specs
from demo.builders.files import slides_pdf
from home.models import Audience, Theme
from library.models import LibraryDocument
from trainings.models import Registration, Session
from webinars import vtt
from webinars.models import WebinarChapter, WebinarDocument, WebinarIndexPage, WebinarPage

SAMPLE_VIDEO = Path(__file__).resolve().parent.parent / "samples" / "extrait-webinaire.webm"
CLIP_SECONDS = 12
COLLECTION = "Webinaires"


@dataclass(frozen=True)
class Webinar:
    slug: str
    title: str
    intro: str
    days: int  # from today: negative in the past
    speakers: tuple
    themes: tuple
    audiences: tuple
    captions: tuple = ()  # (speaker key or "", text), one cue of two seconds each
    chapters: tuple = ()  # titles, every three seconds of the clip
    minutes: int = 60
    access: str = "public"  # public, login, referents
    external_url: str = ""
    slides: tuple = ()  # lines of a one-page PDF
    live: dict = field(default_factory=dict)  # an upcoming webinar's online session


# The webinars themselves, in French, are data: demo/content/webinars.yaml.
WEBINARS = specs(Webinar, content("webinars")["webinars"])


def captions_text(spec):
    lines = ["WEBVTT", "Kind: captions", "Language: fr", ""]
    for number, (voice, text) in enumerate(spec.captions):
        start, end = number * 2, number * 2 + 2
        lines += [str(number + 1), f"{vtt.format_timestamp(start)} --> {vtt.format_timestamp(end)}"]
        name = content("speakers")[voice]["name"] if voice else ""
        lines += [f"<v {name}>{text}" if voice else text, ""]
    return "\n".join(lines)


def ensure_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION).first() or root.add_child(name=COLLECTION)


def build_webinar(index, spec, speakers, collection, today, video_bytes):
    when = aware(today + datetime.timedelta(days=spec.days), spec.live.get("hour", "10:00"))
    fields = {
        "title": spec.title,
        "intro": spec.intro,
        "date": when,
        "duration_minutes": spec.minutes,
        "speakers": [speakers[key] for key in spec.speakers],
        "themes": list(Theme.objects.filter(slug__in=spec.themes)),
        "audiences": list(Audience.objects.filter(slug__in=spec.audiences)),
    }
    if spec.captions:
        captions = captions_text(spec)
        fields["captions"] = captions
        fields["transcript"] = vtt.transcript_html(vtt.parse(captions))
        fields["chapters"] = [
            WebinarChapter(start=f"00:{order * 3:02d}", title=title, sort_order=order)
            for order, title in enumerate(spec.chapters)
        ]
    if spec.external_url:
        fields["external_video_url"] = spec.external_url
    elif spec.days < 0:
        fields["video"] = Media.objects.create(
            title=f"Enregistrement — {spec.title}"[:255],
            type="video",
            file=ContentFile(video_bytes, name=f"{spec.slug[:60]}.webm"),
            duration=CLIP_SECONDS,
            width=320,
            height=180,
            collection=collection,
        )
    if spec.slides:
        document = LibraryDocument(
            title=f"Diaporama — {spec.title}"[:255],
            collection=collection,
            file=ContentFile(slides_pdf(spec.slides), name=f"diaporama-{spec.slug[:60]}.pdf"),
        )
        document.save()
        fields["documents"] = [WebinarDocument(document=document, label="Diaporama (PDF)")]
    if spec.live:
        fields["registration_notes"] = content("webinars")["live_registration_notes"]
        fields["sessions"] = [
            Session(
                label="En direct",
                starts_at=when,
                ends_at=when + datetime.timedelta(minutes=spec.minutes),
                online=True,
                join_url=f"https://visio.exemple.fr/odpe/webinaire-{spec.slug[:40]}",
                capacity=spec.live["capacity"],
                registration_mode=Session.Mode.OPEN,
                registration_deadline=when - datetime.timedelta(hours=2),
            )
        ]
    page = ensure_page(index, WebinarPage, spec.slug, **fields)
    if spec.access == "login" and not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif spec.access == "referents":
        from accounts.groups import restrict_to_referents

        restrict_to_referents(page)
    return page


def register_demo_people(page):
    """The demo referent is registered to the first live webinar (created directly: the demo
    sends no e-mail)."""
    from accounts.models import User

    user = User.objects.filter(email="referent@exemple.fr").first()
    session = Session.objects.filter(page_id=page.pk).first()
    if user is None or session is None:
        return
    Registration.objects.get_or_create(
        session=session,
        user=user,
        defaults={
            "status": Registration.Status.CONFIRMED,
            "service": user.service,
            "territory": user.territory,
        },
    )


def build():
    home = get_home_page()
    index = ensure_page(
        home,
        WebinarIndexPage,
        "webinaires",
        **content("webinars")["index"],
    )
    existing = set(index.get_children().values_list("slug", flat=True))
    missing = [spec for spec in WEBINARS if spec.slug not in existing]
    if not missing:
        return index

    today = timezone.localdate()
    speakers = ensure_speakers()
    collection = ensure_collection()
    video_bytes = SAMPLE_VIDEO.read_bytes()
    for spec in missing:
        page = build_webinar(index, spec, speakers, collection, today, video_bytes)
        if spec is WEBINARS[8]:
            register_demo_people(page)
    return index
