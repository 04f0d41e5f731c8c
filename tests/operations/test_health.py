"""/healthz: 200 when the database, the search engine and the file storage answer; 503 naming
the part that does not, never saying why (no address, no credentials); never cached."""

import json
import os
import subprocess
import sys

import pytest

from django.core.files.storage import FileSystemStorage

from operations import health

pytestmark = pytest.mark.django_db

CLOSED_PORT_ENGINE = {
    "default": {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": ["http://elastic:motdepasse-secret@127.0.0.1:1"],
        "TIMEOUT": 2,
    }
}


@pytest.fixture(autouse=True)
def fresh_storage_probe(settings):
    settings.HEALTHZ_STORAGE_CACHE_SECONDS = 0
    health._storage_result.update(checked_at=None, ok=False)


def test_all_parts_up(client, site_skeleton, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok", "storage": "ok"},
    }
    assert "no-store" in response["Cache-Control"]
    assert list(tmp_path.rglob("probe-*")) == [], "the storage probe cleans up after itself"


def test_search_engine_down(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.WAGTAILSEARCH_BACKENDS = CLOSED_PORT_ENGINE
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"] == {"database": "ok", "cache": "ok", "search": "error", "storage": "ok"}
    assert body["failed"] == ["search"]
    assert "secret" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


def test_storage_down(client, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the media directory should be")
    monkeypatch.setattr(health, "default_storage", FileSystemStorage(location=blocker / "media"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert str(tmp_path) not in response.content.decode()


def test_cache_down(client, settings, tmp_path):
    """Production's database cache without its table (``createcachetable`` forgotten)."""
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "table_absente"}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert (checks["database"], checks["cache"], checks["storage"]) == ("ok", "error", "ok")


def test_storage_probe_is_not_written_on_every_request(client, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_STORAGE_CACHE_SECONDS = 30
    writes = []
    original = health.default_storage.save
    monkeypatch.setattr(health.default_storage, "save", lambda *a, **k: writes.append(a) or original(*a, **k))
    for _ in range(3):
        assert client.get("/healthz").json()["checks"]["storage"] == "ok"
    assert len(writes) == 1


def test_database_down_in_production(tmp_path):
    """Production settings, PostgreSQL on a closed port: 503 naming the database, without the
    address or password of DATABASE_URL; the probe is also answered over plain HTTP."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SEARCH_URL", "AWS_STORAGE_BUCKET_NAME"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="vif.lenord.fr",
        DATABASE_URL="postgres://portal:motdepasse-secret@127.0.0.1:1/portal",
        MEDIA_ROOT=str(tmp_path),
        LOG_FORMAT="json",
    )
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='vif.lenord.fr'); "
        "print(json.dumps({'status': r.status_code, 'body': r.content.decode()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    body = json.loads(answer["body"])
    assert body["checks"]["database"] == "error"
    assert body["failed"][0] == "database"
    assert body["checks"]["storage"] == "ok"
    assert "secret" not in answer["body"] and "127.0.0.1" not in answer["body"]
    assert "secret" not in result.stderr, "nor in the logs"


def test_real_search_engine_up(client, settings, tmp_path):
    """Against the CI's OpenSearch node (SEARCH_TEST_URL): the ping answers."""
    from tests.search.node import node_backends

    settings.MEDIA_ROOT = tmp_path
    settings.WAGTAILSEARCH_BACKENDS = node_backends("healthz_probe")  # skips locally / fails in CI
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["search"] == "ok"
