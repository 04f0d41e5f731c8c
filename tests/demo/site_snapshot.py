"""What the demo site holds, as plain data: page counts per type, every page's title, path,
state and a digest of its content, the titles of documents, images and snippets, the
trainings' sessions, the accounts and their groups.

``tests/demo/test_same_site.py`` compares ``load_demo_content``'s site with the snapshot
committed in ``tests/demo/expected_site.json``. After an intended change to the demo
content, regenerate it (the test then writes the file and fails once, to say so)::

    DEMO_SNAPSHOT_WRITE=1 .venv/bin/pytest tests/demo/test_same_site.py -q
"""

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

EXPECTED = Path(__file__).with_name("expected_site.json")

# Database ids, dates and times differ from one run (and one day) to the next: digits are
# masked before hashing, so the digest pins the words, the block types and their order.
_DIGITS = re.compile(r"\d+")


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _digest(value):
    text = json.dumps(_without_ids(value), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(_DIGITS.sub("#", text).encode()).hexdigest()[:16]


def _content(page):
    """The page's own editable content (StreamField, rich text and text fields)."""
    from django.db import models

    from wagtail.fields import RichTextField, StreamField
    from wagtail.models import Page

    page_fields = {field.name for field in Page._meta.get_fields()}
    content = {}
    for field in type(page)._meta.concrete_fields:
        if field.name in page_fields:
            continue
        if isinstance(field, StreamField):
            content[field.name] = getattr(page, field.name).get_prep_value()
        elif isinstance(field, (RichTextField, models.TextField, models.CharField)):
            content[field.name] = getattr(page, field.name)
    return content


def snapshot():
    from django.contrib.auth.models import Group

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction

    from accounts.models import User
    from home.models import Audience, Theme
    from library.models import ResourceFile, ResourceType
    from trainings.models import Provider, Registration, Session, Speaker
    from webinars.models import WebinarChapter, WebinarDocument

    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    return {
        "page_counts": dict(sorted(Counter(type(page).__name__ for page in pages).items())),
        "pages": sorted(
            [type(page).__name__, page.url_path, page.title, page.live, _digest(_content(page))]
            for page in pages
        ),
        "documents": sorted(get_document_model().objects.values_list("title", flat=True)),
        "images": sorted(get_image_model().objects.values_list("title", flat=True)),
        "themes": sorted(Theme.objects.values_list("name", flat=True)),
        "audiences": sorted(Audience.objects.values_list("name", flat=True)),
        "resource_types": sorted(ResourceType.objects.values_list("name", flat=True)),
        "providers": sorted(Provider.objects.values_list("name", flat=True)),
        "speakers": sorted(Speaker.objects.values_list("name", flat=True)),
        "sessions": sorted(
            [
                session.page.title,
                session.label,
                session.online,
                session.place,
                session.territory,
                session.capacity,
                session.registration_mode,
            ]
            for session in Session.objects.select_related("page")
        ),
        "resource_files": ResourceFile.objects.count(),
        "webinar_chapters": sorted(WebinarChapter.objects.values_list("title", flat=True)),
        "webinar_documents": WebinarDocument.objects.count(),
        "registrations": Registration.objects.count(),
        "restrictions": sorted(
            [restriction.page.url_path, restriction.restriction_type]
            for restriction in PageViewRestriction.objects.select_related("page")
        ),
        "accounts": sorted(
            [user.email, user.is_staff, user.is_superuser, sorted(group.name for group in user.groups.all())]
            for user in User.objects.prefetch_related("groups")
        ),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
    }


def dump(data):
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
