"""The shared database cache, with a short in-process memory for a few hot keys.

Wagtail reads its site root paths (``wagtail_site_root_paths``) from the default cache each
time a page URL is built without a request: six times on the home page. With the cache in
PostgreSQL (production's default, shared by every app server) that was six SQL queries per
page. Those keys change only when a Site is edited: this process keeps what it read for
``LOCAL_SECONDS`` (5 s), so another app server sees a Site change within 5 s; the server
where it happens drops its copy at once (Wagtail deletes the key)."""

import time

from django.core.cache.backends.db import DatabaseCache

LOCAL_KEYS = frozenset({"wagtail_site_root_paths"})
LOCAL_SECONDS = 5.0
_MISSING = object()


class LocallyMemoizedDatabaseCache(DatabaseCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._local = {}

    def get(self, key, default=None, version=None):
        if key not in LOCAL_KEYS:
            return super().get(key, default, version)
        memo = self._local.get((key, version))
        if memo is not None and memo[0] > time.monotonic():
            return memo[1]
        value = super().get(key, _MISSING, version)
        if value is _MISSING:
            return default
        self._local[(key, version)] = (time.monotonic() + LOCAL_SECONDS, value)
        return value

    def _forget(self, key, version):
        if key in LOCAL_KEYS:
            self._local.pop((key, version), None)

    def set(self, key, value, timeout=None, version=None):
        self._forget(key, version)
        return super().set(key, value, timeout, version)

    def delete(self, key, version=None):
        self._forget(key, version)
        return super().delete(key, version)

    def clear(self):
        self._local.clear()
        return super().clear()
