"""A database that refuses writes (read-only, locked): pages and downloads keep working, the
counters skip, a write answers a French 503 page with Retry-After, /healthz says so, and
nothing waits for a lock longer than the configured cap. The log-in's throttling page is
French too."""

import sqlite3
import time

import pytest

from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.test import Client

from accounts.models import User
from library.models import DownloadCount
from operations import health
from operations.database import best_effort_write, refuses_writes
from tests.accounts.test_flows import SIGNUP
from tests.conftest import read_only_database
from tests.library.conftest import make_document, make_resource
from tests.trainings.conftest import make_session, make_training
from trainings.models import Registration, TrainingCatalogPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lenient_client():
    """A visitor's browser: an error is a page to read, not an exception in the test."""
    return Client(raise_request_exception=False)


def assert_french_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.DATABASE_RETRY_AFTER)
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "Service momentanément indisponible" in html
    assert "Rien n'a été enregistré" in html


def test_downloads_work_and_skip_the_count_when_the_database_is_read_only(lenient_client, site_skeleton):
    from library.models import LibraryIndexPage

    document = make_document("Guide à télécharger.")
    make_resource(LibraryIndexPage.objects.get(), documents=[document])
    with read_only_database():
        response = lenient_client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert not DownloadCount.objects.filter(document=document).exists()
    assert lenient_client.get(document.url).status_code == 200
    assert DownloadCount.objects.get(document=document).count == 1, "counted again once writable"


def test_pages_are_read_when_the_database_is_read_only(lenient_client, site_skeleton):
    catalog = TrainingCatalogPage.objects.get()
    training = make_training(catalog, title="Repérer les violences")
    make_session(training)
    with read_only_database():
        for url in ("/", "/ressources/", "/formations/", training.url):
            assert lenient_client.get(url).status_code == 200, url


def test_every_listing_search_and_api_read_with_hostile_input_on_a_read_only_database(
    lenient_client, site_skeleton, demo_users
):
    """Reads keep working on a read-only database everywhere a visitor or a partner lists
    content, hostile values included (the search log, counters and caches must not write)."""
    catalog = TrainingCatalogPage.objects.get()
    make_session(make_training(catalog, title="Repérer les violences"))
    lenient_client.force_login(demo_users["referent"])
    urls = {
        "/ressources/": ["type", "theme", "year", "page"],
        "/ressources/flux/": [],
        "/webinaires/": ["theme", "year", "speaker", "page"],
        "/formations/": ["organisme", "mois", "places", "page"],
        "/seminaires/": ["page"],
        "/boite-a-outils/annuaire/": ["territoire", "service", "page"],
        "/recherche/": ["q", "year", "page"],
        "/recherche/suggestions/": ["q"],
        "/plan-du-site/": [],
        "/api/v2/pages/": ["search", "offset", "type"],
    }
    values = ["repérage", 'violence "de"', "²", "9" * 30, "\x00", "<script>alert(1)</script>"]
    failures = []
    with read_only_database():
        for url, names in urls.items():
            for query in [{}] + [{name: value} for name in names for value in values]:
                status = lenient_client.get(url, query).status_code
                if status not in (200, 400):
                    failures.append((url, query, status))
    assert failures == []


def test_registering_for_a_session_answers_a_french_503(lenient_client, site_skeleton, demo_users):
    session = make_session(make_training(TrainingCatalogPage.objects.get()))
    lenient_client.force_login(demo_users["professionnel"])
    with read_only_database():
        response = lenient_client.post(f"/inscriptions/session/{session.pk}/")
        assert_french_503(response)
        assert "no-store" in response["Cache-Control"]
    assert not Registration.objects.filter(session=session).exists()


def test_signing_up_answers_a_french_503(lenient_client, site_skeleton):
    with read_only_database():
        assert_french_503(lenient_client.post("/compte/inscription/", SIGNUP))
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_healthz_reports_a_read_only_database(lenient_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_STORAGE_CACHE_SECONDS = 0
    health._storage_result.update(checked_at=None, ok=False)
    with read_only_database():
        response = lenient_client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "read-only"
    assert body["failed"] == ["database"]
    assert lenient_client.get("/healthz").json()["checks"]["database"] == "ok", (
        "the probe left nothing behind"
    )


def test_a_counter_gives_up_at_once_on_a_read_only_database():
    def write():
        DownloadCount.objects.update(count=0)

    with read_only_database():
        assert best_effort_write("Test", write) is False
    assert best_effort_write("Test", write) is True


def test_a_lock_is_waited_for_a_few_seconds_at_most(tmp_path):
    """Another connection holds the write lock (a long write, a backup): a request's write
    gives up within the configured cap (DATABASE_LOCK_TIMEOUT, 3 s by default; it was 20 s)
    and the error is recognised as "refuses writes" (the French 503)."""
    assert settings.DATABASE_LOCK_TIMEOUT <= 5
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE counter (n INTEGER)")
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN EXCLUSIVE")
    options = {
        "transaction_mode": "IMMEDIATE",
        "timeout": settings.DATABASE_LOCK_TIMEOUT,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["timeout"] == settings.DATABASE_LOCK_TIMEOUT
    wrapper = SQLiteWrapper(
        {
            **connection.settings_dict,
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": options,
        }
    )
    try:
        started = time.monotonic()
        with pytest.raises(OperationalError) as failure, wrapper.cursor() as cursor:
            cursor.execute("INSERT INTO counter VALUES (1)")
        waited = time.monotonic() - started
        assert waited < settings.DATABASE_LOCK_TIMEOUT + 1
        assert refuses_writes(failure.value)
        with wrapper.cursor() as cursor:  # reads go on beside the writer (WAL)
            cursor.execute("SELECT count(*) FROM counter")
            assert cursor.fetchone() == (0,)
    finally:
        wrapper.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_postgresql_connections_cap_lock_and_statement_waits():
    if connection.vendor != "postgresql":
        options = settings.DATABASES["default"]["OPTIONS"]
        assert options["timeout"] == settings.DATABASE_LOCK_TIMEOUT
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == f"{int(settings.DATABASE_LOCK_TIMEOUT)}s"
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{int(settings.DATABASE_STATEMENT_TIMEOUT)}s"


def test_the_log_in_throttling_page_is_french(client, site_skeleton, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip", "login_failed": False}
    for _ in range(2):
        assert (
            client.post("/compte/connexion/", {"login": "x@exemple.fr", "password": "faux"}).status_code
            == 200
        )
    response = client.post("/compte/connexion/", {"login": "x@exemple.fr", "password": "faux"})
    assert response.status_code == 429
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "Trop de tentatives" in html
    assert "Patientez quelques minutes" in html
    assert "Too Many Requests" not in html
