"""ProConnect in the browser: the button, ProConnect's round trip through the local
ProConnect-like provider (tests/accounts/proconnect_idp.py), the first log-in form, and the
log-out through ProConnect, with zero axe violations on the portal's pages."""

import re

from playwright.sync_api import expect

from accounts.models import User
from tests.accounts import proconnect_idp


def test_first_log_in_with_proconnect_then_log_out(live_site, live_server, settings, browser_page, axe):
    proconnect_idp.start(settings, live_server.url, [live_server.url])
    page = browser_page
    page.goto("/compte/connexion/")
    axe.assert_no_violations(page)
    page.get_by_role("button", name="S'identifier avec ProConnect").click()

    # ProConnect (the local provider) sends the agent straight back: first log-in form.
    page.wait_for_url("**/compte/connexion/proconnect/premiere-connexion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Première connexion avec ProConnect")
    expect(page.get_by_text(proconnect_idp.AGENT["email"])).to_be_visible()
    assert page.get_by_label("Prénom").input_value() == "Claire"
    axe.assert_no_violations(page)

    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator("#id_service_error")).to_contain_text("Erreur : Choisissez votre type de service")
    axe.assert_no_violations(page)

    page.get_by_label("Type de service ou employeur").select_option("pmi")
    page.get_by_label("Territoire").select_option("avesnois")
    page.get_by_label("Fonction").fill("Puéricultrice")
    page.get_by_label(re.compile("J'accepte")).check()
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_load_state()

    user = User.objects.get(email=proconnect_idp.AGENT["email"])
    assert (user.service, user.territory, user.siret) == ("pmi", "avesnois", proconnect_idp.AGENT["siret"])
    page.goto("/compte/profil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")

    # "Se déconnecter" goes through ProConnect's end-session endpoint and back home.
    with page.expect_request(re.compile(r"/idp/identity/o/logout\?.*id_token_hint=")):
        page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto("/compte/profil/")
    page.wait_for_url("**/compte/connexion/**")
