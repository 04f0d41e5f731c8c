"""Log-in with ProConnect, driven through the whole authorisation-code flow against a local
ProConnect-like provider (tests/accounts/proconnect_idp.py) on the live server: first log-in,
linking an existing account, log-out through ProConnect, every refusal, and the feature off."""

import logging
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from django.test import Client

from accounts.models import User
from tests.accounts import proconnect_idp
from tests.accounts.proconnect_idp import AGENT
from tests.helpers import PASSWORD, page_text
from tests.portal.test_settings import run_django

PROFILE = {
    "first_name": "Claire",
    "last_name": "Martin",
    "service": "pmi",
    "territory": "douaisis",
    "job_title": "Puéricultrice",
    "consent": "on",
}


PORTAL = "http://portail.localhost"


@pytest.fixture
def client():
    # A host name with a dot: the provider checks return addresses as URLs ("testserver" is not one).
    return Client(HTTP_HOST=urlsplit(PORTAL).netloc)


@pytest.fixture
def proconnect(live_server, settings):
    return proconnect_idp.start(settings, live_server.url, [PORTAL, live_server.url])


def local(url):
    """A URL as the test client asks for it (path and query string)."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def go_to_proconnect(client):
    response = client.post("/compte/connexion/proconnect/", {"process": "login"})
    assert response.status_code == 302, page_text(response)
    return response["Location"]


def at_provider(url):
    """The agent's browser at ProConnect (its own cookies, the provider's host name)."""
    return Client(HTTP_HOST=urlsplit(url).netloc).get(local(url))


def authorize(authorize_url):
    """ProConnect's authorisation: it sends the agent back to the portal with a code."""
    response = at_provider(authorize_url)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def log_in(client):
    """The whole round trip; returns the portal's answer to ProConnect's return."""
    return client.get(local(authorize(go_to_proconnect(client))))


def test_off_when_not_configured(client, db):
    assert "ProConnect" not in page_text(client.get("/compte/connexion/"))
    assert "ProConnect" not in page_text(client.get("/compte/inscription/"))
    assert client.post("/compte/connexion/proconnect/").status_code == 404
    assert client.get("/compte/connexion/proconnect/retour/?code=x&state=y").status_code == 404


def test_half_a_configuration_is_refused(tmp_path):
    result = run_django(
        "portal.settings.dev",
        {"PROCONNECT_DISCOVERY_URL": "https://proconnect.invalid/.well-known/openid-configuration"},
    )
    assert result.returncode != 0
    assert "PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET vont ensemble" in result.stderr


def test_the_log_in_and_sign_up_pages_offer_proconnect(client, proconnect):
    for page in ("/compte/connexion/", "/compte/inscription/"):
        text = page_text(client.get(page))
        assert "S'identifier avec ProConnect" in text
        assert "Qu'est-ce que ProConnect ?" in text


def test_the_authorization_request_follows_proconnect_rules(client, proconnect):
    query = parse_qs(urlsplit(go_to_proconnect(client)).query)
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32
    assert set(query["scope"][0].split()) >= {"openid", "given_name", "usual_name", "email", "siret"}
    assert query["redirect_uri"] == ["http://portail.localhost/compte/connexion/proconnect/retour/"]
    assert query["client_id"] == [proconnect_idp.CLIENT_ID]


def test_first_log_in_asks_only_what_the_portal_needs(client, proconnect):
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/compte/connexion/proconnect/premiere-connexion/"
    form_page = client.get(response["Location"])
    text = page_text(form_page)
    assert "Première connexion avec ProConnect" in text
    assert AGENT["email"] in text
    form = form_page.context["form"]
    assert set(form.fields) == {"first_name", "last_name", "service", "territory", "job_title", "consent"}
    assert (form.initial["first_name"], form.initial["last_name"]) == ("Claire", "MARTIN")

    response = client.post(response["Location"], {**PROFILE, "consent": ""})
    assert response.status_code == 200
    assert "Cochez la case d'accord pour créer votre compte" in page_text(response)

    response = client.post("/compte/connexion/proconnect/premiere-connexion/", PROFILE)
    assert response.status_code == 302
    user = User.objects.get(email=AGENT["email"])
    assert (user.first_name, user.last_name, user.service, user.territory, user.job_title) == (
        "Claire",
        "Martin",
        "pmi",
        "douaisis",
        "Puéricultrice",
    )
    assert user.siret == AGENT["siret"]
    assert user.data_consent_at is not None
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid, account.extra_data["sub"]) == (
        "proconnect",
        AGENT["email"],
        AGENT["sub"],
    )
    assert client.get("/compte/profil/").status_code == 200


