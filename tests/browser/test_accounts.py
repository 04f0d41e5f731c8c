"""Account pages in the browser: the whole sign-up journey, and zero axe violations."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.db import OperationalError

from accounts.forms import SignupForm
from tests.helpers import log_in, login_code_in, signup_data


def test_signup_verification_login_profile(live_site, browser_page, axe):
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
    expect(page.locator("#id_consent_error")).to_have_text(
        "Erreur : Cochez la case d'accord pour créer votre compte : "
        "le portail ne peut pas gérer vos inscriptions sans traiter ces données."
    )
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
        (None, "/compte/mot-de-passe/oubli/envoye/"),
        ("professionnel", "/compte/mot-de-passe/"),
        ("referent", "/compte/profil/"),
        ("referent", "/boite-a-outils/annuaire/"),
        ("professionnel", "/boite-a-outils/annuaire/"),
        ("professionnel", "/compte/profil/supprimer/"),
    ],
)
def test_account_pages_have_no_accessibility_violations(live_site, browser_page, axe, account, url):
    if account:
        log_in(browser_page, f"{account}@exemple.fr")
    browser_page.goto(url)
    axe.assert_no_violations(browser_page)


def test_wrong_password_message_is_announced(live_site, browser_page, axe):
    log_in(browser_page, "referent@exemple.fr", "mauvais-mot-de-passe")
    error = browser_page.get_by_text("Erreur : L’adresse e-mail ou le mot de passe sont incorrects.")
    expect(error).to_be_visible()
    axe.assert_no_violations(browser_page)


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_empty_signup_shows_a_focused_error_summary_that_leads_to_each_field(live_site, browser_page, axe):
    page = browser_page
    page.goto("/compte/inscription/")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_load_state()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading", level=2)).to_have_text("Le formulaire contient 9 erreurs")
    # At the top: before the form's first field, within the first screen.
    assert summary.bounding_box()["y"] < page.locator("#id_first_name").bounding_box()["y"]
    assert summary.bounding_box()["y"] < page.viewport_size["height"]

    links = summary.get_by_role("link")
    expect(links).to_have_count(9)
    expect(links.first).to_have_text("Prénom : Saisissez votre prénom.")
    for index, field_id in [(0, "id_first_name"), (3, "id_service"), (6, "id_password1"), (8, "id_consent")]:
        links.nth(index).click()
        expect(page.locator(f"#{field_id}")).to_be_focused()
        field = page.locator(f"#{field_id}")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", re.compile(rf"\b{field_id}_error\b"))
    # The accessible description read with the field is the message that says what to do.
    description = page.evaluate(
        """() => document.getElementById("id_password1").getAttribute("aria-describedby")
            .split(" ").map(id => document.getElementById(id).textContent.trim()).join(" | ")"""
    )
    assert "Au moins 10 caractères" in description
    assert "Erreur : Saisissez un mot de passe d'au moins 10 caractères." in description
    axe.assert_no_violations(page)


def test_login_by_code_pages_have_no_accessibility_violations(live_site, browser_page, axe):
    page = browser_page
    page.goto("/compte/connexion/")
    page.get_by_role("link", name="Recevoir un code de connexion par e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recevoir un code de connexion")
    axe.assert_no_violations(page)

    page.get_by_role("button", name="Recevoir un code").click()  # nothing typed
    expect(page.locator(".error-summary")).to_be_focused()
    axe.assert_no_violations(page)

    page.get_by_label("Adresse e-mail de votre compte").fill("professionnel@exemple.fr")
    page.get_by_role("button", name="Recevoir un code").click()
    page.wait_for_url("**/compte/connexion/code/confirmation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Saisir le code de connexion")
    axe.assert_no_violations(page)

    page.get_by_label("Code de connexion").fill("FAUX00")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("#id_code_error")).to_contain_text("Ce code est incorrect")
    axe.assert_no_violations(page)

    page.get_by_label("Code de connexion").fill(login_code_in(mail.outbox[-1]))
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    page.goto("/compte/profil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")


def test_the_throttling_page_has_no_accessibility_violations(live_site, browser_page, axe, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip", "login_failed": False}
    page = browser_page
    for _ in range(3):
        log_in(page, "inconnu@exemple.fr", "mauvais-mot-de-passe")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trop de tentatives")
    axe.assert_no_violations(page)
    page.get_by_role("link", name="Revenir à la page de connexion").click()
    expect(page).to_have_url(re.compile("/compte/connexion/$"))


def test_the_database_unavailable_page_has_no_accessibility_violations(
    live_site, browser_page, axe, monkeypatch
):
    def database_refuses_the_write(self, request):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(SignupForm, "try_save", database_refuses_the_write)
    page = browser_page
    page.goto("/compte/inscription/")
    for name, value in signup_data().items():
        if name == "consent":
            page.locator("#id_consent").check()
        elif name in ("service", "territory"):
            page.locator(f"#id_{name}").select_option(value)
        else:
            page.locator(f"#id_{name}").fill(value)
    with page.expect_response("**/compte/inscription/") as answer:
        page.get_by_role("button", name="Créer mon compte").click()
    assert answer.value.status == 503
    expect(page.get_by_role("heading", level=1)).to_have_text("Service momentanément indisponible")
    axe.assert_no_violations(page)
