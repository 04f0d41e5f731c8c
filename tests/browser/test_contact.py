"""The contact form and the HTML site map in the browser, with zero axe violations."""

import pytest
from playwright.sync_api import expect

from django.core import mail


@pytest.fixture
def site(live_site, settings):
    settings.CONTACT_MIN_SECONDS = 1


def test_contact_form_errors_then_success(site, browser_page, axe):
    page = browser_page
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="écrire à l'équipe du portail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nous contacter")
    axe.assert_no_violations(page)

    # Sent with mistakes: the error summary comes first, focused, with links to the fields.
    page.get_by_label("Votre nom").fill("Camille Martin")
    page.get_by_label("Votre adresse e-mail").fill("camille.martin")
    page.wait_for_timeout(1100)  # the spam guard's minimum fill time (1 s here)
    page.get_by_role("button", name="Envoyer le message").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Indiquez une adresse e-mail valide")
    expect(summary).to_contain_text("Choisissez l'objet de votre message")
    assert page.get_by_label("Votre nom").input_value() == "Camille Martin"
    axe.assert_no_violations(page)

    summary.get_by_role("link", name="Votre adresse e-mail").click()
    expect(page.get_by_label("Votre adresse e-mail")).to_be_focused()

    page.get_by_label("Votre adresse e-mail").fill("camille.martin@example.fr")
    page.get_by_label("Objet de votre message").select_option("formation")
    page.locator("#id_message").fill("La session de mars est-elle ouverte aux assistantes sociales ?")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_url("**/contact/envoye/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre message a été envoyé")
    axe.assert_no_violations(page)
    assert len(mail.outbox) == 1
    assert "session de mars" in mail.outbox[0].body


def test_html_site_map(site, browser_page, axe):
    page = browser_page
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Plan du site").click()
    page.wait_for_url("**/plan-du-site/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan du site")
    site_map = page.get_by_role("navigation", name="Plan du site")
    expect(site_map.get_by_role("link", name="Mentions légales")).to_be_visible()
    expect(site_map.get_by_role("link", name="Nous contacter")).to_be_visible()
    expect(site_map.get_by_role("link", name="Animer un temps de co-formation")).to_have_count(0)
    axe.assert_no_violations(page)
    site_map.get_by_role("link", name="Ressources").click()
    page.wait_for_url("**/ressources/")
