"""The faceted-listing engine shared by the library, the webinars, the training catalogue
and the search page: read the filters from the query string (unknown or hostile values are
ignored and listed, never an error), apply them, count what each facet's values would
leave (a facet's counts ignore its own filter), sort, paginate, and give the context that
``templates/includes/facets.html`` renders.

The listing receives what it lists (a queryset, or any collection its facets know how to
filter and count, such as the search's ranked ids): it imports no model. Access rules are
the caller's: it hands over a queryset already stripped of what the visitor may not see.

    facets = [
        Facet("theme", "Thème", choices=term_choices(Theme),
              filter=exists(Page.themes.through, "page", "theme__slug__in"),
              count=count_through(Page.themes.through, "page", "theme")),
        Facet("year", "Année", parse=parse_years, filter="date__year__in", count=count_years("date")),
    ]
    listing = FacetedListing(queryset, request, facets, sorts={"recent": ("Récentes", ("-date",))})
    context.update(listing.context(per_page=20))
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import ExtractYear

from caching.content import cached, terms

# ---------------------------------------------------------------------------------------
# Building blocks for facet declarations


def term_choices(model):
    """A taxonomy's terms (cached, in their order) as ``(slug, name, pk)`` choices."""
    return lambda: [(term.slug, term.name, term.pk) for term in terms(model).values()]


def lookup(name):
    """Filter on one lookup: ``queryset.filter(<name>=values)``."""
    return lambda queryset, values: queryset.filter(**{name: values})


def exists(through, owner, name):
    """Filter on a many-to-many relation through its table (no join, no duplicates)."""

    def apply(queryset, values):
        return queryset.filter(Exists(through.objects.filter(**{owner: OuterRef("pk"), name: values})))

    return apply


def count_by(field):
    """Count per value of a column of the listed model: ``{value: n}``."""

    def count(queryset):
        return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))

    return count


def count_through(through, owner, column):
    """Count per related term, in the relation's table: ``{term id: n}``."""

    def count(queryset):
        return dict(
            through.objects.filter(**{f"{owner}__in": queryset.values("pk")})
            .order_by()
            .values_list(column)
            .annotate(n=Count(owner))
            .values_list(column, "n")
        )

    return count


def count_years(field):
    """Count per year of a date column: ``{year: n}``."""

    def count(queryset):
        return dict(
            queryset.order_by()
            .annotate(year=ExtractYear(field))
            .values_list("year")
            .annotate(n=Count("pk"))
            .values_list("year", "n")
        )

    return count


def year_labels(keys):
    """The options of a facet counted by year: newest first."""
    return [(str(year), str(year), year) for year in sorted((key for key in keys if key), reverse=True)]


# ---------------------------------------------------------------------------------------
# The declaration


@dataclass
class Facet:
    """One filter of a listing.

    - ``name``: the query-string parameter; ``label``: the legend (French).
    - ``choices``: the values offered, ``[(value, label, key)]`` or ``[(value, label)]``
      (key = value), or a callable returning them (evaluated once per request). A value
      outside the choices is ignored.
    - ``labels``: instead of ``choices``, for values found by counting (years, speakers):
      ``labels(keys)`` gives ``[(value, label, key)]`` for the counted and selected keys,
      in display order; a selected value it does not return is ignored.
    - ``parse``: ``parse(values) -> (accepted, refused)``, for values that are not strings
      (years, ids): ``home.params.parse_years``, ``parse_ints``…
    - ``filter``: a lookup name (``"provider_id__in"``) or ``filter(collection, values)``;
      None when the caller applies the facet itself (read ``listing.selected``).
    - ``count``: ``count(collection) -> {key: n}``, the collection filtered by every other
      facet; None for a facet without counts (every choice is offered).
    - ``multiple``: checkboxes (True) or one ``<select>`` (False, ``empty_label`` first);
      ``widget="toggle"`` for a lone on/off checkbox (its one choice).
    - ``keep_selected``: a selected value stays offered (count 0) when the other filters
      leave nothing in it, so that "Appliquer" does not silently drop it.
    - ``rendered``: False to apply the facet without offering it (the catalogue's month in
      the archive).
    """

    name: str
    label: str
    choices: list | Callable | None = None
    labels: Callable | None = None
    parse: Callable | None = None
    filter: str | Callable | None = None
    count: Callable | None = None
    multiple: bool = True
    widget: str = ""
    empty_label: str = ""
    keep_selected: bool = True
    rendered: bool = True

    def __post_init__(self):
        if isinstance(self.filter, str):
            self.filter = lookup(self.filter)
        if not self.widget:
            self.widget = "checkbox" if self.multiple else "select"
        if self.labels is None and self.choices is None and self.count is not None:
            self.labels = year_labels

    def resolved_choices(self):
        choices = self.choices() if callable(self.choices) else self.choices or []
        return [choice if len(choice) == 3 else (choice[0], choice[1], choice[0]) for choice in choices]


# ---------------------------------------------------------------------------------------
# The listing


