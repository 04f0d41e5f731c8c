"""Search suggestions in the browser: the header search box as a WAI-ARIA combobox
(listbox of suggestions, arrow keys, Enter, Escape, a polite count), zero axe violations
with the list open, and the plain form without JavaScript."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.library.conftest import make_resource

SEARCH_JS = Path(__file__).resolve().parents[2] / "static" / "js" / "search.js"
SUGGESTIONS_URL = "/recherche/suggestions/"


@pytest.fixture
def site(live_site):
    from demo.builders.common import get_home_page
    from library.models import LibraryIndexPage, ToolboxPage

    index = LibraryIndexPage.objects.get()
    toolbox = ToolboxPage.objects.get()
    assert index.get_parent().pk == get_home_page().pk
    return {
        "first": make_resource(index, title="Repérage des violences conjugales en PMI"),
        "second": make_resource(index, title="Guide du repérage systématique"),
        "private": make_resource(toolbox, title="Trame de repérage réservée"),
    }


def enable_suggestions(page):
    """Until base.html loads search.js and the header input carries data-autocomplete,
    add both here; once they are in the templates, this only checks they are."""
    page.evaluate(
        """url => {
            const input = document.getElementById("recherche-q");
            if (!input.hasAttribute("data-autocomplete")) input.setAttribute("data-autocomplete", url);
        }""",
        SUGGESTIONS_URL,
    )
    if not page.evaluate("typeof window.PortalSearchSuggestions === 'object'"):
        page.add_script_tag(path=str(SEARCH_JS))
    page.evaluate("window.PortalSearchSuggestions.init()")
    expect(page.locator("#recherche-q")).to_have_attribute("role", "combobox")


def type_query(page, text):
    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    box.click()
    box.press_sequentially(text, delay=30)
    return box


def test_typing_shows_accessible_suggestions(site, browser_page, axe):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")

    type_query(page, "reper")
    listbox = page.get_by_role("listbox", name="Suggestions de recherche")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    expect(listbox).to_contain_text("Repérage des violences conjugales en PMI")
    expect(listbox).not_to_contain_text("réservée")
    expect(page.locator("#recherche-q-suggestions-status")).to_have_text("2 suggestions disponibles")
    expect(page.locator("#recherche-q-suggestions-status")).to_have_attribute("aria-live", "polite")
    # The keyboard focus stays in the box.
    assert page.evaluate("document.activeElement.id") == "recherche-q"
    axe.assert_no_violations(page)

    # ArrowDown highlights the first option (aria-activedescendant); axe again.
    box.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    axe.assert_no_violations(page)
    assert page.js_errors == []


def test_arrow_down_and_enter_open_the_suggestion(site, browser_page):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    box = type_query(page, "reper")
    options = page.get_by_role("option")
    expect(options).to_have_count(2)
    expected_title = options.nth(0).locator(".search-suggest__title").inner_text()

    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    box.press("ArrowDown")  # wraps to the first
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")

    box.press("Enter")
    page.wait_for_url("**/ressources/ressource-*/")
    expect(page.get_by_role("heading", level=1)).to_have_text(expected_title)
    assert page.js_errors == []


def test_enter_without_a_highlighted_option_submits_the_search(site, browser_page):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    box = type_query(page, "reper")
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=reper")


def test_escape_closes_the_list_and_keeps_the_text(site, browser_page):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    box = type_query(page, "reper")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    box.press("ArrowUp")  # from nothing: the last option
    expect(page.get_by_role("option").nth(1)).to_have_attribute("aria-selected", "true")

    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("reper")
    assert page.evaluate("document.activeElement.id") == "recherche-q"

    box.press("ArrowDown")  # opens again on the first option
    expect(listbox).to_be_visible()
    expect(page.get_by_role("option").nth(0)).to_have_attribute("aria-selected", "true")


def test_short_or_unknown_text_shows_no_list(site, browser_page):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    box = type_query(page, "r")
    page.wait_for_timeout(400)
    expect(page.get_by_role("listbox", include_hidden=True)).to_be_hidden()
    box.press_sequentially("zzzz", delay=30)
    expect(page.locator("#recherche-q-suggestions-status")).to_have_text("Aucune suggestion")
    expect(page.get_by_role("listbox", include_hidden=True)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_a_click_on_a_suggestion_opens_it(site, browser_page):
    page = browser_page
    page.goto("/")
    enable_suggestions(page)
    type_query(page, "guide du rep")
    option = page.get_by_role("option", name="Guide du repérage systématique")
    expect(option).to_be_visible()
    option.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Guide du repérage systématique")


def test_without_javascript_the_form_still_searches(site, browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto("/")
        box = page.get_by_role("searchbox", name="Rechercher sur le portail")
        assert box.get_attribute("role") is None  # no combobox role without the script
        box.fill("repérage")
        box.press("Enter")
        page.wait_for_url("**/recherche/?q=*")
        expect(page.get_by_role("link", name="Repérage des violences conjugales en PMI")).to_be_visible()
    finally:
        context.close()
