"""Search suggestions as the user types: ``GET /recherche/suggestions/?q=…``.

Answers ``{"suggestions": [{"title", "url", "type"}, …]}`` (at most ``MAX_SUGGESTIONS``),
live *public* pages only, whoever asks (a referent's toolbox title must never show up in
a box anyone can type into), through the search backend's autocomplete (titles).

Partial words. The database backends (SQLite and PostgreSQL) autocomplete on the folded,
unstemmed words of titles, the last one as a prefix, and are asked for the stem of the last
word (``autocomplete_query``); the search node's edge n-grams take the text as typed."""

import logging

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from access.rules import exclude_restricted

from . import breaker
from .french import STOP_WORDS, analyze, fold_accents, stem, words
from .query import SearchUnavailable, check_breaker, clean_query_string, engine_errors

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2
# Suggestions are about titles: a handful of words is plenty, and it bounds the FTS query.
MAX_WORDS = 8
MAX_WORD_LENGTH = 40


@require_safe
def suggestions(request):
    raw = request.GET.get("q", "")
    results = []
    if isinstance(raw, str):
        try:
            results = find_suggestions(request, raw)
        except SearchUnavailable:
            # The engine is down (or the breaker open): say so, at once; the box just closes.
            return unavailable()
        except Exception:  # a suggestion box must never break the page it helps
            logger.exception("Search suggestions failed for a query of %d characters", len(raw))
            results = []
    response = JsonResponse({"suggestions": results})
    add_never_cache_headers(response)
    return response


def unavailable():
    response = JsonResponse(
        {"suggestions": [], "message": "Service de recherche temporairement indisponible."}, status=503
    )
    add_never_cache_headers(response)
    return response


def find_suggestions(request, raw):
    text = clean_query_string(raw).replace('"', " ")
    tokens = [word[:MAX_WORD_LENGTH] for word in words(text)][:MAX_WORDS]
    if len(fold_accents("".join(tokens))) < MIN_LENGTH or not analyze(" ".join(tokens)):
        return []

    pages = exclude_restricted(Page.objects.live())
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)

    check_breaker()
    backend = get_search_backend()
    with engine_errors():
        if is_postgres(backend):
            candidates = backend.autocomplete(autocomplete_query(tokens, backend), pages)
            found = keep_matching(list(candidates[: MAX_SUGGESTIONS * 6]), postgres_terms(tokens)[:-1])
            found = found[:MAX_SUGGESTIONS]
        else:
            found = list(backend.autocomplete(autocomplete_query(tokens, backend), pages)[:MAX_SUGGESTIONS])
    breaker.record_success()
    return [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "type": capfirst(page.specific_class._meta.verbose_name) if page.specific_class else "Page",
        }
        for page in found
    ]


def autocomplete_query(tokens, backend):
    """The text for ``.autocomplete()``. The database backends (PostgreSQL, SQLite)
    autocomplete on folded, unstemmed title words and only the last word is a prefix: ask
    for the stem of the last word ("conjugaux" → "conjugal" finds "conjugales"); the other
    words are checked in ``keep_matching``. The search node's edge n-grams take the text."""
    if is_postgres(backend):
        return stem(postgres_terms(tokens)[-1])
    return " ".join(tokens)


def postgres_terms(tokens):
    terms = [token.lower() for token in tokens if fold_accents(token.lower()) not in STOP_WORDS]
    return terms or [tokens[-1].lower()]


def keep_matching(pages, terms):
    """Pages whose title has, for each term, a word starting with the term's stem."""
    stems = [stem(term) for term in terms]
    kept = []
    for page in pages:
        title_words = [fold_accents(word) for word in words(page.title)]
        if all(any(word.startswith(prefix) for word in title_words) for prefix in stems):
            kept.append(page)
    return kept


def is_postgres(backend):
    """A database backend (PostgreSQL, or SQLite with the portal's analysis): both
    autocomplete on folded, unstemmed words of the titles, the last one as a prefix."""
    return type(backend).__name__ in ("FrenchPostgresSearchBackend", "FrenchSQLiteSearchBackend")
