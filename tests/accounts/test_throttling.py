"""Log-in throttling behind the documented nginx: per visitor, not per proxy, and a locked
account can still be reached by its owner with a one-time code sent by e-mail."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core import mail
from django.test import Client

from tests.helpers import login_code_in, page_text

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NGINX = "10.0.0.2"  # REMOTE_ADDR of every request: the proxy's own address
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"
PASSWORD = "demo-vif-2026"


def production_setting(name, **env):
    """A setting as portal.settings.production computes it from the environment."""
    clean_env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXY_COUNT"}
    clean_env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "vif.lenord.fr",
            "DATABASE_URL": "postgres://portal@127.0.0.1:1/portal",
            **env,
        }
    )
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def production_proxy_count():
    return int(production_setting("ALLAUTH_TRUSTED_PROXY_COUNT"))


@pytest.fixture
def behind_nginx(settings, production_proxy_count):
    """The app as production runs it behind deploy/nginx/portal.conf."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = production_proxy_count


def visitor(address, forged=None):
    """A browser behind nginx: nginx appends the address it saw to whatever X-Forwarded-For
    the browser sent ($proxy_add_x_forwarded_for) and connects from its own address."""
    forwarded = f"{forged}, {address}" if forged else address
    return Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)


def log_in(client, email, password, **extra):
    return client.post("/compte/connexion/", {"login": email, "password": password}, **extra)


def logged_in(client):
    return client.get("/compte/profil/").status_code == 200


def test_production_trusts_exactly_the_documented_proxy():
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT") == "1", "one nginx in front of gunicorn"
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2") == "2"
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="0") == "0"


def test_the_nginx_template_appends_the_visitor_address_to_x_forwarded_for():
    conf = (ROOT / "deploy/nginx/portal.conf").read_text()
    app_locations = [block for block in conf.split("location ") if "proxy_pass http://portal_app" in block]
    assert app_locations
    for block in app_locations:
        assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in block


def test_an_attacker_behind_the_proxy_cannot_lock_out_another_visitor(behind_nginx, demo_users):
    attacker = visitor(ATTACKER)
    for index in range(12):
        log_in(attacker, f"inconnu{index}@exemple.fr", "mauvais")
    response = log_in(attacker, "professionnel@exemple.fr", PASSWORD)
    assert "Trop d'essais de mot de passe erronés" in page_text(response)
    assert not logged_in(attacker), "the attacker's own address is throttled"

    victim = visitor(VICTIM)
    log_in(victim, "professionnel@exemple.fr", PASSWORD)
    assert logged_in(victim), "another visitor behind the same proxy logs in"


def test_a_forged_leftmost_x_forwarded_for_does_not_give_a_fresh_bucket(behind_nginx, demo_users):
    for index in range(12):
        log_in(visitor(ATTACKER, forged=f"192.0.2.{index}"), f"inconnu{index}@exemple.fr", "mauvais")
    forger = visitor(ATTACKER, forged="192.0.2.200")
    response = log_in(forger, "referent@exemple.fr", PASSWORD)
    assert "Trop d'essais de mot de passe erronés" in page_text(response)
    assert not logged_in(forger), "the forged entries are ignored: still the attacker's bucket"


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings, demo_users):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0  # development: runserver, no proxy in front
    for index in range(12):
        Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{index}").post(
            "/compte/connexion/", {"login": f"inconnu{index}@exemple.fr", "password": "mauvais"}
        )
    client = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.200")
    log_in(client, "referent@exemple.fr", PASSWORD)
    assert not logged_in(client)


def test_a_locked_account_is_still_reachable_by_its_owner_with_an_emailed_code(behind_nginx, demo_users):
    # Five wrong passwords from five different addresses: the account's own limit is kept.
    for index in range(5):
        log_in(visitor(f"192.0.2.{index}"), "professionnel@exemple.fr", "mauvais")
    owner = visitor(VICTIM)
    response = log_in(owner, "professionnel@exemple.fr", PASSWORD)
    assert not logged_in(owner), "the password lock-out of the account still holds"
    page = page_text(response)
    assert "Trop d'essais de mot de passe erronés" in page
    assert "Recevoir un code de connexion par e-mail" in page

    response = owner.post("/compte/connexion/code/", {"email": "professionnel@exemple.fr"})
    assert response.status_code == 302
    assert response["Location"] == "/compte/connexion/code/confirmation/"
    page = page_text(owner.get(response["Location"]))
    assert "Saisir le code de connexion" in page
    [message] = mail.outbox
    assert message.to == ["professionnel@exemple.fr"]
    assert message.subject == "[Portail VIF Nord] Votre code de connexion"
    assert "valable 5 minutes" in message.body

    response = owner.post("/compte/connexion/code/confirmation/", {"code": "FAUX00"})
    assert "Erreur :" in page_text(response)
    assert not logged_in(owner)
    response = owner.post("/compte/connexion/code/confirmation/", {"code": login_code_in(message)})
    assert response.status_code == 302
    assert logged_in(owner), "the owner is in, despite the password lock-out"


def test_asking_a_code_for_an_unknown_address_reveals_nothing(demo_users):
    client = Client()
    known = client.post("/compte/connexion/code/", {"email": "professionnel@exemple.fr"})
    other = Client()
    unknown = other.post("/compte/connexion/code/", {"email": "inconnu@exemple.fr"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert page_text(other.get(unknown["Location"])).count("Saisir le code de connexion") >= 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["inconnu@exemple.fr"] == "[Portail VIF Nord] Demande d’accès à un compte inconnu"
