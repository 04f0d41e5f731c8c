"""On a phone (390 px wide): the first result of every faceted listing shows on the first
screen (the filters fold into a "Filtrer (n)" panel, the result count above), the referents'
directory shows each contact within the screen's width, the catalogue's period buttons carry
no bullets. The panel works without JavaScript. Zero axe violations."""

import datetime
import itertools

import pytest
from playwright.sync_api import expect

from demo.builders.common import ensure_page, get_home_page
from home.models import Audience, Theme
from library.models import LibraryIndexPage, ResourceType
from tests.library.conftest import make_resource
from tests.trainings.conftest import make_session, make_training
from trainings.models import Provider, TrainingCatalogPage

PHONE = {"width": 390, "height": 844}
FIRST_SCREEN = 900


@pytest.fixture
def listings(live_accounts):
    """Listings with every facet populated: each type, theme, audience and provider used once."""
    home = get_home_page()
    library = ensure_page(home, LibraryIndexPage, "ressources", title="Ressources")
    themes = list(Theme.objects.values_list("slug", flat=True))
    audiences = list(Audience.objects.values_list("slug", flat=True))
    types = list(ResourceType.objects.values_list("slug", flat=True))
    count = max(len(themes), len(audiences), len(types))
    for number, theme, audience, kind, year in zip(
        range(count),
        itertools.cycle(themes),
        itertools.cycle(audiences),
        itertools.cycle(types),
        itertools.cycle(range(2018, 2027)),
        strict=False,
    ):
        make_resource(
            library,
            title=f"Guide violences numéro {number}",
            resource_type=kind,
            themes=[theme],
            audiences=[audience],
            published_on=datetime.date(year, 3, 1),
        )
    catalog = ensure_page(home, TrainingCatalogPage, "formations", title="Formations")
    for number, (provider, theme) in enumerate(
        zip(Provider.objects.all(), itertools.cycle(themes), strict=False)
    ):
        make_session(
            make_training(catalog, title=f"Formation violences {number}", provider=provider, themes=[theme])
        )


def first_result_top(page):
    return page.locator(".card-list .card").first.bounding_box()["y"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/ressources/", "ressources"),
        ("/formations/", "formations"),
        ("/recherche/?q=violences", "résultats"),
    ],
)
def test_first_result_is_on_the_first_screen(listings, browser_page, axe, url, status):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(url)
    count = page.locator(".listing-count")
    expect(count).to_contain_text(status)
    panel = page.locator("details[data-filters-panel]")
    expect(panel).not_to_have_attribute("open", "")
    assert count.bounding_box()["y"] < panel.bounding_box()["y"], "the count comes before the filters"
    assert first_result_top(page) < FIRST_SCREEN
    axe.assert_no_violations(page)

    # Opened, the panel filters; the result keeps the panel folded and says how many apply.
    panel.locator("summary").click()
    panel.locator("input[type=checkbox]").first.check()
    panel.get_by_role("button", name="Appliquer").click()
    page.wait_for_load_state()
    expect(page.locator("details[data-filters-panel] summary")).to_contain_text("(1")
    assert first_result_top(page) < FIRST_SCREEN
    axe.assert_no_violations(page)


def test_the_filter_panel_is_open_on_wide_screens(listings, browser_page):
    browser_page.goto("/ressources/")
    expect(browser_page.locator("details[data-filters-panel]")).to_have_attribute("open", "")
    expect(browser_page.locator("details[data-filters-panel] input[type=checkbox]").first).to_be_visible()


def test_the_filter_panel_works_without_javascript(listings, browser, live_server):
    context = browser.new_context(
        locale="fr-FR", base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/ressources/")
        assert first_result_top(page) < FIRST_SCREEN
        panel = page.locator("details[data-filters-panel]")
        panel.locator("summary").click()
        panel.locator("input[type=checkbox]").first.check()
        panel.get_by_role("button", name="Appliquer les filtres").click()
        page.wait_for_load_state()
        expect(page.locator(".listing-count")).to_contain_text("correspondant aux filtres")
        # Without JavaScript the active filters stay in sight, ready to change.
        expect(page.locator("details[data-filters-panel]")).to_have_attribute("open", "")
    finally:
        context.close()


def test_catalogue_period_buttons_have_no_bullets(listings, browser_page):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/formations/")
    items = page.locator("nav.tabs li")
    expect(items).to_have_count(2)
    for index in range(2):
        assert items.nth(index).evaluate("item => getComputedStyle(item).listStyleType") == "none"
    expect(page.get_by_role("link", name="Sessions à venir", exact=True)).to_be_visible()


def test_directory_contacts_fit_the_screen(listings, browser_page, axe):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/compte/connexion/")
    page.get_by_label("E-mail").fill("referent@exemple.fr")
    page.get_by_label("Mot de passe").fill("demo-vif-2026")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    page.goto("/boite-a-outils/annuaire/")
    contacts = page.locator("tbody td[data-label='Contact']")
    assert contacts.count() >= 10
    for index in range(contacts.count()):
        box = contacts.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            f"contact {index} off-screen: {box}"
        )
    first_mail = page.locator("tbody a[href^='mailto:']").first
    box = first_mail.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    axe.assert_no_violations(page)
