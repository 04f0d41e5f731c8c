"""Settings come from the environment; production refuses unsafe defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from portal.settings.base import search_backends_from_url

ROOT = Path(__file__).resolve().parents[2]


def run_django(settings_module, env, code="import django; django.setup(); print('ok')"):
    clean_env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    clean_env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing, tmp_path):
    env = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "vif.lenord.fr",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop(missing)
    result = run_django("portal.settings.production", env)
    assert result.returncode != 0
    assert f"{missing} est obligatoire" in result.stderr


def test_production_starts_when_configured(tmp_path):
    result = run_django(
        "portal.settings.production",
        {
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "vif.lenord.fr",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True"


def test_sqlite_default_is_configured_for_concurrent_requests(tmp_path):
    """The embedded default (a file under var/) uses WAL, IMMEDIATE transactions and a busy timeout."""
    code = (
        "import django; django.setup(); from django.db import connection; from django.conf import settings; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "print(settings.DATABASES['default']['OPTIONS']['transaction_mode'], settings.DATABASES['default']['OPTIONS']['timeout'])"
    )
    result = run_django("portal.settings.dev", {"VAR_DIR": str(tmp_path)}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE", "3.0"]
    assert (tmp_path / "portal.sqlite3").exists()


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_admin_speaks_french(client, demo_users):
    client.post("/compte/connexion/", {"login": "editeur@exemple.fr", "password": "demo-vif-2026"})
    html = client.get("/admin/").content.decode()
    assert "Tableau de bord" in html
    assert 'lang="fr"' in html


@pytest.mark.parametrize(
    ("url", "backend", "urls"),
    [
        ("", "search.backends.database", None),
        (
            "opensearch2+http://127.0.0.1:9250",
            "wagtail.search.backends.opensearch3",
            ["http://127.0.0.1:9250"],
        ),
        (
            "elasticsearch8+https://es.example:9200/vif",
            "wagtail.search.backends.elasticsearch8",
            ["https://es.example:9200"],
        ),
    ],
)
def test_search_url_selects_the_backend(url, backend, urls):
    config = search_backends_from_url(url)["default"]
    assert config["BACKEND"] == backend
    assert config.get("URLS") == urls


def test_bad_search_url_is_refused():
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url("solr+http://localhost:8983")


@pytest.mark.django_db
def test_ci_runs_the_suite_on_postgresql():
    """The CI must exercise PostgreSQL, not silently fall back to SQLite."""
    if os.environ.get("CI", "").lower() != "true":
        pytest.skip("hors CI : la suite tourne sur la base locale (" + connection.vendor + ")")
    assert connection.vendor == "postgresql"


PRODUCTION_ENV = {
    "SECRET_KEY": "k7#Vq2!mZ9x$Lp4@Rt8&Wn3^Hs6*Jd1(Fb5)Gc0-Ye2+Ua7=Oi9_Ek4",
    "ALLOWED_HOSTS": "vif.lenord.fr",
    "CSRF_TRUSTED_ORIGINS": "https://vif.lenord.fr",
    "SITE_URL": "https://vif.lenord.fr",
}


def test_check_deploy_has_nothing_to_say(tmp_path):
    """`manage.py check --deploy` with the variables of docs/deployment.md: no warning at all."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    clean_env = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests (Playwright) in this process.
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_keeps_no_state_on_the_app_server(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.SESSION_ENGINE); "
        "print(s.TASKS['default']['BACKEND']); print(s.STORAGES['staticfiles']['BACKEND'])"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "caching.backends.LocallyMemoizedDatabaseCache",
        "django.contrib.sessions.backends.db",
        "django_tasks_db.DatabaseBackend",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]
    redis = run_django(
        "portal.settings.production",
        {**env, "CACHE_URL": "redis://cache.interne:6379/1"},
        "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
    )
    assert redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_production_logs_are_json_lines_with_the_request_id(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "LOG_LEVEL": "INFO"}
    code = (
        "import django, logging; django.setup(); "
        "from operations.logging import request_id_var; request_id_var.set('abc123'); "
        "logging.getLogger('trainings').warning('Inscription enregistrée')"
    )
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    record = json.loads(line)
    assert record["level"] == "WARNING"
    assert record["logger"] == "trainings"
    assert record["message"] == "Inscription enregistrée"
    assert record["request_id"] == "abc123"
    assert "time" in record


def test_request_id_comes_from_nginx_or_is_made_up(client, db):
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="f00dcafe")["X-Request-ID"] == "f00dcafe"
    made_up = client.get("/robots.txt", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert len(made_up) == 32 and made_up.isalnum()


def test_production_sends_hsts_and_redirects_to_https_except_the_health_check(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path),
    }
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(HTTP_HOST='vif.lenord.fr'); "
        "s = c.get('/healthz', secure=True); print(s['Strict-Transport-Security']); "
        "print('script-src' in s['Content-Security-Policy']); "
        "print(c.get('/robots.txt').status_code, c.get('/healthz').status_code != 301)"
    )
    result = run_django("portal.settings.production", env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["max-age=31536000; includeSubDomains", "True", "301 True"]


def test_a_dotenv_file_fills_in_what_the_environment_does_not_set(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("SITE_URL=https://depuis-le-fichier.example\nSEARCH_INDEX=index_du_fichier\n")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SITE_URL, settings.WAGTAILSEARCH_BACKENDS['default'].get('INDEX_PREFIX', '-'))"
    )
    env = {
        "ENV_FILE": str(env_file),
        "READ_DOTENV": "true",
        "SEARCH_URL": "opensearch2+http://127.0.0.1:9200",
    }
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "SEARCH_INDEX"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://depuis-le-fichier.example", "index_du_fichier_"]

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            **env,
            "SITE_URL": "https://env.example",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "https://env.example", "the environment wins over the file"
