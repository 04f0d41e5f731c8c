"""The search log, without personal data, and the promoted results.

``record(query_string, result_count)`` — called by the search page for each query it
answers: one more hit for (normalised query, today), with the number of results found.
Nothing about who searched is kept (no user, IP address, session or time of day), and a
query that looks like an e-mail address or a phone number is not kept at all.

``popular(limit)`` — what the empty search page suggests: the queries most searched over the
last 30 days that found something, searched at least ``POPULAR_MIN_HITS`` times (a query typed
once, perhaps a name, is never shown to others), completed by the editors' defaults.

``promotions_for(query_string)`` — the pages editors promoted for that exact query
(Paramètres › Résultats de recherche promus), live and public only, in their order."""

import datetime
import logging
import re

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from access.rules import exclude_restricted
from importing.text import fold

from .models import MAX_LOGGED_QUERY_LENGTH, QueryDailyStat
from .query import clean_query_string

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 365
REPORT_DAYS = 30

# Someone may type a person's contact details into a search box: such queries are dropped.
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
# Eight digits or more, separators allowed: phone numbers, social security numbers…
# (the 3919 helpline, years and postcodes stay).
LONG_NUMBER = re.compile(r"\d(?:[\s.\-/]?\d){7,}")


def normalise(query_string):
    """Trimmed, single spaces, lower case, accents kept, at most 200 characters."""
    text = " ".join(clean_query_string(query_string).lower().split())
    return text[:MAX_LOGGED_QUERY_LENGTH].strip()


def looks_personal(query):
    return bool(EMAIL.search(query) or LONG_NUMBER.search(query))


def record(query_string, result_count):
    """Count one search for ``query_string`` today; ``True`` when it was counted.

    Empty queries and queries that look like contact details are ignored. A failure to
    write is logged, never raised: the search page must answer anyway."""
    query = normalise(query_string)
    if not query or looks_personal(query):
        return False
    try:
        result_count = max(0, int(result_count or 0))
    except (TypeError, ValueError):
        result_count = 0
    day = timezone.localdate()
    stats = QueryDailyStat.objects.filter(query=query, day=day)
    try:
        with transaction.atomic():
            if not stats.update(hits=F("hits") + 1, last_result_count=result_count):
                try:
                    with transaction.atomic():
                        QueryDailyStat.objects.create(
                            query=query, day=day, hits=1, last_result_count=result_count
                        )
                except IntegrityError:  # created meanwhile by a concurrent request
                    stats.update(hits=F("hits") + 1, last_result_count=result_count)
    except DatabaseError:
        logger.warning("Search log: could not record a query", exc_info=True)
        return False
    return True


POPULAR_DAYS = 30
POPULAR_MIN_HITS = 3
POPULAR_CACHE_SECONDS = 60 * 60
# Shown while the log is young (a new portal) and to complete a short list.
DEFAULT_POPULAR = [
    "repérage",
    "violences conjugales",
    "enfants co-victimes",
    "ordonnance de protection",
    "emprise",
    "évaluation du danger",
]


def popular(limit=6):
    """Up to ``limit`` queries to suggest, most searched first (cached for an hour)."""
    key = f"search:popular:{limit}:{timezone.localdate():%Y%m%d}"
    suggestions = cache.get(key)
    if suggestions is None:
        suggestions = _popular(limit)
        cache.set(key, suggestions, POPULAR_CACHE_SECONDS)
    return suggestions


def _popular(limit):
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    try:
        logged = list(
            QueryDailyStat.objects.filter(day__gte=since)
            .values("query")
            # The latest day's result count stands for the query: one that no longer finds
            # anything (content removed) is not suggested.
            .annotate(total=Sum("hits"), found=Max("last_result_count"))
            .filter(total__gte=POPULAR_MIN_HITS, found__gt=0)
            .order_by("-total", "query")
            .values_list("query", flat=True)[: limit * 3]
        )
    except DatabaseError:
        logger.warning("Search log: could not read the popular queries", exc_info=True)
        logged = []
    suggestions, folded = [], set()
    # "repérage" and "reperage" are one suggestion: the most searched spelling.
    for query in [q for q in logged if not looks_personal(q)] + DEFAULT_POPULAR:
        if len(suggestions) >= limit:
            break
        if fold(query) not in folded:
            suggestions.append(query)
            folded.add(fold(query))
    return suggestions


def purge(days=DEFAULT_RETENTION_DAYS, dry_run=False):
    """Delete the days older than ``days`` days; returns how many rows (would) go."""
    old = QueryDailyStat.objects.filter(day__lt=timezone.localdate() - datetime.timedelta(days=days))
    if dry_run:
        return old.count()
    deleted, _ = old.delete()
    return deleted


def promotions_for(query_string):
    """The live, public pages promoted for exactly this (normalised) query, specific, in
    the editors' order, each with the promotion's text as ``promotion_description`` (may
    be empty). External-link promotions are left out: the portal promotes its pages."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Page

    query = normalise(query_string)
    if not query:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=query, page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("page_id", "description")
    )
    if not promotions:
        return []
    pages = {
        page.pk: page
        for page in exclude_restricted(Page.objects.live())
        .filter(pk__in=[pk for pk, _ in promotions])
        .specific()
    }
    promoted = []
    for pk, description in promotions:
        page = pages.pop(pk, None)  # pop: a page promoted twice is shown once
        if page is not None:
            page.promotion_description = description
            promoted.append(page)
    return promoted
