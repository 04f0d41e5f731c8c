from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.models import Page, Site

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(pages.specific().search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))

    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": results,
            "breadcrumb": [("Accueil", "/"), ("Recherche", None)],
        },
    )
    if query:
        add_never_cache_headers(response)
        patch_cache_control(response, no_cache=True)
    return response