def make_account(email=AGENT["email"], verified=True):
    user = User.objects.create_user(email, PASSWORD, first_name="Claire", last_name="Martin", service="ssp")
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def test_an_existing_account_is_linked_by_its_email_not_duplicated(client, proconnect):
    user = make_account(email="Claire.Martin@lenord.fr".lower())
    accounts_before = User.objects.count()
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert User.objects.count() == accounts_before
    assert client.get("/compte/profil/").context["user"] == user
    user.refresh_from_db()
    assert user.siret == AGENT["siret"]
    assert user.service == "ssp", "the profile is kept"
    assert user.has_usable_password(), "a verified account keeps its password"
    assert SocialAccount.objects.get(user=user).uid == AGENT["email"]


def test_the_agent_is_found_by_email_when_sub_changes(client, proconnect, settings):
    user = make_account()
    log_in(client)
    # The agent moved to another identity provider: same e-mail, another sub.
    settings.TEST_PROCONNECT_AGENT = {**AGENT, "sub": "autre-sub-chez-un-autre-fi", "siret": "13002526500013"}
    other = Client(HTTP_HOST=urlsplit(PORTAL).netloc)
    assert log_in(other)["Location"] == "/"
    assert other.get("/compte/profil/").context["user"] == user
    user.refresh_from_db()
    assert user.siret == "13002526500013"
    assert User.objects.filter(email=AGENT["email"]).count() == 1


def test_an_unproven_address_loses_its_password_when_proconnect_proves_it(client, proconnect):
    """Someone signed up with the agent's address and a password, never confirmed: the agent
    logs in with ProConnect and gets the account, the stranger's password no longer works."""
    user = make_account(verified=False)
    assert log_in(client)["Location"] == "/"
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified


def test_log_out_goes_through_proconnect_end_session_with_the_id_token(client, proconnect, live_server):
    make_account()
    log_in(client)
    id_token = client.session["proconnect_id_token"]
    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302
    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}" == live_server.url
    assert end_session.path == "/idp/identity/o/logout"
    query = parse_qs(end_session.query)
    assert query["id_token_hint"] == [id_token]
    assert jwt.decode(id_token, options={"verify_signature": False})["sub"] == AGENT["sub"]
    assert query["post_logout_redirect_uri"] == ["http://portail.localhost/compte/deconnexion/proconnect/"]
    assert len(query["state"][0]) >= 32
    assert client.get("/compte/profil/").status_code == 302, "logged out of the portal already"

    back = at_provider(response["Location"])
    assert back.status_code == 302
    assert back["Location"].startswith("http://portail.localhost/compte/deconnexion/proconnect/?state=")
    assert client.get(local(back["Location"]))["Location"] == "/"


def test_a_password_log_out_does_not_go_to_proconnect(client, proconnect):
    make_account()
    client.post("/compte/connexion/", {"login": AGENT["email"], "password": PASSWORD})
    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def expire(claims):
    claims["iat"] -= 3600
    claims["exp"] = claims["iat"] + 300


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        ("TEST_PROCONNECT_ALTER_ID_TOKEN", lambda claims: claims.pop("nonce"), "nonce_missing"),
        ("TEST_PROCONNECT_ALTER_ID_TOKEN", lambda claims: claims.update(nonce="n" * 43), "nonce_mismatch"),
        (
            "TEST_PROCONNECT_ALTER_ID_TOKEN",
            lambda claims: claims.update(aud="un-autre-client"),
            "id_token_wrong_audience",
        ),
        ("TEST_PROCONNECT_ALTER_ID_TOKEN", expire, "id_token_expired"),
        (
            "TEST_PROCONNECT_ALTER_ID_TOKEN",
            lambda claims: claims.update(iss="https://faux.invalid"),
            "id_token_wrong_issuer",
        ),
        ("TEST_PROCONNECT_USERINFO", "json", "userinfo_not_jwt"),
        ("TEST_PROCONNECT_USERINFO", "unsigned", "userinfo_algorithm_refused"),
        ("TEST_PROCONNECT_USERINFO", "hs256", "userinfo_algorithm_refused"),
        ("TEST_PROCONNECT_USERINFO", "foreign_key", "userinfo_bad_signature"),
    ],
)
def test_an_answer_that_cannot_be_verified_is_refused(
    client, proconnect, settings, caplog, setting, value, reason
):
    setattr(settings, setting, value)
    users_before = User.objects.count()
    with caplog.at_level(logging.INFO, logger="accounts.proconnect"):
        response = log_in(client)
    assert response.status_code == 403
    assert "Connexion avec ProConnect refusée" in page_text(response)
    assert "par sécurité, le portail a refusé la connexion" in page_text(response)
    assert_logged_without_personal_data(caplog, reason)
    assert User.objects.count() == users_before
    assert client.get("/compte/profil/").status_code == 302


