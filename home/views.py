from django.shortcuts import render

from wagtail.models import Site

from .sitemap import site_map_tree


def site_map(request):
    """The HTML site map ("Plan du site"): the public pages, as a nested list."""
    return render(
        request,
        "home/site_map.html",
        {
            "tree": site_map_tree(Site.find_for_request(request)),
            "breadcrumb": [("Accueil", "/"), ("Plan du site", None)],
        },
    )
