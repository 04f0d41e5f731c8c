"""The access matrix's content: one page of every page type that can be restricted, for each
audience (public, logged-in only, referents only), with its files.

A new page type is covered by adding one line to ``KINDS``."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from wagtail.models import PageViewRestriction

from accounts.groups import restrict_to_referents
from demo.builders.common import ensure_page, get_home_page
from tests.library.conftest import (  # noqa: F401 - fixtures used by the matrix
    library_index,
    make_document,
    make_resource,
    private_collection,
    toolbox,
)
from tests.trainings.conftest import catalog, make_session, make_training  # noqa: F401
from tests.webinars.conftest import make_webinar, webinar_factory, webinar_index  # noqa: F401
from trainings.models import SeminarIndexPage, SeminarPage

ROLES = ["anonymous", "professionnel", "referent", "editeur", "moderateur", "admin"]
# The referent-only pages use the toolbox's groups: referents and the editorial staff.
ALLOWED = {
    "public": set(ROLES),
    "login": set(ROLES) - {"anonymous"},
    "referents": {"referent", "editeur", "moderateur", "admin"},
}


def build_resource(parent, title, documents):
    return make_resource(parent, title=title, documents=documents)


def build_webinar(parent, title, documents):
    return make_webinar(parent, title=title, documents=documents)


def build_training(parent, title, documents):
    page = make_training(parent, title=title)
    make_session(page)  # the catalogue lists the trainings with an upcoming session
    return page


def build_seminar(parent, title, documents):
    page = SeminarPage(
        title=title, slug=f"seminaire-{abs(hash(title)) % 10**8}", date=datetime.date(2026, 6, 1)
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@dataclass(frozen=True)
class Kind:
    parent: str  # the fixture giving the section the page is added to (its own listing)
    build: Callable  # build(parent, title, documents) -> the published page
    files: tuple = ()  # what else is fetched: "document", "video", "captions"
    audiences: tuple = ("public", "login", "referents")
    restricted_by_parent: bool = False  # the section holds the restriction (the toolbox)
    listed_to_those_allowed: bool = False  # its own listing shows it to those who may see it


# One line per page type that can be restricted.
KINDS = {
    "resource": Kind("library_index", build_resource, files=("document",)),
    "toolbox tool": Kind(
        "toolbox",
        build_resource,
        files=("document",),
        audiences=("referents",),
        restricted_by_parent=True,
        listed_to_those_allowed=True,
    ),
    "webinar": Kind(
        "webinar_index",
        build_webinar,
        files=("video", "captions", "document"),
        listed_to_those_allowed=True,
    ),
    "training": Kind("catalog", build_training),
    "seminar": Kind("seminar_index", build_seminar),
}

CASES = [(kind, audience) for kind, spec in KINDS.items() for audience in spec.audiences]


@pytest.fixture
def seminar_index(db):
    return ensure_page(get_home_page(), SeminarIndexPage, "seminaires", title="Séminaires")


def restrict(page, audience):
    if audience == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif audience == "referents":
        restrict_to_referents(page)


@dataclass
class Item:
    kind: str
    audience: str
    page: object
    title: str
    document: object = None

    def url(self, target):
        if target == "page":
            return self.page.url
        if target == "video":
            return self.page.url + "video/"
        if target == "captions":
            return self.page.url + "sous-titres/"
        return self.document.url


def make_item(request, kind, audience):
    spec = KINDS[kind]
    parent = request.getfixturevalue(spec.parent)
    title = f"Zorglub {kind} {audience}"
    document = None
    if "document" in spec.files:
        document = make_document(f"Texte {kind} {audience}.", title=f"Fichier {kind} {audience}")
    page = spec.build(parent, title, [document] if document else [])
    if not spec.restricted_by_parent:
        restrict(page, audience)
    page.refresh_from_db()
    return Item(kind, audience, page, title, document)


@pytest.fixture
def every_section(library_index, toolbox, webinar_index, catalog, seminar_index):  # noqa: F811
    """Every listing exists, so that every listing can be checked for leaks."""
    return [library_index, toolbox, webinar_index, catalog, seminar_index]


def log_in(client, demo_users, role):
    if role != "anonymous":
        client.force_login(demo_users[role])
