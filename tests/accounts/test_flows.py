"""Sign-up, e-mail verification, log-in, throttling, password reset: the public account flows."""

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.test import Client

from accounts.models import User
from tests.helpers import PASSWORD, link_in, page_text, signup_data

pytestmark = pytest.mark.django_db

SIGNUP = signup_data()


def test_signup_verification_login_and_profile(client):
    response = client.post("/compte/inscription/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirmation-email/"
    assert "Vérifiez votre adresse e-mail" in page_text(client.get(response["Location"]))

    user = User.objects.get(email="anne.durand@exemple.fr")
    assert (user.first_name, user.service, user.territory, user.job_title) == (
        "Anne",
        "pmi",
        "douaisis",
        "Sage-femme de PMI",
    )
    assert user.data_consent_at is not None
    assert not user.is_referent, "nobody can claim the referent status"

    # Not verified yet: logging in is refused until the address is confirmed.
    other = Client()
    other.post("/compte/connexion/", {"login": SIGNUP["email"], "password": PASSWORD})
    assert other.get("/compte/profil/").status_code == 302

    [message] = mail.outbox
    assert message.subject == "[Portail VIF Nord] Confirmez votre adresse e-mail"
    assert "Bonjour Anne" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'lang="fr"' in html and "Confirmer mon adresse e-mail" in html

    confirm_url = link_in(message, "/compte/confirmation-email/")
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified
    profile = client.get("/compte/profil/")
    assert profile.status_code == 200
    assert "Anne Durand" in profile.content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "pas-une-adresse"}, "Indiquez une adresse e-mail complète"),
        ({"consent": ""}, "Cochez la case d'accord pour créer votre compte"),
        (
            {"password1": "azerty", "password2": "azerty"},
            "Saisissez un mot de passe d'au moins 10 caractères.",
        ),
        ({"password2": "autre-chose-2026"}, "Les deux mots de passe ne correspondent pas"),
        ({"territory": "paris"}, "Choisissez un territoire proposé dans la liste."),
        ({"first_name": ""}, "Saisissez votre prénom."),
    ],
)
def test_signup_bad_input_gets_a_french_message(client, change, message):
    response = client.post("/compte/inscription/", {**SIGNUP, **change})
    assert response.status_code == 200
    text = page_text(response)
    assert message in text
    assert "Erreur :" in text
    assert not User.objects.exists()


def test_signup_with_an_existing_address_does_not_reveal_it(client, demo_users):
    response = client.post("/compte/inscription/", {**SIGNUP, "email": "Referent@exemple.fr"})
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirmation-email/", "same answer as a new account"
    assert User.objects.filter(email__iexact="referent@exemple.fr").count() == 1
    [message] = mail.outbox
    assert message.to == ["referent@exemple.fr"]
    assert message.subject == "[Portail VIF Nord] Votre compte existe déjà"


def test_login_with_wrong_password_gets_a_french_message(client, demo_users):
    response = client.post("/compte/connexion/", {"login": "professionnel@exemple.fr", "password": "mauvais"})
    assert response.status_code == 200
    assert "Erreur : L’adresse e-mail ou le mot de passe sont incorrects." in page_text(response)


def test_login_is_locked_after_five_failures(client, demo_users):
    for _ in range(5):
        client.post("/compte/connexion/", {"login": "professionnel@exemple.fr", "password": "mauvais"})
    response = client.post(
        "/compte/connexion/", {"login": "professionnel@exemple.fr", "password": "demo-vif-2026"}
    )
    assert response.status_code == 200
    assert "Erreur : Trop d'essais de mot de passe erronés pour cette adresse" in page_text(response)
    assert client.get("/compte/profil/").status_code == 302, (
        "even the right password is refused during the lock-out"
    )
    # Another account is not affected by this one's lock-out.
    other = Client()
    other.post("/compte/connexion/", {"login": "referent@exemple.fr", "password": "demo-vif-2026"})
    assert other.get("/compte/profil/").status_code == 200


def test_password_reset_does_not_reveal_unknown_addresses(client, demo_users):
    known = client.post("/compte/mot-de-passe/oubli/", {"email": "professionnel@exemple.fr"})
    unknown = client.post("/compte/mot-de-passe/oubli/", {"email": "inconnu@exemple.fr"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["professionnel@exemple.fr"] == "[Portail VIF Nord] Réinitialisation de votre mot de passe"
    assert subjects["inconnu@exemple.fr"] == "[Portail VIF Nord] Demande d’accès à un compte inconnu"


def test_password_reset_sets_a_new_password(client, demo_users):
    client.post("/compte/mot-de-passe/oubli/", {"email": "professionnel@exemple.fr"})
    reset_url = link_in(mail.outbox[0], "/compte/mot-de-passe/oubli/cle/")
    response = client.get(reset_url)
    # allauth stores the key in the session and redirects to a key-less URL.
    form_url = response["Location"] if response.status_code == 302 else reset_url
    response = client.post(form_url, {"password1": "Nouveau-mot-2026!", "password2": "Nouveau-mot-2026!"})
    assert response.status_code == 302
    assert User.objects.get(email="professionnel@exemple.fr").check_password("Nouveau-mot-2026!")


def test_expired_reset_link_is_refused_in_french(client, demo_users, settings):
    client.post("/compte/mot-de-passe/oubli/", {"email": "professionnel@exemple.fr"})
    reset_url = link_in(mail.outbox[0], "/compte/mot-de-passe/oubli/cle/")
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is now older than the limit
    response = client.get(reset_url, follow=True)
    assert response.status_code == 200
    text = page_text(response)
    assert "invalide" in text
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else reset_url,
        {"password1": "Nouveau-mot-2026!", "password2": "Nouveau-mot-2026!"},
    )
    assert response.status_code < 500
    assert User.objects.get(email="professionnel@exemple.fr").check_password("demo-vif-2026")


def test_tampered_verification_link_gets_a_french_message(client, db):
    response = client.get("/compte/confirmation-email/MQ:falsifie:abcdef/")
    assert response.status_code in (200, 404)
    assert "a expiré ou n'est pas valide" in page_text(response)
    assert client.post("/compte/confirmation-email/MQ:falsifie:abcdef/").status_code < 500


def test_csrf_is_enforced_on_the_login_form(demo_users):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/compte/connexion/", {"login": "professionnel@exemple.fr", "password": "demo-vif-2026"}
    )
    assert response.status_code == 403


def test_logged_in_user_without_admin_access_sees_an_explanation_not_a_loop(client, demo_users):
    client.force_login(demo_users["referent"])
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 2
    assert "Vous n’avez pas l’autorisation d’accéder à l’administration." in page_text(response)


def test_the_login_page_offers_the_password_reset_once(client, db):
    page = page_text(client.get("/compte/connexion/"))
    assert page.count("Mot de passe oublié") == 1
    assert page.count("Recevoir un code de connexion par e-mail") == 1
