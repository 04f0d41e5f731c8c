"""Faceted listing of resources: filters that combine (type, theme, audience, year),
sorting, pagination and a count per facet value, in a fixed number of queries."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property

from access.rules import exclude_restricted
from home.content_cache import cached, terms
from home.models import Audience, Theme
from home.params import parse_years, year_options

SORTS = {
    "recent": ("Les plus récentes", ("-published_on", "title")),
    "title": ("Titre (A → Z)", ("sort_title", "title")),
}
DEFAULT_SORT = "recent"


class CachedCountPaginator(Paginator):
    """The number of matching resources, kept like the facet counts (``count_key``)."""

    count_key = None

    @cached_property
    def count(self):
        return cached(self.count_key, Paginator.count.func.__get__(self))


class ResourceListing:
    def __init__(self, page, request):
        from .models import ResourcePage, ResourceType

        self.page = page
        self.request = request
        self.models = {"resource": ResourcePage, "type": ResourceType}
        params = request.GET
        self.ignored = []
        self.types = self._valid("type", params.getlist("type"), terms(ResourceType))
        self.themes = self._valid("theme", params.getlist("theme"), terms(Theme))
        self.audiences = self._valid("audience", params.getlist("audience"), terms(Audience))
        self.years, refused_years = parse_years(params.getlist("year"))
        self.ignored += refused_years
        self.sort = params.get("sort") if params.get("sort") in SORTS else DEFAULT_SORT

    def _valid(self, name, values, known):
        setattr(self, f"all_{name}s", known)
        selected = []
        for value in values:
            if value in known:
                selected.append(value)
            elif value:
                self.ignored.append(value)
        return selected

    @cached_property
    def _base(self):
        resources = self.models["resource"].objects.child_of(self.page).live()
        # Resources restricted on their own stay hidden, whoever asks (the counts are shared
        # by every visitor). In a restricted section (the toolbox) the visitor has already
        # passed the section's restriction: ``within`` does not apply it again to every child.
        return exclude_restricted(resources, within=self.page)

    def base_queryset(self):
        return self._base.all()

    def filtered(self, skip=None):
        resources = self.base_queryset()
        resource_model = self.models["resource"]
        if self.types and skip != "type":
            resources = resources.filter(resource_type__slug__in=self.types)
        if self.themes and skip != "theme":
            resources = resources.filter(
                Exists(
                    resource_model.themes.through.objects.filter(
                        resourcepage=OuterRef("pk"), theme__slug__in=self.themes
                    )
                )
            )
        if self.audiences and skip != "audience":
            resources = resources.filter(
                Exists(
                    resource_model.audiences.through.objects.filter(
                        resourcepage=OuterRef("pk"), audience__slug__in=self.audiences
                    )
                )
            )
        if self.years and skip != "year":
            resources = resources.filter(published_on__year__in=self.years)
        return resources

    def _cache_key(self, name):
        filters = (sorted(self.types), sorted(self.themes), sorted(self.audiences), sorted(self.years))
        digest = hashlib.sha256(repr(filters).encode()).hexdigest()[:32]
        return f"library:{self.page.pk}:{name}:{digest}"

    def facets(self):
        # Four aggregates over every matching resource: the listing's main cost at 10,000
        # resources, kept until the content changes (home.content_cache).
        type_counts, theme_counts, audience_counts, year_counts = cached(
            self._cache_key("facets"), self._facet_counts
        )

        def options(name, terms, counts, selected):
            return [
                {
                    "value": term.slug,
                    "label": term.name,
                    "count": counts.get(term.pk, 0),
                    "selected": term.slug in selected,
                }
                for term in terms.values()
                if counts.get(term.pk) or term.slug in selected
            ]

        return [
            {
                "name": "type",
                "label": "Type de ressource",
                "options": options("type", self.all_types, type_counts, self.types),
            },
            {
                "name": "theme",
                "label": "Thème",
                "options": options("theme", self.all_themes, theme_counts, self.themes),
            },
            {
                "name": "audience",
                "label": "Public",
                "options": options("audience", self.all_audiences, audience_counts, self.audiences),
            },
            {
                "name": "year",
                "label": "Année",
                "options": year_options(year_counts, self.years),
            },
        ]

    def _facet_counts(self):
        resource_model = self.models["resource"]
        type_counts = dict(
            self.filtered(skip="type")
            .order_by()
            .values_list("resource_type")
            .annotate(n=Count("pk"))
            .values_list("resource_type", "n")
        )
        theme_counts = dict(
            resource_model.themes.through.objects.filter(
                resourcepage__in=self.filtered(skip="theme").values("pk")
            )
            .order_by()
            .values_list("theme")
            .annotate(n=Count("resourcepage"))
            .values_list("theme", "n")
        )
        audience_counts = dict(
            resource_model.audiences.through.objects.filter(
                resourcepage__in=self.filtered(skip="audience").values("pk")
            )
            .order_by()
            .values_list("audience")
            .annotate(n=Count("resourcepage"))
            .values_list("audience", "n")
        )
        year_counts = list(
            self.filtered(skip="year")
            .order_by()
            .annotate(year=ExtractYear("published_on"))
            .values_list("year")
            .annotate(n=Count("pk"))
            .order_by("-year")
            .values_list("year", "n")
        )

        return type_counts, theme_counts, audience_counts, year_counts

    def active_filters(self):
        """Each active filter with the URL that removes it (shareable query strings)."""
        labels = {
            "type": {slug: term.name for slug, term in self.all_types.items()},
            "theme": {slug: term.name for slug, term in self.all_themes.items()},
            "audience": {slug: term.name for slug, term in self.all_audiences.items()},
            "year": {str(year): str(year) for year in self.years},
        }
        active = []
        for name, values in (
            ("type", self.types),
            ("theme", self.themes),
            ("audience", self.audiences),
            ("year", [str(y) for y in self.years]),
        ):
            for value in values:
                query = self.request.GET.copy()
                query.setlist(name, [v for v in query.getlist(name) if v != value])
                query.pop("page", None)
                active.append(
                    {"label": labels[name].get(value, value), "remove_url": f"?{query.urlencode()}"}
                )
        return active

    def context(self):
        from .models import ResourceFile

        resources = (
            self.filtered()
            .select_related("resource_type")
            .prefetch_related(
                "themes",
                Prefetch(
                    "files", queryset=ResourceFile.objects.select_related("document").order_by("sort_order")
                ),
            )
            .order_by(*SORTS[self.sort][1])
        )
        paginator = CachedCountPaginator(resources, self.page.items_per_page)
        paginator.count_key = self._cache_key("count")
        page_obj = paginator.get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return {
            "page_obj": page_obj,
            "facets": self.facets(),
            "active_filters": self.active_filters(),
            "ignored_filters": self.ignored,
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "current_sort": self.sort,
            "filter_query": query.urlencode(),
            "selected_themes": self.themes,
            "is_filtered": bool(self.types or self.themes or self.audiences or self.years),
        }
