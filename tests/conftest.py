"""Shared fixtures: demo content, demo accounts, and the rule for service-backed tests
(skip locally with a clear reason, fail under CI=true)."""

import contextlib
import io
import os
import runpy
import uuid
from types import SimpleNamespace

import pytest

from django.core.management import call_command
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_service(available, reason):
    """Skip when a service is missing, but fail in CI: a green CI must not hide a skipped suite."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true mais service absent : {reason}")
    pytest.skip(reason)


@pytest.fixture
def require_postgres(db):
    require_service(
        connection.vendor == "postgresql",
        "PostgreSQL requis (DATABASE_URL=postgres://…) ; base actuelle : " + connection.vendor,
    )


S3_SETTINGS = (
    "STORAGES",
    "WAGTAILIMAGES_RENDITION_STORAGE",
    "WAGTAILDOCS_SERVE_METHOD",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_DEFAULT_ACL",
    "AWS_QUERYSTRING_AUTH",
    "AWS_QUERYSTRING_EXPIRE",
    "AWS_S3_FILE_OVERWRITE",
)


def s3_reachable(endpoint):
    import requests

    try:
        requests.get(endpoint, timeout=3)
    except requests.RequestException:
        return False
    return True


@pytest.fixture
def s3_bucket(db, settings, monkeypatch):
    """A fresh bucket on a real S3 API server (moto_server, started by .ci/run), with the
    portal's bucket policy, and the portal's S3 settings as base.py computes them from the
    environment; uploaded files go there for the duration of the test."""
    import boto3
    from botocore.config import Config

    from django.core.files.storage import storages

    from wagtail.images.models import Rendition

    endpoint = os.environ.get("S3_TEST_ENDPOINT_URL", "")
    require_service(
        bool(endpoint) and s3_reachable(endpoint),
        "serveur S3 requis (S3_TEST_ENDPOINT_URL=http://127.0.0.1:5055 avec "
        "« .venv/bin/moto_server -H 127.0.0.1 -p 5055 ») ; "
        + (f"{endpoint} ne répond pas" if endpoint else "S3_TEST_ENDPOINT_URL absent"),
    )
    bucket = f"portail-test-{uuid.uuid4().hex[:12]}"
    region = "eu-west-3"
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": region,
        "AWS_ACCESS_KEY_ID": "moto-test",
        "AWS_SECRET_ACCESS_KEY": "moto-test",  # moto accepts any key
    }.items():
        monkeypatch.setenv(name, value)
    import portal.settings.base

    computed = runpy.run_path(portal.settings.base.__file__)
    for name in S3_SETTINGS:
        setattr(settings, name, computed[name])

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        config=Config(s3={"addressing_style": "path"}),
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    call_command("configure_s3_bucket", stdout=io.StringIO())  # policy, ACL block, versioning
    # Wagtail binds Rendition.file's storage when the model is imported (get_rendition_storage):
    # point it at this test's "renditions" storage, as WAGTAILIMAGES_RENDITION_STORAGE would at start-up.
    monkeypatch.setattr(Rendition._meta.get_field("file"), "storage", storages["renditions"])

    def object_keys():
        listing = client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    yield SimpleNamespace(name=bucket, endpoint=endpoint.rstrip("/"), client=client, object_keys=object_keys)

    versions = client.list_object_versions(Bucket=bucket)
    for item in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
        client.delete_object(Bucket=bucket, Key=item["Key"], VersionId=item["VersionId"])
    client.delete_bucket(Bucket=bucket)


@pytest.fixture
def demo_content(db, settings):
    settings.DEBUG = False
    call_command("load_demo_content", force=True, verbosity=0)


def build_site_skeleton():
    """The demo site without the bulky content: accounts, home, legal pages, the sections
    (the toolbox restricted) and the home page's tiles. Fast enough for any test."""
    from accounts.groups import restrict_to_referents
    from demo.builders import accounts as accounts_demo
    from demo.builders import home as home_demo
    from demo.builders.common import ensure_page
    from home.models import ContentPage
    from library.models import LibraryIndexPage, ToolboxPage
    from trainings.models import SeminarIndexPage, TrainingCatalogPage
    from webinars.models import WebinarIndexPage

    accounts_demo.build()
    home_page = home_demo.build()
    ensure_page(home_page, LibraryIndexPage, "ressources", title="Ressources")
    toolbox = ensure_page(home_page, ToolboxPage, "boite-a-outils", title="Boîte à outils des référents")
    restrict_to_referents(toolbox)
    ensure_page(
        toolbox, ContentPage, "animer-un-temps-de-co-formation", title="Animer un temps de co-formation"
    )
    ensure_page(home_page, TrainingCatalogPage, "formations", title="Formations")
    ensure_page(home_page, SeminarIndexPage, "seminaires", title="Séminaires")
    ensure_page(home_page, WebinarIndexPage, "webinaires", title="Webinaires")
    home_demo.build_home_page()


