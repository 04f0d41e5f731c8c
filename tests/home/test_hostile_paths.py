"""Hostile page addresses (a long segment, a NUL, other scripts' digits) are a 404, never a
500, with the production cache (a database table) on every backend."""

import pytest

from django.core.management import call_command

from tests.helpers import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "caching.backends.LocallyMemoizedDatabaseCache", "LOCATION": "portal_cache"}
    }
    call_command("createcachetable", verbosity=0)


@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
def test_hostile_page_addresses_are_a_404(client, site_skeleton, database_cache):
    failures = []
    for value in [v for v in HOSTILE_VALUES if v] + ["x" * 300]:
        for path in (f"/{value}/", f"/ressources/{value}/", f"/ressources/flux/{value}/"):
            try:
                status = client.get(path).status_code
            except Exception as error:  # noqa: BLE001 - reported below
                status = repr(error)[:200]
            if status != 404:
                failures.append((path[:60], status))
    assert failures == []
