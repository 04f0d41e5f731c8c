"""Faceted listing of resources: filters that combine (type, theme, audience, year),
sorting, pagination and a count per facet value, in a fixed number of queries
(home/facets.py). The page hands over its resources, restricted ones already left out."""

from django.db.models import Prefetch

from home.facets import Facet, FacetedListing, count_by, count_through, count_years, exists, term_choices
from home.models import Audience, Theme
from home.params import parse_years

SORTS = {
    "recent": ("Les plus récentes", ("-published_on", "title")),
    "title": ("Titre (A → Z)", ("sort_title", "title")),
}


def resource_facets(model):
    themes, audiences = model.themes.through, model.audiences.through
    return [
        Facet(
            "type",
            "Type de ressource",
            choices=term_choices(model.resource_type.field.related_model),
            filter="resource_type__slug__in",
            count=count_by("resource_type"),
        ),
        Facet(
            "theme",
            "Thème",
            choices=term_choices(Theme),
            filter=exists(themes, "resourcepage", "theme__slug__in"),
            count=count_through(themes, "resourcepage", "theme"),
        ),
        Facet(
            "audience",
            "Public",
            choices=term_choices(Audience),
            filter=exists(audiences, "resourcepage", "audience__slug__in"),
            count=count_through(audiences, "resourcepage", "audience"),
        ),
        Facet(
            "year",
            "Année",
            parse=parse_years,
            filter="published_on__year__in",
            count=count_years("published_on"),
        ),
    ]


def resource_listing_context(page, request, resources):
    """The context of a page listing ``resources`` (a queryset of its resource pages).

    Four aggregates over every matching resource are the listing's main cost at 10,000
    resources: kept, with the total, until the content changes (caching.content)."""
    model = resources.model
    listing = FacetedListing(
        resources, request, resource_facets(model), SORTS, cache_prefix=f"library:{page.pk}"
    )
    files = model.files.rel.related_model.objects.select_related("document").order_by("sort_order")

    def prepare(listed):
        return listed.select_related("resource_type").prefetch_related(
            "themes", Prefetch("files", queryset=files)
        )

    return listing.context(page.items_per_page, prepare)
