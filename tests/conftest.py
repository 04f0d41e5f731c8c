"""Shared fixtures: demo content, demo accounts, and the rule for service-backed tests
(skip locally with a clear reason, fail under CI=true)."""

import os

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


@pytest.fixture
def demo_content(db, settings):
    settings.DEBUG = False
    call_command("load_demo_content", force=True, verbosity=0)


def build_site_skeleton():
    """The demo site without the bulky content: accounts, home, legal pages, the sections
    (the toolbox restricted) and the home page's tiles. Fast enough for any test."""
    import accounts.demo
    import home.demo
    from home.models import ContentPage
    from library.demo import restrict_to_referents
    from library.models import LibraryIndexPage, ToolboxPage
    from trainings.models import SeminarIndexPage, TrainingCatalogPage
    from webinars.models import WebinarIndexPage

    accounts.demo.build()
    home_page = home.demo.build()
    home.demo.ensure_page(home_page, LibraryIndexPage, "ressources", title="Ressources")
    toolbox = home.demo.ensure_page(
        home_page, ToolboxPage, "boite-a-outils", title="Boîte à outils des référents"
    )
    restrict_to_referents(toolbox)
    home.demo.ensure_page(
        toolbox, ContentPage, "animer-un-temps-de-co-formation", title="Animer un temps de co-formation"
    )
    home.demo.ensure_page(home_page, TrainingCatalogPage, "formations", title="Formations")
    home.demo.ensure_page(home_page, SeminarIndexPage, "seminaires", title="Séminaires")
    home.demo.ensure_page(home_page, WebinarIndexPage, "webinaires", title="Webinaires")
    home.demo.build_home_page()


@pytest.fixture
def site_skeleton(db):
    build_site_skeleton()


@pytest.fixture
def demo_users(db):
    from accounts.demo import build

    users = build()
    return {user.email.split("@")[0]: user for user in users}


@pytest.fixture
def home_page(db):
    from home.demo import get_home_page

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
    """Each test starts with an empty cache: cached query results (home.content_cache) and
    routes never leak from one test's database into the next."""
    from django.core.cache import cache

    from home.content_cache import clear_local

    cache.clear()
    clear_local()
    yield
    cache.clear()
    clear_local()