class FacetedListing:
    """``FacetedListing(collection, request, facets, sorts)``.

    - ``selected[name]``: the accepted values of each facet (parsed: ints for years);
      ``ignored``: the values refused, as typed.
    - ``filtered(skip=None)``: the collection with every facet's filter (but ``skip``'s).
    - ``facets()``: ``[{name, label, widget, empty_label, options: [{value, label, count,
      selected}]}]``, counted in one pass, kept in ``caching.content`` under
      ``cache_prefix`` (None: not kept, for visitors whose groups change what they see).
    - ``page(per_page, prepare=None)``: the requested page, sorted; ``prepare`` adds the
      card's select/prefetch; the total is kept like the counts.
    - ``context(per_page, prepare=None)``: what the listing templates read.
    """

    sort_param = "sort"

    def __init__(self, collection, request, facets, sorts=None, cache_prefix=None, cache_timeout=None):
        self.collection = collection
        self.request = request
        # A request, or its query parameters alone (the search computes its facets in a cache).
        self.params = request.GET if hasattr(request, "GET") else request
        self.facet_list = list(facets)
        self.sorts = sorts or {}
        self.cache_prefix = cache_prefix
        self.cache_timeout = cache_timeout
        self.ignored = []
        self.selected = {}
        self.choices = {}
        for facet in self.facet_list:
            values = self.params.getlist(facet.name)
            if facet.parse is not None:
                accepted, refused = facet.parse(values)
            else:
                self.choices[facet.name] = choices = facet.resolved_choices()
                known = {value for value, _label, _key in choices}
                accepted = [value for value in values if value in known]
                refused = [value for value in values if value and value not in known]
            self.selected[facet.name] = list(accepted)
            self.ignored += refused
        # The cache key follows the values as read, before any is found unknown by counting.
        self._digest = hashlib.sha256(
            repr(sorted((name, sorted(values)) for name, values in self.selected.items())).encode()
        ).hexdigest()[:32]
        sort = self.params.get(self.sort_param)
        self.sort = sort if sort in self.sorts else next(iter(self.sorts), None)
        self._facets = None

    # -- filtering

    def filtered(self, skip=None):
        collection = self.collection
        for facet in self.facet_list:
            values = self.selected[facet.name]
            if values and facet.filter is not None and facet.name != skip:
                collection = facet.filter(collection, values)
        return collection

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def _cached(self, name, compute):
        if self.cache_prefix is None:
            return compute()
        key = f"{self.cache_prefix}:{name}:{self._digest}"
        if self.cache_timeout is None:
            return cached(key, compute)
        return cached(key, compute, timeout=self.cache_timeout)

    # -- counting

    def _count_options(self):
        """``{name: [(value, label, key, count)]}``, plus the selected values found unknown."""
        options, unknown = {}, {}
        # Facets offering what counting finds first: a value they do not know is dropped
        # before it empties the other facets' counts.
        ordered = sorted(self.facet_list, key=lambda facet: facet.labels is None)
        for facet in ordered:
            if not facet.rendered and facet.labels is None:
                continue
            counts = facet.count(self.filtered(skip=facet.name)) if facet.count is not None else None
            if facet.labels is not None:
                selected_keys = set(self.selected[facet.name])
                found = facet.labels(set(counts or {}) | selected_keys)
                known = {key for _value, _label, key in found}
                unknown[facet.name] = [value for value in self.selected[facet.name] if value not in known]
                self.selected[facet.name] = [value for value in self.selected[facet.name] if value in known]
            else:
                found = self.choices.get(facet.name) or facet.resolved_choices()
            options[facet.name] = [
                (value, label, key, None if counts is None else counts.get(key, 0))
                for value, label, key in found
            ]
        return options, unknown

    def facets(self):
        if self._facets is not None:
            return self._facets
        options, unknown = self._cached("facets", self._count_options)
        for name, values in unknown.items():
            self.ignored += [str(value) for value in values]
            self.selected[name] = [value for value in self.selected[name] if value not in values]
        self._facets = []
        for facet in self.facet_list:
            if not facet.rendered:
                continue
            chosen = {str(value) for value in self.selected[facet.name]}
            shown = []
            for value, label, _key, count in options[facet.name]:
                selected = value in chosen
                if count is None or count or (selected and facet.keep_selected):
                    shown.append({"value": value, "label": label, "count": count, "selected": selected})
            self._facets.append(
                {
                    "name": facet.name,
                    "label": facet.label,
                    "widget": facet.widget,
                    "empty_label": facet.empty_label,
                    "options": shown,
                }
            )
        return self._facets

    # -- what the page shows

    def active_filters(self):
        """Each active filter with the URL that removes it (shareable query strings)."""
        labels = {
            facet["name"]: {option["value"]: option["label"] for option in facet["options"]}
            for facet in self.facets()
        }
        active = []
        for facet in self.facet_list:
            for value in (str(value) for value in self.selected[facet.name]):
                query = self.params.copy()
                query.setlist(facet.name, [other for other in query.getlist(facet.name) if other != value])
                query.pop("page", None)
                label = labels.get(facet.name, {}).get(value, value)
                active.append({"label": label, "remove_url": f"?{query.urlencode()}"})
        return active

    def page(self, per_page, prepare=None):
        self.facets()  # settles the selection (values found unknown by counting)
        listed = self.filtered()
        if prepare is not None:
            listed = prepare(listed)
        if self.sort is not None:
            listed = listed.order_by(*self.sorts[self.sort][1])
        paginator = Paginator(listed, per_page)
        if self.cache_prefix is not None:
            paginator.count = self._cached("count", lambda: Paginator(self.filtered(), 1).count)
        return paginator.get_page(self.params.get("page"))

    def context(self, per_page, prepare=None):
        page_obj = self.page(per_page, prepare)
        query = self.params.copy()
        query.pop("page", None)
        return {
            "page_obj": page_obj,
            "facets": self.facets(),
            "active_filters": self.active_filters(),
            "ignored_filters": self.ignored,
            "sorts": [(key, label) for key, (label, _) in self.sorts.items()] if len(self.sorts) > 1 else [],
            "current_sort": self.sort,
            "filter_query": query.urlencode(),
            "is_filtered": self.is_filtered,
            "selected": {name: [str(value) for value in values] for name, values in self.selected.items()},
        }