def assert_logged_without_personal_data(caplog, reason):
    records = [record for record in caplog.records if record.name == "accounts.proconnect"]
    assert [record.getMessage() for record in records] == [f"ProConnect log-in refused: {reason}"]
    logged = " ".join(record.getMessage() for record in caplog.records).lower()
    for personal in (AGENT["email"], AGENT["given_name"].lower(), AGENT["usual_name"].lower(), AGENT["sub"]):
        assert personal not in logged


def test_a_tampered_state_is_refused(client, proconnect, caplog):
    back = authorize(go_to_proconnect(client))
    parts = urlsplit(back)
    query = parse_qs(parts.query)
    state = query["state"][0]
    tampered = f"{parts.path}?code={query['code'][0]}&state={state[:-1]}{'A' if state[-1] != 'A' else 'B'}"
    with caplog.at_level(logging.INFO, logger="accounts.proconnect"):
        response = client.get(tampered)
    assert response.status_code == 400
    assert "Cette demande de connexion n'est plus valable" in page_text(response)
    assert_logged_without_personal_data(caplog, "state_unknown")


def test_a_replayed_return_is_refused(client, proconnect, caplog):
    make_account()
    back = local(authorize(go_to_proconnect(client)))
    assert client.get(back)["Location"] == "/"
    client.post("/compte/deconnexion/")
    with caplog.at_level(logging.INFO, logger="accounts.proconnect"):
        response = client.get(back)
    assert response.status_code == 400
    assert_logged_without_personal_data(caplog, "state_unknown")
    assert client.get("/compte/profil/").status_code == 302


def test_a_return_without_state_is_refused(client, proconnect):
    response = client.get("/compte/connexion/proconnect/retour/?code=abc")
    assert response.status_code == 400


def test_cancelling_at_proconnect(client, proconnect):
    state = parse_qs(urlsplit(go_to_proconnect(client)).query)["state"][0]
    response = client.get(f"/compte/connexion/proconnect/retour/?error=access_denied&state={state}")
    assert response.status_code == 200
    assert "Vous avez annulé la connexion avec ProConnect" in page_text(response)


def test_proconnect_unreachable(client, proconnect, settings, caplog):
    app = settings.SOCIALACCOUNT_PROVIDERS["proconnect"]["APPS"][0]
    app["settings"] = {**app["settings"], "server_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    settings.SOCIALACCOUNT_PROVIDERS = {"proconnect": {"APPS": [app]}}
    with caplog.at_level(logging.INFO, logger="accounts.proconnect"):
        response = client.post("/compte/connexion/proconnect/", {"process": "login"})
    assert response.status_code == 503
    assert "ProConnect ne répond pas" in page_text(response)
    assert_logged_without_personal_data(caplog, "discovery_unreachable")


def test_proconnect_without_email_is_refused(client, proconnect, settings, caplog):
    settings.TEST_PROCONNECT_AGENT = {key: value for key, value in AGENT.items() if key != "email"}
    with caplog.at_level(logging.INFO, logger="accounts.proconnect"):
        response = log_in(client)
    assert response.status_code == 403
    assert "ProConnect n'a pas transmis votre adresse e-mail professionnelle" in page_text(response)
    assert_logged_without_personal_data(caplog, "email_missing")
