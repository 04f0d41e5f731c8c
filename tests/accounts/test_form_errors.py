"""Account forms (sign-up, password reset, new password, profile, password change, log-in
code): every error says what to do, in French, field by field; the error summary lists
them with links; each control points at its help and error texts (aria-describedby) and
says it is invalid (aria-invalid)."""

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.test import Client

from tests.helpers import link_in, signup_data

pytestmark = pytest.mark.django_db

GENERIC = ("Ce champ est obligatoire", "Sélectionnez un choix valide", "Saisissez une adresse e-mail valide")

SIGNUP_EMPTY = {
    "first_name": "Saisissez votre prénom.",
    "last_name": "Saisissez votre nom de famille.",
    "email": "Saisissez votre adresse e-mail professionnelle, par exemple prenom.nom@lenord.fr.",
    "service": "Choisissez votre type de service ou employeur dans la liste.",
    "territory": "Choisissez dans la liste le territoire où vous travaillez.",
    "job_title": "Saisissez votre fonction, par exemple puéricultrice ou assistante sociale.",
    "password1": "Saisissez un mot de passe d'au moins 10 caractères.",
    "password2": "Saisissez une deuxième fois le même mot de passe, pour le confirmer.",
    "consent": "Cochez la case d'accord pour créer votre compte : "
    "le portail ne peut pas gérer vos inscriptions sans traiter ces données.",
}
PROFILE_EMPTY = {
    name: SIGNUP_EMPTY[name] for name in ("first_name", "last_name", "service", "territory", "job_title")
}
NEW_PASSWORD_EMPTY = {name: SIGNUP_EMPTY[name] for name in ("password1", "password2")}
PASSWORDS_DIFFER = "Les deux mots de passe ne correspondent pas : saisissez le même mot de passe deux fois."


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_errors(page):
    """{field name: its error text} as the page shows it next to each control."""
    errors = {}
    for control in page.select("main [aria-invalid=true]"):
        error = page.find(id=f"{control['id']}_error")
        assert error is not None, f"{control['name']}: no element with the id its error should have"
        errors[control["name"]] = error.get_text(" ", strip=True).removeprefix("Erreur : ")
    return errors


def assert_accessible_errors(page, expected):
    """The errors are those expected, in the summary with links, and tied to their controls."""
    assert field_errors(page) == expected
    text = page.select_one("main").get_text(" ", strip=True)
    for generic in GENERIC:
        assert generic not in text

    summary = page.select_one(".error-summary")
    assert summary is not None, "an error summary at the top of the form"
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1", "the summary takes the focus"
    form = summary.find_parent("form")
    first_control = form.find(lambda tag: tag.name in ("input", "select") and tag.get("type") != "hidden")
    assert summary.sourceline < first_control.sourceline, "the summary comes before the fields"
    links = {}
    for link in summary.select("a"):
        links.setdefault(link["href"], []).append(link.get_text(" ", strip=True))
    for name, message in expected.items():
        control = page.find(attrs={"name": name, "aria-invalid": "true"})
        for error in message.split(" Erreur : "):
            assert any(error in text for text in links[f"#{control['id']}"]), (
                f"{name}: the summary links to the field with « {error} »"
            )

        described_by = control["aria-describedby"].split()
        assert f"{control['id']}_error" in described_by
        help_text = page.find(id=f"{control['id']}_helptext")
        if help_text is not None:
            assert f"{control['id']}_helptext" in described_by, f"{name}: its help is announced too"
        for target in described_by:
            assert len(page.find_all(id=target)) == 1, f"{name}: {target} names exactly one element"


def test_empty_signup_says_what_to_do_for_every_field(client):
    response = client.post("/compte/inscription/", {})
    assert response.status_code == 200
    assert_accessible_errors(soup(response), SIGNUP_EMPTY)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"email": "pas-une-adresse"},
            "email",
            "Indiquez une adresse e-mail complète, par exemple prenom.nom@lenord.fr.",
        ),
        ({"territory": "paris"}, "territory", "Choisissez un territoire proposé dans la liste."),
        ({"service": "mairie"}, "service", "Choisissez un type de service proposé dans la liste."),
        ({"first_name": "A" * 151}, "first_name", "Saisissez un prénom de 150 caractères au plus."),
        ({"password2": "Autre-chose-2026"}, "password2", PASSWORDS_DIFFER),
        (
            {"password1": "Court-1", "password2": "Court-1"},
            "password1",
            "Saisissez un mot de passe d'au moins 10 caractères.",
        ),
        (
            {"password1": "4829301756384", "password2": "4829301756384"},
            "password1",
            "Ce mot de passe ne contient que des chiffres : ajoutez des lettres.",
        ),
    ],
)
def test_signup_errors_say_what_to_do(client, change, field, message):
    response = client.post("/compte/inscription/", signup_data(**change))
    assert response.status_code == 200
    assert field_errors(soup(response))[field] == message


