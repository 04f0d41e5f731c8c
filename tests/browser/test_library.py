"""The library in the browser: filters, a resource page, a download, the toolbox for a
referent and for a professional. Zero axe violations everywhere."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts.groups import restrict_to_referents
from demo.builders.common import ensure_page, get_home_page
from library.models import LibraryIndexPage, ToolboxPage
from tests.helpers import log_in
from tests.library.conftest import make_document, make_resource


@pytest.fixture
def library(live_accounts):
    home = get_home_page()
    index = ensure_page(
        home, LibraryIndexPage, "ressources", title="Ressources", intro="Les ressources du réseau."
    )
    toolbox = ensure_page(home, ToolboxPage, "boite-a-outils", title="Boîte à outils des référents")
    restrict_to_referents(toolbox)
    guide = make_resource(
        index,
        title="Guide du repérage en PMI",
        resource_type="guide",
        themes=["reperage", "violences-conjugales"],
        audiences=["pmi"],
        intro="Repérer les violences conjugales pendant la grossesse.",
        documents=[make_document("Questionnaire de repérage systématique.", title="Guide (PDF)")],
        published_on=datetime.date(2025, 4, 1),
    )
    make_resource(
        index, title="Affiche 3919", resource_type="support-de-communication", themes=["prevention"]
    )
    make_resource(
        index,
        title="Étude enfants co-victimes",
        resource_type="etude-ou-rapport",
        themes=["enfants-co-victimes"],
    )
    make_resource(
        toolbox, title="Trame de co-formation", resource_type="outil-de-reperage", themes=["reperage"]
    )
    return {"guide": guide}


def test_library_filters_resource_and_download(library, browser_page, axe):
    page = browser_page
    page.goto("/ressources/")
    expect(page.get_by_role("status")).to_contain_text("3 ressources")
    axe.assert_no_violations(page)

    page.get_by_label("Repérage").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/ressources/?*theme=reperage*")
    expect(page.get_by_role("status")).to_contain_text("1 ressource")
    expect(page.get_by_role("link", name="Guide du repérage en PMI")).to_be_visible()
    axe.assert_no_violations(page)

    # The filtered URL is shareable: opened afresh, it shows the same result.
    shared = page.url
    page.goto("/")
    page.goto(shared)
    expect(page.get_by_role("status")).to_contain_text("1 ressource")

    page.get_by_role("link", name="Guide du repérage en PMI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Guide du repérage en PMI")
    axe.assert_no_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Guide (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_empty_filter_result_is_accessible(library, browser_page, axe):
    browser_page.goto("/ressources/?type=video")
    expect(browser_page.get_by_text("Aucune ressource ne correspond à ces filtres.")).to_be_visible()
    axe.assert_no_violations(browser_page)


def test_toolbox_for_a_referent(library, browser_page, axe):
    log_in(browser_page, "referent")
    browser_page.goto("/boite-a-outils/")
    expect(browser_page.get_by_role("link", name="Trame de co-formation")).to_be_visible()
    axe.assert_no_violations(browser_page)
    browser_page.get_by_role("link", name="Trame de co-formation").click()
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Trame de co-formation")
    axe.assert_no_violations(browser_page)


def test_toolbox_for_a_professional(library, browser_page, axe):
    log_in(browser_page, "professionnel")
    response = browser_page.goto("/boite-a-outils/")
    assert response.status == 403
    expect(browser_page.get_by_role("heading", level=1)).to_contain_text("réservé")
    expect(browser_page.get_by_text("Trame de co-formation")).to_have_count(0)
    axe.assert_no_violations(browser_page)


def test_toolbox_sends_anonymous_visitors_to_log_in(library, browser_page):
    browser_page.goto("/boite-a-outils/")
    assert "/compte/connexion/" in browser_page.url
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Se connecter")