@pytest.fixture
def site_skeleton(db):
    build_site_skeleton()


@pytest.fixture
def demo_users(db):
    from demo.builders.accounts import build

    users = build()
    return {user.email.split("@")[0]: user for user in users}


@pytest.fixture
def home_page(db):
    from demo.builders.common import get_home_page

    return get_home_page()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep serialized-rollback data reachable from every connection object.

    Django stores it on the connection object of the thread that built the test
    database. Playwright's sync API switches greenlets, and Django's connection
    handler keeps connections in context variables, so a browser test can get a fresh
    connection object without that attribute, and ``serialized_rollback`` then silently
    restores nothing. A class-level fallback makes the data reachable from any of them.
    """
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            type(connections[alias])._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: cached query results (caching.content),
    routes, rate limits and popular searches never leak from one test into the next."""
    from django.core.cache import caches

    from caching.content import clear_local
    from search.vocabulary import forget

    def clear():
        for cache in caches.all(initialized_only=True):
            cache.clear()
        clear_local()
        forget()

    clear()
    yield
    clear()


@contextlib.contextmanager
def read_only_database():
    """The default database refuses every write within the block, as a read-only one would
    (SQLite: ``query_only``; PostgreSQL: a read-only transaction). The block runs in a
    savepoint rolled back at the end, so that the test can write again afterwards."""
    from django.db import transaction

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if connection.vendor == "sqlite":
                    cursor.execute("PRAGMA query_only = ON")
                else:
                    cursor.execute("SET LOCAL transaction_read_only = on")
            yield
            transaction.set_rollback(True)
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")


@pytest.fixture(scope="session", autouse=True)
def _transactional_tests_leave_the_migrated_data():
    """A transactional test ends with the data its migrations made (groups, root page, site…).

    Django's serialized rollback restores that data when such a test *starts* and leaves an
    empty database behind, which is harmless only if every ordinary test runs before every
    transactional one. pytest-django sorts them so in one process, but pytest-xdist's work
    stealing does not keep that order on each worker: an ordinary test after a transactional
    one then finds no groups. So the data is restored right after the flush instead, and the
    database is in its migrated state between any two tests, whatever the order."""
    from django.db import connections
    from django.test import TransactionTestCase

    setup, teardown = TransactionTestCase.__dict__["_fixture_setup"], TransactionTestCase._fixture_teardown

    def fixture_setup(cls):
        serialized, cls.serialized_rollback = cls.serialized_rollback, False
        try:
            setup.__func__(cls)  # the data is already there: no restore at the start
        finally:
            cls.serialized_rollback = serialized

    def fixture_teardown(self):
        teardown(self)
        if not self.serialized_rollback:
            return
        for alias in self._databases_names(include_mirrors=False):
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)

    TransactionTestCase._fixture_setup = classmethod(fixture_setup)
    TransactionTestCase._fixture_teardown = fixture_teardown
    yield
    TransactionTestCase._fixture_setup = setup
    TransactionTestCase._fixture_teardown = teardown


def pytest_collection_modifyitems(config, items):
    """Every transactional test restores the serialized database (``serialized_rollback``).

    A transactional test ends with a flush; without serialized rollback that flush runs
    ``post_migrate``, which recreates the content types and permissions under new ids, and
    the next serialized test then fails to restore its own rows (duplicate content type), and
    so does every serialized test after it in the same process. Which test runs after which
    depends on pytest-xdist's scheduling, so the rule holds for every test, not per file."""
    deselect_sqlite_only(config, items)
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = (marker is not None and marker.kwargs.get("transaction")) or (
            "live_server" in getattr(item, "fixturenames", ())
        )
        if transactional and not (marker is not None and marker.kwargs.get("serialized_rollback")):
            kwargs = dict(marker.kwargs) if marker is not None else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


def deselect_sqlite_only(config, items):
    """Tests of the SQLite backend itself (``sqlite_only``: FTS5, the embedded default) are
    deselected, not skipped, on another database: ``make test`` runs them in a second pass on
    SQLite (``make test-sqlite``), so CI runs them too."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
