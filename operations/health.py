"""``/healthz``: is this app server able to serve? For load balancers, monitoring and the
deployment guide's smoke test.

Checks, each cheap but real: the database (``SELECT 1`` and a write rolled back: a
read-only or locked database is reported as ``"read-only"``), the shared cache (a set and a get:
log-in throttling needs it; catches a missing ``createcachetable``), the search engine (a
cluster ping for OpenSearch/Elasticsearch within HEALTHZ_SEARCH_TIMEOUT, default 1 s, a one-row query for the database backend), the file storage
(write, read back and delete a tiny probe object: an ``exists()`` would pass on a read-only
or full disk). The storage probe's result is kept HEALTHZ_STORAGE_CACHE_SECONDS (default 30 s)
per process, so that a probe every few seconds costs at most a couple of writes a minute.

The answer names the failing part but never says why: exception messages can hold
addresses with credentials; the reason goes to the server's log (exception class only).
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connections, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations.database import refuses_writes, short_lock_wait

logger = logging.getLogger(__name__)

PROBE_DIR = "healthz"
HEALTHZ_LOCK_WAIT_MS = 500
_storage_result = {"checked_at": None, "ok": False}


def check_database():
    """A read and a write: a read-only (or locked) database answers ``SELECT 1`` but refuses
    every registration. The write rewrites one row of ``django_migrations`` with its own
    value inside a transaction that is rolled back, waiting for no lock."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            return False
    try:
        with short_lock_wait(HEALTHZ_LOCK_WAIT_MS), transaction.atomic():
            with connections["default"].cursor() as cursor:
                cursor.execute(
                    "UPDATE django_migrations SET app = app WHERE id = (SELECT MIN(id) FROM django_migrations)"
                )
            transaction.set_rollback(True)
    except DatabaseError as exc:
        if refuses_writes(exc):
            logger.error("healthz: the database refuses writes (%s)", type(exc).__name__)
            return "read-only"
        raise
    return True


def check_cache():
    token = uuid.uuid4().hex
    cache.set("healthz-probe", token, 60)
    return cache.get("healthz-probe") == token


def check_search():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    client = getattr(backend, "es", None)
    if client is not None:  # OpenSearch / Elasticsearch
        # Its own short timeout (HEALTHZ_SEARCH_TIMEOUT): a hanging engine must not hold
        # the probe as long as a search may wait. Not counted by the search breaker.
        timeout = float(getattr(settings, "HEALTHZ_SEARCH_TIMEOUT", 1))
        if hasattr(client, "options"):  # elasticsearch-py 8 and later
            return bool(client.options(request_timeout=timeout, max_retries=0).ping())
        return bool(client.ping(request_timeout=timeout))
    list(backend.search("portail", Page.objects.all())[:1])
    return True


def check_storage():
    ttl = getattr(settings, "HEALTHZ_STORAGE_CACHE_SECONDS", 30)
    checked_at = _storage_result["checked_at"]
    if checked_at is not None and time.monotonic() - checked_at < ttl:
        return _storage_result["ok"]
    payload = uuid.uuid4().hex.encode()
    name = default_storage.save(f"{PROBE_DIR}/probe-{uuid.uuid4().hex}.txt", ContentFile(payload))
    try:
        with default_storage.open(name, "rb") as probe:
            ok = probe.read() == payload
    finally:
        default_storage.delete(name)
    _storage_result.update(checked_at=time.monotonic(), ok=ok)
    return ok


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "storage": check_storage,
}


@never_cache
@require_safe
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            outcome = check()
            # A check may name its failure ("read-only"); otherwise it says yes or no.
            results[name] = outcome if isinstance(outcome, str) else ("ok" if outcome else "error")
        except Exception as exc:
            logger.error("healthz: %s check failed (%s)", name, type(exc).__name__)
            results[name] = "error"
        if name == "storage" and results[name] != "ok":
            _storage_result.update(checked_at=None)
    healthy = all(value == "ok" for value in results.values())
    failed = [name for name, value in results.items() if value != "ok"]
    body = {"status": "ok" if healthy else "error", "checks": results}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=200 if healthy else 503)
