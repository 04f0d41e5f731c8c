"""The admin an editor uses speaks French: no "Root", no "… created in", no "None" after a
count, no "media items" left by Wagtail's or its packages' incomplete catalogues."""

import re
from html.parser import HTMLParser

import pytest

from django.urls import reverse

from wagtail.models import Collection, Page

from tests.library.conftest import make_document, make_resource
from tests.webinars.conftest import make_media

pytestmark = pytest.mark.django_db

ENGLISH = ["Root", "None", "created in", "Media file", "media item", "Status"]


class VisibleText(HTMLParser):
    """What the editor reads: text outside scripts and hidden elements, and the labels
    screen readers announce."""

    SKIPPED = {"script", "style", "template"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = tag in self.SKIPPED or "hidden" in attributes
        if not self.hiding:
            self.parts.extend(
                value
                for name, value in attrs
                if name in ("aria-label", "title", "placeholder", "alt") and value
            )
        if tag not in self.VOID:
            self.stack.append(hidden)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    @property
    def hiding(self):
        return any(self.stack)

    def handle_data(self, data):
        if not self.hiding:
            self.parts.append(data)


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def editor(client, site_skeleton, demo_users):
    from library.models import LibraryIndexPage

    library = LibraryIndexPage.objects.get()
    make_resource(library, title="Guide de l'ordonnance de protection", documents=[make_document()])
    make_resource(library, title="Fiche réflexe ordonnance")
    make_media(title="Enregistrement du webinaire")
    client.force_login(demo_users["editeur"])
    return demo_users["editeur"]


def admin_urls():
    from library.models import LibraryIndexPage

    root = Page.get_first_root_node()
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[root.pk]),
        reverse("wagtailadmin_explore", args=[LibraryIndexPage.objects.get().pk]),
        reverse("wagtailadmin_pages:search") + "?q=ordonnance",
        reverse("wagtailadmin_pages:search") + "?q=guide",
        reverse("wagtaildocs:index"),
        reverse("wagtailimages:index"),
        reverse("wagtailmedia:index"),
        "/admin/snippets/home/theme/",
        "/admin/snippets/home/audience/",
        "/admin/snippets/library/resourcetype/",
        "/admin/snippets/trainings/provider/",
        "/admin/snippets/trainings/speaker/",
        "/admin/inscriptions/",
        "/admin/inscriptions/sessions/",
        "/admin/ressources/",
    ]


def test_the_admin_pages_an_editor_uses_have_no_english_left(client, editor):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response)
        for english in ENGLISH:
            assert english not in text, f"{english!r} on {url}"


def test_counts_name_what_they_count(client, editor):
    search = visible_text(client.get(reverse("wagtailadmin_pages:search") + "?q=ordonnance"))
    assert re.search(r"1-2 sur 2 pages", search)
    one = visible_text(client.get(reverse("wagtailadmin_pages:search") + "?q=guide"))
    assert re.search(r"1-1 sur 1 page\b", one)
    assert "1 média" in visible_text(client.get(reverse("wagtailmedia:index")))
    assert "1 média " in visible_text(client.get(reverse("wagtailadmin_home")))


def test_the_roots_are_called_racine(client, editor):
    assert Page.get_first_root_node().title == "Racine"
    assert Collection.get_first_root_node().name == "Racine"
    text = visible_text(client.get(reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])))
    assert "Exploration : Racine" in text or "Exploration: Racine" in text
