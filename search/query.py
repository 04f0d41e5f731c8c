"""Running a search: the query pipeline (``search.interpret``) handed to the engine, ranked
(``ranked_ids``) or lazy (``search``), with the engine's failures turned into one exception.

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


def has_search_terms(raw):
    """False when what was typed holds nothing to look for (empty, or only stop words like
    "de la" that are no abbreviation): every backend would then answer differently (all or
    nothing), so we don't ask."""
    from .french import analyze
    from .interpret import interpret

    text = clean_query_string(raw)
    if analyze(text.replace('"', " ")):
        return True
    return bool(text) and bool(interpret(text).groups)


def search(queryset, raw, operator="and", include_private=False, order_by_relevance=True):
    """Lazy search results through the query pipeline (``search.interpret``): pages holding
    every word, or, if none does, any of them (``operator="and"``); evaluating them raises
    ``SearchUnavailable`` if the engine is down."""
    from wagtail.models import Page

    from .interpret import interpret

    pages = issubclass(queryset.model, Page)
    interpretation = interpret(clean_query_string(raw), include_private=include_private, pages=pages)
    query = interpretation.query(operator)
    if query is None:
        return queryset.none()
    check_breaker()
    with engine_errors():
        results = queryset.search(query, order_by_relevance=order_by_relevance)
        fallback = None
        if operator == "and" and len(interpretation.groups) > 1:
            fallback = queryset.search(interpretation.query("or"), order_by_relevance=order_by_relevance)
    return GuardedResults(results, fallback=fallback)


def result_ids(results):
    """The ids of search results, in the engine's order, without building a model instance
    each: the database backends give their ranked queryset (500 ``Page`` objects cost
    30 to 50 ms on 2 cores, their ids 2 ms); the others are iterated."""
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return list(get_queryset().values_list("pk", flat=True))
    return [item.pk for item in results]


# The engine's best results re-ranked by their titles (``title_first``).
TITLE_RERANKED = 20


def title_first(ids, interpretation):
    """``ids`` with the first ``TITLE_RERANKED`` re-ranked by how many groups of the query
    their title holds, then in the engine's order: the engines weigh a title word more than a
    body word, but a long body that repeats one word can still outrank the page whose title
    names everything asked. The same rule on every backend, from one query of titles."""
    from wagtail.models import Page

    from .french import analyze

    head = ids[:TITLE_RERANKED]
    if len(head) < 2:
        return ids
    titles = dict(Page.objects.filter(pk__in=head).values_list("pk", "title"))
    groups = interpretation.groups

    def held(pk):
        tokens = set(analyze(titles.get(pk, "")))
        return sum(
            1 for group in groups if any(set(alternative) <= tokens for alternative in group.alternatives)
        )

    order = {pk: rank for rank, pk in enumerate(head)}
    return sorted(head, key=lambda pk: (-held(pk), order[pk])) + ids[TITLE_RERANKED:]


# Fewer results than this for every word: the pages holding some of them follow.
FEW_RESULTS = 10
# Pages holding some of the words, ranked by how many: taken among the engine's best.
COORDINATION_CANDIDATES = 100


def ranked_ids(queryset, raw, limit, include_private=False, exact=False):
    """``(ids, interpretation)``: the ids of the pages matching what was typed, best first,
    at most ``limit``; raises ``SearchUnavailable`` if the engine is down.

    Pages holding every group come first (the engine's relevance order). If they are fewer
    than ``FEW_RESULTS``, the pages holding only some groups follow, the more groups the
    higher, then in the engine's order (``interpretation.all_words`` is False when no page
    holds them all)."""
    from .interpret import interpret

    interpretation = interpret(clean_query_string(raw), include_private=include_private, exact=exact)
    query = interpretation.query("and")
    if query is None:
        return [], interpretation
    check_breaker()
    with engine_errors():
        ids = title_first(result_ids(queryset.search(query)[:limit]), interpretation)
        groups = interpretation.groups
        if len(ids) >= FEW_RESULTS or len(groups) < 2:
            breaker.record_success()
            return ids, interpretation
        seen = set(ids)
        candidates = [
            pk
            for pk in result_ids(queryset.search(interpretation.query("or"))[:COORDINATION_CANDIDATES])
            if pk not in seen
        ]
        if candidates:
            held = dict.fromkeys(candidates, 0)
            for group in groups:
                matching = queryset.filter(pk__in=candidates).search(group.query(), order_by_relevance=False)
                for pk in result_ids(matching[: len(candidates)]):
                    held[pk] += 1
            order = {pk: rank for rank, pk in enumerate(title_first(candidates, interpretation))}
            candidates.sort(key=lambda pk: (-held[pk], order[pk]))
        breaker.record_success()
    if not ids:
        interpretation.all_words = False
    return (ids + candidates)[:limit], interpretation


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

    def __init__(self, results, fallback=None):
        self._primary = results
        self._fallback = fallback
        self._chosen = None

    @property
    def _results(self):
        """The results for every word, or, when there are none, ``fallback``'s."""
        if self._chosen is None:
            chosen = self._primary
            if self._fallback is not None:
                with engine_errors():
                    if not self._primary.count():
                        chosen = self._fallback
            self._chosen = chosen
        return self._chosen

    def __getattr__(self, name):
        if name.startswith("_"):  # not set yet (copy, pickle): no recursion
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
