"""Trainings in the browser: register, join the waiting list, get promoted when someone
cancels (after confirming); catalogue and seminar pages pass axe."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache
from django.utils import timezone

from home.demo import ensure_page, get_home_page
from tests.conftest import build_site_skeleton
from tests.helpers import log_in
from tests.trainings.conftest import make_session, make_training
from trainings.models import SeminarIndexPage, SeminarPage, TrainingCatalogPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(settings):
    settings.DEBUG = False
    cache.clear()
    build_site_skeleton()
    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    training = make_training(
        catalog,
        title="Accueillir une révélation de violences",
        themes=["violences-conjugales"],
        intro="Une journée pour s'exercer.",
    )
    session = make_session(
        training, days=12, capacity=1, territory="valenciennois", place="Maison du Département"
    )
    seminars = ensure_page(get_home_page(), SeminarIndexPage, "seminaires", title="Séminaires")
    seminar = SeminarPage(
        title="Séminaire annuel des référents VIF 2026",
        slug="seminaire-2026",
        date=timezone.localdate() + datetime.timedelta(days=20),
        venue="Hôtel du Département",
        programme='[{"type": "slot", "value": {"starts": "09:30", "ends": "10:30", "title": "Ouverture", "description": "<p>Accueil.</p>", "speakers": []}}, {"type": "pause", "value": {"starts": "10:30", "ends": "10:45", "title": "Pause"}}]',
    )
    seminars.add_child(instance=seminar)
    seminar.save_revision().publish()
    make_session(seminar, days=20, capacity=150)
    return {"training": training, "session": session, "seminar": seminar}


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def test_register_wait_cancel_and_get_promoted(site, browser_page, axe):
    page = browser_page
    training_url = site["training"].url

    # The referent takes the only place.
    log_in(page, "referent")
    page.goto(training_url)
    axe.assert_no_violations(page)
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_text("Votre inscription est confirmée.")).to_be_visible()
    expect(page.get_by_text("Votre inscription : Confirmée")).to_be_visible()
    axe.assert_no_violations(page)
    log_out(page)

    # The professional joins the waiting list.
    log_in(page, "professionnel")
    page.goto(training_url)
    expect(page.get_by_text("Complet")).to_be_visible()
    page.get_by_role("button", name="Rejoindre la liste d'attente").click()
    expect(page.get_by_text("vous êtes sur la liste d'attente")).to_be_visible()
    log_out(page)

    # The referent cancels from "Mon espace", through the confirmation page: the
    # professional is promoted.
    log_in(page, "referent")
    page.goto("/compte/profil/")
    axe.assert_no_violations(page)
    page.get_by_role("link", name="Annuler mon inscription à Accueillir une révélation de violences").click()
    expect(
        page.get_by_role(
            "heading",
            name=re.compile(r"^Annuler votre inscription à « Accueillir une révélation de violences » le "),
        )
    ).to_be_visible()
    expect(page.get_by_text("Votre place sera libérée")).to_be_visible()
    axe.assert_no_violations(page)
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(page.get_by_text("est annulée")).to_be_visible()
    assert page.url.endswith("/compte/profil/")
    log_out(page)

    log_in(page, "professionnel")
    page.goto("/compte/profil/")
    expect(
        page.get_by_role("listitem").filter(has_text="Accueillir une révélation").get_by_text("Confirmée")
    ).to_be_visible()
    page.goto(training_url)
    expect(page.get_by_text("Votre inscription : Confirmée")).to_be_visible()


@pytest.mark.parametrize(
    "url", ["/formations/", "/formations/?periode=passees", "/seminaires/", "/seminaires/seminaire-2026/"]
)
def test_trainings_pages_have_no_violations(site, browser_page, axe, url):
    browser_page.goto(url)
    axe.assert_no_violations(browser_page)


def test_catalogue_filter_by_territory(site, browser_page, axe):
    browser_page.goto("/formations/")
    browser_page.get_by_label("Territoire").select_option("valenciennois")
    browser_page.get_by_role("button", name="Appliquer les filtres").click()
    expect(browser_page.get_by_role("link", name="Accueillir une révélation de violences")).to_be_visible()
    axe.assert_no_violations(browser_page)


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", base_url=live_server.url, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_cancelling_asks_first_without_javascript_and_no_keeps_the_place(site, page_without_javascript):
    """No JavaScript at all: "Annuler mon inscription" only opens the confirmation, "Non,
    garder mon inscription" goes back with the place kept, "Oui" cancels."""
    page = page_without_javascript
    training_url = site["training"].url
    log_in(page, "professionnel")
    page.goto(training_url)
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_text("Votre inscription : Confirmée")).to_be_visible()

    cancel_link = page.get_by_role("link", name=re.compile(r"^Annuler mon inscription à la session du "))
    cancel_link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Annuler votre inscription à « Accueillir")
    page.get_by_role("link", name="Non, garder mon inscription").click()
    assert page.url.endswith(training_url)
    expect(page.get_by_text("Votre inscription : Confirmée")).to_be_visible()

    cancel_link.click()
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    assert page.url.endswith(training_url)
    expect(
        page.get_by_text("Votre inscription à « Accueillir une révélation de violences » est annulée.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="S'inscrire")).to_be_visible()
