"""The page editor in the browser: related items are checkboxes that a search field filters
(accents and case ignored, checked items kept in view), and the filter never submits the form."""

import pytest
from playwright.sync_api import expect

from demo.builders.common import ensure_page, get_home_page
from library.models import LibraryIndexPage
from tests.helpers import log_in
from tests.library.conftest import make_resource


@pytest.fixture
def library(live_accounts):
    index = ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")
    make_resource(index, title="Guide du repérage en PMI")
    make_resource(index, title="Affiche 3919")
    make_resource(index, title="Étude enfants co-victimes")
    return index


def test_related_resources_filter(library, browser_page):
    page = browser_page
    log_in(page, "editeur")
    page.goto(f"/admin/pages/add/library/resourcepage/{library.pk}/")
    related = page.locator("[data-portal-checkbox-list]").filter(has=page.locator("[name=related_resources]"))
    expect(related.get_by_label("Affiche 3919")).to_be_visible()
    related.get_by_label("Affiche 3919").check()

    search = related.get_by_role("searchbox", name="Filtrer la liste")
    search.fill("etude")
    expect(related.get_by_label("Étude enfants co-victimes")).to_be_visible()
    expect(related.get_by_label("Guide du repérage en PMI")).to_be_hidden()
    expect(related.get_by_label("Affiche 3919")).to_be_visible()  # checked: stays in view

    search.press("Enter")
    page.wait_for_timeout(300)
    assert "/admin/pages/add/" in page.url
    search.fill("")
    expect(related.get_by_label("Guide du repérage en PMI")).to_be_visible()
    # Themes and audiences: plain checkboxes.
    expect(page.locator("input[type=checkbox][name=themes]").first).to_be_visible()
    assert not page.js_errors
