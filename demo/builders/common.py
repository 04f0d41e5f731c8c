"""What every demo builder shares, written once: page helpers (``ensure_page``,
``get_home_page``), StreamField helpers (``rich``, ``stream``, ``heading``, ``para``…), the
taxonomy and resource look-ups (``Terms``), the speakers, dates and the YAML reader.

Idempotent means: a page, user or object that exists already is left as it is, so running
``load_demo_content`` twice changes nothing."""

import datetime
import json
from functools import cache
from pathlib import Path

import yaml

from django.utils import timezone

from wagtail.models import Site

CONTENT = Path(__file__).resolve().parent.parent / "content"


@cache
def content(name):
    """The French demo content of one area: ``demo/content/<name>.yaml``."""
    with (CONTENT / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def organisation(name):
    """An organisation's name: a key of ``demo/content/organisations.yaml`` stands for the name
    written there, any other name for itself."""
    return content("organisations").get(name, name)


# --- Pages -----------------------------------------------------------------------------------


def ensure_page(parent, model, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


# --- StreamField values ------------------------------------------------------------------------


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def stream(*blocks):
    """StreamField raw data from ``(block_type, value)`` pairs or ``{type, value}`` dicts
    (Wagtail's own stream format, as the YAML content holds it)."""
    return json.dumps(
        [block if isinstance(block, dict) else {"type": block[0], "value": block[1]} for block in blocks]
    )


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def para(*texts):
    return ("paragraph", rich(*texts))


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def callout(title, text, kind="info"):
    return ("callout", {"kind": kind, "title": title, "text": rich(text)})


def accordion(title, *items):
    return (
        "accordion",
        {"title": title, "items": [{"title": name, "body": rich(text)} for name, text in items]},
    )


# --- Dates -----------------------------------------------------------------------------------


def day(text):
    return datetime.date.fromisoformat(text)


def aware(day, hhmm):
    hour, minute = (int(part) for part in hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# --- Look-ups ----------------------------------------------------------------------------------


class Terms:
    """The taxonomies seeded by migrations and the library's resources, by slug, fetched once."""

    def __init__(self):
        from home.models import Audience, Theme
        from library.models import LibraryIndexPage, ResourcePage, ResourceType

        self.types = {term.slug: term for term in ResourceType.objects.all()}
        self.themes = {term.slug: term for term in Theme.objects.all()}
        self.audiences = {term.slug: term for term in Audience.objects.all()}
        library = LibraryIndexPage.objects.first()
        self.resources = (
            {page.slug: page for page in ResourcePage.objects.child_of(library)}
            if library is not None
            else {}
        )

    def document(self, slug):
        page = self.resources.get(slug)
        item = page.files.select_related("document").first() if page is not None else None
        return item.document if item is not None else None


def ensure_speakers():
    """The speakers of the seminars and webinars (``demo/content/speakers.yaml``), by key."""
    from trainings.models import Speaker

    speakers = {}
    for key, speaker in content("speakers").items():
        speakers[key], _ = Speaker.objects.get_or_create(
            name=speaker["name"], defaults={"role": speaker["role"], "organisation": speaker["organisation"]}
        )
    return speakers


# --- Specifications from the YAML content -----------------------------------------------------

STREAM_FIELDS = {"body", "programme"}  # kept in Wagtail's stream format, as written


def _frozen(value):
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def specs(cls, items, **nested):
    """``cls`` dataclass instances from YAML mappings: lists become tuples (the specs are
    frozen), ``nested`` names the fields holding other specs (e.g. ``files=File``)."""

    def one(data):
        fields = {}
        for name, value in data.items():
            if name in nested:
                fields[name] = tuple(nested[name](**item) for item in value)
            elif name in STREAM_FIELDS:
                fields[name] = tuple(value)
            else:
                fields[name] = _frozen(value)
        return cls(**fields)

    return [one(item) for item in items]
