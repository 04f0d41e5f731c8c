from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.models import Page, Site

from .query import clean_query_string, has_search_terms
from .query import search as run_search

RESULTS_PER_PAGE = 10


def search(request):
    query = clean_query_string(request.GET.get("q", ""))
    results = None
    only_stop_words = bool(query) and not has_search_terms(query)
    if query and not only_stop_words:
        site = Site.find_for_request(request)
        # Public pages only, whoever asks: a logged-in professional must not even see the
        # titles of the referents' toolbox.
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(run_search(pages.specific(), query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))

    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": results,
            "only_stop_words": only_stop_words,
            "breadcrumb": [("Accueil", "/"), ("Recherche", None)],
        },
    )
    if query:
        add_never_cache_headers(response)
        patch_cache_control(response, no_cache=True)
    return response
