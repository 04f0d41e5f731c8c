"""A circuit breaker in front of the external search engine (OpenSearch/Elasticsearch).

A hanging engine makes each search wait for the client's timeout; with a few concurrent
searches every worker waits and plain pages queue behind them. After
``SEARCH_BREAKER_FAILURES`` failures (within ``SEARCH_BREAKER_COOLDOWN`` seconds) the breaker
opens: for ``SEARCH_BREAKER_COOLDOWN`` seconds searches and suggestions fail at once
(``SearchUnavailable``: the French 503) without contacting the engine. Then it is half-open:
one request tries the engine (the others still fail at once); a success closes the breaker,
a failure opens it for another cool-down.

The state lives in the Django cache, so that every worker sharing the cache (the database
or Redis cache in production) sees the same breaker. Failures are counted with ``incr``;
two workers opening it at the same moment both write the same thing, so no lock is needed.

Hand-written rather than ``pybreaker``: pybreaker keeps its state in memory or Redis, and a
Django-cache storage for it would be about as long as this module. The database backend
has no breaker: its failures are the database's, not a separate service's.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

FAILURES_KEY = "search-breaker:failures"
OPEN_UNTIL_KEY = "search-breaker:open-until"
PROBE_KEY = "search-breaker:probe"


class BreakerOpen(Exception):
    """The engine failed repeatedly: do not ask it for now."""


def enabled():
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    return not backend.endswith("backends.database")


def _failures_allowed():
    return max(1, int(getattr(settings, "SEARCH_BREAKER_FAILURES", 3)))


def _cooldown():
    return float(getattr(settings, "SEARCH_BREAKER_COOLDOWN", 30))


def _probe_ttl():
    # Long enough for the probe's request to time out: the next probe waits for it.
    return int(_cooldown()) + 10


def before_call():
    """Raise ``BreakerOpen`` if the engine must not be asked now."""
    if not enabled():
        return
    open_until = cache.get(OPEN_UNTIL_KEY)
    if open_until is None:
        return
    if time.time() < open_until:
        raise BreakerOpen
    # Half-open: one request tries the engine; the others fail fast until it has answered.
    if not cache.add(PROBE_KEY, True, _probe_ttl()):
        raise BreakerOpen


def record_success():
    if not enabled():
        return
    if cache.get_many([FAILURES_KEY, OPEN_UNTIL_KEY, PROBE_KEY]):
        cache.delete_many([FAILURES_KEY, OPEN_UNTIL_KEY, PROBE_KEY])
        logger.warning("Search engine answers again: circuit breaker closed")


def record_failure():
    if not enabled():
        return
    cooldown = _cooldown()
    half_open = cache.get(OPEN_UNTIL_KEY) is not None
    cache.add(FAILURES_KEY, 0, cooldown)
    try:
        failures = cache.incr(FAILURES_KEY)
    except ValueError:  # expired between add and incr
        cache.set(FAILURES_KEY, 1, cooldown)
        failures = 1
    if half_open or failures >= _failures_allowed():
        # The open state outlives its cool-down (kept twice as long) so that, once the
        # cool-down is over, the next request knows it must probe.
        cache.set(OPEN_UNTIL_KEY, time.time() + cooldown, int(cooldown * 2) + 10)
        cache.delete_many([FAILURES_KEY, PROBE_KEY])
        logger.error("Search engine failed %d time(s): circuit breaker open for %s s", failures, cooldown)


def reset():
    cache.delete_many([FAILURES_KEY, OPEN_UNTIL_KEY, PROBE_KEY])
