"""The accessibility statement follows the State's model: an honest status (no audit: "non
conforme") with its date, the derogations and exempt contents, the contact and the recourse."""

import re

import pytest

from demo.builders.home import ACCESSIBILITY_STATEMENT_DATE, DEMO_CONTACT_EMAIL

pytestmark = pytest.mark.django_db


def main_text(client, url):
    html = client.get(url).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_statement_says_non_conforme_without_an_audit_and_gives_its_date(client, site_skeleton):
    html = main_text(client, "/accessibilite/")
    assert "<h1>Déclaration d&#x27;accessibilité</h1>" in html
    assert "<strong>non conforme</strong>" in html
    assert "partiellement conforme" not in html
    assert "pas encore fait l'objet d'un audit" in html
    assert f"Cette déclaration a été établie le {ACCESSIBILITY_STATEMENT_DATE}." in html


def test_statement_has_the_sections_of_the_official_model(client, site_skeleton):
    html = main_text(client, "/accessibilite/")
    headings = [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)]
    for heading in [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Contenus non soumis à l&#x27;obligation d&#x27;accessibilité",
        "Établissement de cette déclaration d&#x27;accessibilité",
        "Retour d&#x27;information et contact",
        "Voies de recours",
    ]:
        assert heading in headings, heading
    assert "contenus de tiers" in html and "PDF" in html and "vidéos de tiers" in html


def test_statement_gives_the_contact_and_the_recourse(client, site_skeleton):
    html = main_text(client, "/accessibilite/")
    assert 'href="/contact/?objet=accessibilite"' in html
    assert f'href="mailto:{DEMO_CONTACT_EMAIL}"' in html
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert "09 69 39 00 00" in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html


def test_footer_states_the_compliance_status(client, site_skeleton):
    html = client.get("/").content.decode()
    assert '<a href="/accessibilite/">Accessibilité : non conforme</a>' in html
