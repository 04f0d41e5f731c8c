import hashlib
from urllib.parse import quote

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.models import Page, Site

from access.rules import exclude_restricted
from caching.content import cached

from .query import SearchUnavailable, clean_query_string, has_search_terms, ranked_ids
from .querylog import popular, promotions_for, record
from .results import MAX_RESULTS, describe, search_listing

RESULTS_PER_PAGE = 10


def search(request):
    query = clean_query_string(request.GET.get("q", ""))
    context = {
        "search_query": query,
        "page_obj": None,
        "only_stop_words": bool(query) and not has_search_terms(query),
        "suggested_searches": popular(),
        "breadcrumb": [("Accueil", "/"), ("Recherche", None)],
    }
    status = 200
    if query and not context["only_stop_words"]:
        try:
            context.update(run_and_describe(request, query))
        except SearchUnavailable:
            context["unavailable"] = True
            status = 503
    response = TemplateResponse(request, "search/search.html", context, status=status)
    if query:
        add_never_cache_headers(response)
        patch_cache_control(response, no_cache=True)
    return response


def run_and_describe(request, query):
    site = Site.find_for_request(request)
    # The matching ids and the facet counts for this query and these filters: the costly
    # part (the engine, then a dozen aggregates), kept until the content changes.
    params = sorted((key, value) for key, values in request.GET.lists() for value in values if key != "page")
    exact = request.GET.get("orthographe") == "exacte"
    key = "search:" + hashlib.sha256(repr((site.pk if site else None, query, params)).encode()).hexdigest()
    found = cached(key, lambda: rank_and_count(site, query, request.GET, exact))
    ids = found["ids"]
    page_obj = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    specific = {page.pk: page for page in Page.objects.filter(pk__in=list(page_obj.object_list)).specific()}
    shown = [specific[pk] for pk in page_obj.object_list if pk in specific]
    record(query, len(ids))
    filter_query = request.GET.copy()
    filter_query.pop("page", None)
    return {
        "page_obj": page_obj,
        "results": describe(shown, query),
        "facets": found["facets"],
        "ignored_filters": found["ignored"],
        "is_filtered": found["is_filtered"],
        "truncated": found["truncated"],
        "promotions": promotions_for(query),
        "search_hidden": [("q", query)],
        "search_reset_url": f"{reverse('search')}?q={quote(query, safe='/')}",
        "understood": found["understood"],
        "exact_url": f"{reverse('search')}?q={quote(query, safe='/')}&orthographe=exacte",
    }


def rank_and_count(site, query, params, exact=False):
    # Public pages only, whoever asks: a logged-in professional must not even see the
    # titles of the referents' toolbox.
    pages = exclude_restricted(Page.objects.live())
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    # Ids only: OpenSearch's results are loaded from the database, one light object each.
    ids, interpretation = ranked_ids(pages.only("pk"), query, MAX_RESULTS, exact=exact)
    results = search_listing(ids, params, query)
    facets = results.facets()
    return {
        "ids": results.filtered(),
        "facets": facets,
        "ignored": results.ignored,
        "is_filtered": results.is_filtered,
        "truncated": len(ids) >= MAX_RESULTS,
        "understood": understood(interpretation),
    }


def understood(interpretation):
    """What the page says about how the query was read (plain data: it is cached)."""
    suggestion = ""
    if interpretation.suggestion:
        typed, likelier = interpretation.suggestion
        suggestion = " ".join(likelier if word == typed else word for word in interpretation.searched)
    return {
        "expansions": list(interpretation.expansions),
        "corrected_query": interpretation.corrected_query,
        "ignored": list(interpretation.ignored),
        "some_words_only": not interpretation.all_words,
        "suggestion": suggestion,
    }