def test_several_errors_of_one_field_share_one_described_element(client):
    response = client.post("/compte/inscription/", signup_data(password1="12345678", password2="12345678"))
    page = soup(response)
    error = field_errors(page)["password1"]
    assert "Saisissez un mot de passe d'au moins 10 caractères." in error
    assert "Ce mot de passe fait partie des plus utilisés" in error
    assert_accessible_errors(page, {"password1": error})


def test_password_help_is_valid_html_announced_with_the_field(client):
    page = soup(client.get("/compte/inscription/"))
    password = page.find(id="id_password1")
    help_text = page.find(id=password["aria-describedby"])
    assert help_text.name == "div", "the validators' list cannot sit inside a paragraph"
    assert "Au moins 10 caractères" in help_text.get_text()


def test_empty_password_reset_request_says_what_to_do(client):
    response = client.post("/compte/mot-de-passe/oubli/", {})
    assert response.status_code == 200
    page = soup(response)
    assert_accessible_errors(
        page,
        {
            "email": "Saisissez l'adresse e-mail de votre compte : le lien pour choisir "
            "un nouveau mot de passe y sera envoyé."
        },
    )
    assert page.find(id="id_email").get("placeholder") is None
    assert page.select_one("main form").has_attr("novalidate")


def new_password_form_url(client, email="professionnel@exemple.fr"):
    client.post("/compte/mot-de-passe/oubli/", {"email": email})
    response = client.get(link_in(mail.outbox[-1], "/compte/mot-de-passe/oubli/cle/"))
    assert response.status_code == 302, "allauth keeps the key in the session"
    return response["Location"]


def test_empty_new_password_says_what_to_do(client, demo_users):
    url = new_password_form_url(client)
    response = client.post(url, {})
    assert response.status_code == 200
    assert_accessible_errors(soup(response), NEW_PASSWORD_EMPTY)


def test_different_new_passwords_say_what_to_do(client, demo_users):
    url = new_password_form_url(client)
    response = client.post(url, {"password1": "Nouveau-mot-2026!", "password2": "Nouveau-mot-2027!"})
    assert_accessible_errors(soup(response), {"password2": PASSWORDS_DIFFER})


def test_empty_profile_says_what_to_do(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/profil/", {})
    assert response.status_code == 400
    assert_accessible_errors(soup(response), PROFILE_EMPTY)


def test_password_change_errors_say_what_to_do(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/mot-de-passe/", {})
    assert_accessible_errors(
        soup(response), {"oldpassword": "Saisissez votre mot de passe actuel.", **NEW_PASSWORD_EMPTY}
    )
    response = client.post(
        "/compte/mot-de-passe/",
        {"oldpassword": "pas-le-bon", "password1": "Nouveau-mot-2026!", "password2": "Nouveau-mot-2026!"},
    )
    assert field_errors(soup(response))["oldpassword"].startswith(
        "Ce n'est pas votre mot de passe actuel : saisissez celui qui vous sert à vous connecter"
    )


def test_login_code_errors_say_what_to_do(demo_users):
    client = Client()
    response = client.post("/compte/connexion/code/", {"email": "professionnel@exemple.fr"})
    assert response.status_code == 302
    confirm_url = response["Location"]
    assert_accessible_errors(
        soup(client.post(confirm_url, {})), {"code": "Saisissez le code de connexion reçu par e-mail."}
    )
    response = client.post(confirm_url, {"code": "FAUX00"})
    assert field_errors(soup(response))["code"] == (
        "Ce code est incorrect : saisissez le code du dernier e-mail reçu, ou demandez un nouveau code."
    )
