"""Production's shared cache (a table in the database): Wagtail's site root paths are read
from it once per 5 s per process, not once per page URL; a Site change still shows."""

import pytest

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

pytestmark = pytest.mark.django_db

DB_CACHE = {
    "default": {"BACKEND": "caching.backends.LocallyMemoizedDatabaseCache", "LOCATION": "portal_cache_test"},
}


@pytest.fixture
def db_cache(settings):
    settings.CACHES = DB_CACHE
    call_command("createcachetable", verbosity=0)
    cache = caches["default"]
    cache.clear()
    return cache


def cache_queries(context):
    return [query for query in context.captured_queries if "portal_cache_test" in query["sql"]]


def test_page_urls_read_the_site_root_paths_once(db_cache, site_skeleton, client):
    Site.get_site_root_paths()  # fills the shared cache
    with CaptureQueriesContext(connection) as context:
        for _ in range(6):
            Site.get_site_root_paths()
    assert len(cache_queries(context)) <= 1


def test_other_keys_are_not_kept_in_the_process(db_cache):
    db_cache.set("compteur", 1)
    assert db_cache.get("compteur") == 1
    db_cache.set("compteur", 2)  # as another app server would, through the table
    with CaptureQueriesContext(connection) as context:
        assert db_cache.get("compteur") == 2
    assert len(cache_queries(context)) == 1


def test_a_site_change_is_seen_at_once_on_this_server(db_cache, site_skeleton):
    site = Site.objects.get(is_default_site=True)
    before = Site.get_site_root_paths()
    site.hostname = "vif.lenord.fr"
    site.save()  # Wagtail deletes the cached root paths
    after = Site.get_site_root_paths()
    assert before != after
    assert after[0].root_url.startswith("http://vif.lenord.fr")
