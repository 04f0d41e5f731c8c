"""From what a person typed to a search query: quotes make phrases, the rest is plain text.

``search()`` returns lazy results (like a queryset: the engine is asked when they are counted,
sliced to an item, iterated). When an external engine (OpenSearch/Elasticsearch) cannot answer
— connection refused, timeout, cluster unavailable, indices never built — evaluating them raises
``SearchUnavailable`` instead of the client's exception, so callers catch one thing (the search
page answers 503). Evaluate them inside that ``try``."""

import functools
import logging
import sys
import unicodedata
from contextlib import contextmanager

from wagtail.search.query import MATCH_NONE, And, Or, Phrase, PlainText
from wagtail.search.utils import parse_query_string

from . import breaker

MAX_QUERY_LENGTH = 200

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search engine cannot be reached: the page answers 503 with a French message."""


def clean_query_string(raw):
    """Trimmed, bounded, without control characters (PostgreSQL refuses a NUL in text), with
    unbalanced quotes dropped (a lone ``"`` is a typo, not a phrase)."""
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in str(raw or ""))
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        text = text.replace('"', " ").strip()
    return text


def build_query(raw, operator="and"):
    """``(filters, query)`` for ``queryset.search(query)``; ``filters`` holds ``key:value``
    pairs typed in the box (ignored by the portal, kept for future use).

    Parts made only of stop words (``violence "de"``) are dropped: with them, one backend
    found nothing (OpenSearch: an empty phrase matches no document), another failed (SQLite)."""
    filters, query = parse_query_string(clean_query_string(raw), operator=operator)
    return filters, _without_empty_parts(query) or MATCH_NONE


def _without_empty_parts(query):
    from .french import analyze

    if isinstance(query, (And, Or)):
        kept = [part for part in map(_without_empty_parts, query.subqueries) if part is not None]
        if len(kept) <= 1:
            return kept[0] if kept else None
        return type(query)(kept)
    if isinstance(query, (PlainText, Phrase)) and not analyze(query.query_string):
        return None
    return query


def has_search_terms(raw):
    """False when what was typed holds nothing to look for (empty, or only stop words like
    "de la"): every backend would then answer differently (all or nothing), so we don't ask."""
    from .french import analyze

    return bool(analyze(clean_query_string(raw).replace('"', " ")))


def search(queryset, raw, operator="and"):
    """Lazy search results; evaluating them raises ``SearchUnavailable`` if the engine is down."""
    if not has_search_terms(raw):
        return queryset.none()
    _, query = build_query(raw, operator=operator)
    check_breaker()
    with engine_errors():
        results = queryset.search(query)
    return GuardedResults(results)


# --- The engine cannot answer -------------------------------------------------------------


def engine_unavailable(exc):
    """True for an error meaning the search engine cannot answer (not a bug in the query)."""
    # Only the client in use can have raised: it is imported already. Importing the other
    # one here would cost seconds on the first failure of each worker.
    opensearchpy = sys.modules.get("opensearchpy")
    elasticsearch = sys.modules.get("elasticsearch")

    if opensearchpy is not None:
        # ConnectionError covers refused connections, timeouts (ConnectionTimeout) and TLS.
        if isinstance(exc, opensearchpy.ConnectionError):
            return True
        if isinstance(exc, opensearchpy.TransportError):
            return _server_side(exc.status_code, exc.error)
    if elasticsearch is not None:
        if isinstance(exc, (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout)):
            return True
        api_error = getattr(elasticsearch, "ApiError", None)
        if api_error is not None:  # client 8.x and later: errors answered by the server
            if isinstance(exc, api_error):
                return _server_side(exc.meta.status, exc.error)
        elif isinstance(exc, elasticsearch.TransportError):  # client 7.x (elasticsearch7 backend)
            return _server_side(exc.status_code, exc.error)
    return False


def _server_side(status, error):
    # 5xx: cluster unavailable, no shard available… index_not_found: `update_index` never ran.
    return (isinstance(status, int) and status >= 500) or error == "index_not_found_exception"


@contextmanager
def engine_errors():
    """Turn the engine's "cannot answer" errors into ``SearchUnavailable`` (logged), and count
    them for the circuit breaker (``search.breaker``)."""
    try:
        yield
    except SearchUnavailable:
        raise
    except Exception as exc:
        if not engine_unavailable(exc):
            raise
        breaker.record_failure()
        logger.error("Search engine unavailable: %r", exc)
        raise SearchUnavailable(str(exc)) from exc


def check_breaker():
    """``SearchUnavailable`` at once while the circuit breaker is open (the engine failed
    repeatedly): call it once per request, before building the search."""
    try:
        breaker.before_call()
    except breaker.BreakerOpen:
        raise SearchUnavailable("circuit breaker open") from None


def _guard(value):
    from modelsearch.backends.base import BaseSearchResults

    if isinstance(value, BaseSearchResults):
        return GuardedResults(value)  # still lazy: the engine has not been asked
    breaker.record_success()
    return value


class GuardedResults:
    """modelsearch's search results, with ``engine_errors`` around every evaluation. Behaves
    like them (slicing, ``count()``, ``len()``, iteration, ``annotate_score``…), so
    ``Paginator`` and templates take it as is."""

    def __init__(self, results):
        self._results = results

    def __getattr__(self, name):
        if name == "_results":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        value = getattr(self._results, name)
        if not callable(value):
            return value

        @functools.wraps(value)
        def guarded(*args, **kwargs):
            with engine_errors():
                return _guard(value(*args, **kwargs))

        return guarded

    def __getitem__(self, key):
        with engine_errors():
            return _guard(self._results[key])

    def __iter__(self):
        with engine_errors():
            return iter(_guard(self._results.results()))

    def __len__(self):
        with engine_errors():
            return _guard(len(self._results))

    def __bool__(self):
        return len(self) > 0

    def __repr__(self):
        with engine_errors():
            return repr(self._results)
