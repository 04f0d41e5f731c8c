"""Account pages in the browser: the whole sign-up journey, and zero axe violations."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.core.cache import cache

from tests.conftest import build_site_skeleton

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(settings):
    settings.DEBUG = False
    cache.clear()
    build_site_skeleton()


def log_in(page, email, password="demo-vif-2026"):
    page.goto("/compte/connexion/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_signup_verification_login_profile(site, browser_page, axe):
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name="Créer un compte").click()
    axe.assert_no_violations(page)

    page.get_by_label("Prénom").fill("Nadia")
    page.locator("#id_last_name").fill("Haddad")
    page.get_by_label("Adresse e-mail professionnelle").fill("nadia.haddad@exemple.fr")
    page.get_by_label("Type de service ou employeur").select_option("css")
    page.get_by_label("Territoire").select_option("avesnois")
    page.get_by_label("Fonction").fill("Conseillère conjugale et familiale")
    page.locator("#id_password1").fill("Reperage-VIF-2026")
    page.locator("#id_password2").fill("Reperage-VIF-2026")

    # Forgetting the consent box gives a French error, and nothing typed is lost.
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_text("Erreur : Votre accord est nécessaire pour créer un compte.")).to_be_visible()
    assert page.locator("#id_job_title").input_value() == "Conseillère conjugale et familiale"
    axe.assert_no_violations(page)

    page.locator("#id_password1").fill("Reperage-VIF-2026")
    page.locator("#id_password2").fill("Reperage-VIF-2026")
    page.get_by_label(re.compile("J'accepte")).check()
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/compte/confirmation-email/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vérifiez votre adresse e-mail"
    axe.assert_no_violations(page)

    link = re.search(r"https?://[^/\s]+(/compte/confirmation-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    axe.assert_no_violations(page)
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state()

    page.goto("/compte/profil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_text("nadia.haddad@exemple.fr").first).to_be_visible()
    axe.assert_no_violations(page)

    # Log out, then back in with the e-mail.
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    log_in(page, "nadia.haddad@exemple.fr", "Reperage-VIF-2026")
    page.goto("/compte/profil/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mon espace"


@pytest.mark.parametrize(
    ("account", "url"),
    [
        (None, "/compte/connexion/"),
        (None, "/compte/mot-de-passe/oubli/"),
        ("referent", "/compte/profil/"),
        ("referent", "/boite-a-outils/annuaire/"),
        ("professionnel", "/boite-a-outils/annuaire/"),
        ("professionnel", "/compte/profil/supprimer/"),
    ],
)
def test_account_pages_have_no_accessibility_violations(site, browser_page, axe, account, url):
    if account:
        log_in(browser_page, f"{account}@exemple.fr")
    browser_page.goto(url)
    axe.assert_no_violations(browser_page)


def test_wrong_password_message_is_announced(site, browser_page, axe):
    log_in(browser_page, "referent@exemple.fr", "mauvais-mot-de-passe")
    error = browser_page.get_by_text("Erreur : L’adresse e-mail ou le mot de passe sont incorrects.")
    expect(error).to_be_visible()
    axe.assert_no_violations(browser_page)
