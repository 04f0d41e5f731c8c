"""Search results the portal's way: one bounded, relevance-ordered list of public pages,
filtered by facets (content type, theme, audience, year) in the database, described for
display (type, date, themes, file formats, highlighted snippet)."""

import json
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.expressions import RawSQL

from wagtail.models import Page

from home.facets import Facet, FacetedListing
from home.models import Audience, Theme
from home.params import parse_years
from library.models import ResourceFile

from .highlight import snippet

# Beyond this many matches, people refine their query rather than page through.
MAX_RESULTS = 500


def among(ids):
    """``ids`` for an ``__in`` lookup as one SQL parameter (a JSON array on SQLite, an array
    on PostgreSQL). Django prepares an ``IN`` list value by value: 1 to 2 ms for 500 ids,
    for each of the dozen queries that count the facets of a search."""
    ids = list(ids)
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])  # noqa: S611 - fixed SQL
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])  # noqa: S611 - fixed SQL
    return ids


# Page types that are content people look for (index pages and the home are navigation).
CONTENT_TYPES = {
    "library.resourcepage": "Ressource",
    "webinars.webinarpage": "Webinaire",
    "trainings.trainingpage": "Formation",
    "trainings.seminarpage": "Séminaire",
    "home.contentpage": "Page",
}


def content_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def related_ids(model_label, relation, ids, slugs):
    """Ids among ``ids`` of pages of ``model_label`` whose ``relation`` has one of ``slugs``."""
    from django.apps import apps

    model = apps.get_model(model_label)
    return set(
        model.objects.filter(pk__in=among(ids), **{f"{relation}__slug__in": slugs}).values_list(
            "pk", flat=True
        )
    )


TAXONOMY_MODELS = ["library.ResourcePage", "trainings.TrainingPage", "webinars.WebinarPage"]


def taxonomy_counts(relation, ids):
    from django.apps import apps

    counter = Counter()
    for label in TAXONOMY_MODELS:
        model = apps.get_model(label)
        through = getattr(model, relation).through
        source = [f.name for f in through._meta.fields if f.related_model is model][0]
        target = [
            f.name for f in through._meta.fields if f.related_model not in (model, None) and f.name != "id"
        ][0]
        for term_id, _page_id in through.objects.filter(**{f"{source}__in": among(ids)}).values_list(
            target, source
        ):
            counter[term_id] += 1
    return counter


def taxonomy_page_ids(relation, ids, slugs):
    found = set()
    for label in TAXONOMY_MODELS:
        found |= related_ids(label, relation, ids, slugs)
    return found


def content_years(ids):
    """The year of each page's own date: a resource's publication date, a webinar's or a
    seminar's date, a training's first session; the date it went online for other pages
    (a 2022 guide put online in 2026 counts as 2022)."""
    from django.db.models import Min

    from library.models import ResourcePage
    from trainings.models import SeminarPage, TrainingPage
    from webinars.models import WebinarPage

    years = {
        pk: date.year if date else None
        for pk, date in Page.objects.filter(pk__in=among(ids)).values_list("pk", "first_published_at")
    }
    own_dates = [
        ResourcePage.objects.values_list("pk", "published_on"),
        WebinarPage.objects.values_list("pk", "date"),
        SeminarPage.objects.values_list("pk", "date"),
        TrainingPage.objects.annotate(first=Min("sessions__starts_at")).values_list("pk", "first"),
    ]
    for dates in own_dates:
        for pk, date in dates.filter(pk__in=among(ids)):
            if date:
                years[pk] = date.year
    return years


def utility_paths():
    """Paths (below the site's root) of the utility pages: the legal pages the footer links
    to (legal notice, accessibility, personal data, site map)."""
    from home.context_processors import LEGAL_LINKS

    return {url for _label, url in LEGAL_LINKS}


def path_in_site(url_path):
    # Wagtail's url_path starts with the site root's slug: "/home/mentions-legales/".
    return "/" + url_path.strip("/").partition("/")[2].strip("/") + "/"


def title_matches(title, query):
    """Every word of the query (French analysis: stems, no stop words) is in the title."""
    from .french import analyze

    wanted = set(analyze(query.replace('"', " ")))
    return bool(wanted) and wanted <= set(analyze(title))


def content_first(ranked_ids, rows, content_type_ids, query):
    """Content pages (``CONTENT_TYPES``, less the utility pages), in the engine's order, then
    listing and utility pages (home, sections, catalogues, contact, legal pages) whose title
    matches the query; the others are left out. A rule by page role, the same on every
    backend: such pages are navigation, found by their name, and their introductions
    ("ressources sur les violences…") otherwise outrank the content they lead to."""
    utility = utility_paths()
    content, others = [], []
    for pk in ranked_ids:
        row = rows.get(pk)
        if row is None:
            continue
        content_type_id, url_path, title = row
        if content_type_id in content_type_ids and path_in_site(url_path) not in utility:
            content.append(pk)
        elif title_matches(title, query):
            others.append(pk)
    return content + others


def search_facets(content_types, page_types, years):
    """The search's facets over a list of page ids (kept in relevance order): content type,
    theme, audience, year. Only values with results are offered."""

    def type_filter(ids, keys):
        wanted = {content_types[key].pk for key in keys if key in content_types}
        return [pk for pk in ids if page_types.get(pk) in wanted]

    def taxonomy_filter(relation):
        def apply(ids, slugs):
            keep = taxonomy_page_ids(relation, ids, slugs)
            return [pk for pk in ids if pk in keep]

        return apply

    def year_filter(ids, wanted):
        wanted = set(wanted)
        return [pk for pk in ids if years.get(pk) in wanted]

    def parse(values):
        accepted = parse_years(values)[0]
        spelled = {str(year) for year in accepted}
        return accepted, [value for value in values if value and value not in spelled]

    def terms(model):
        return lambda: [(term.slug, term.name, term.pk) for term in model.objects.all()]

    return [
        Facet(
            "type",
            "Type de contenu",
            choices=[
                (key, label, content_types[key].pk if key in content_types else f"absent:{key}")
                for key, label in CONTENT_TYPES.items()
            ],
            filter=type_filter,
            count=lambda ids: Counter(page_types.get(pk) for pk in ids),
            keep_selected=False,
        ),
        Facet(
            "theme",
            "Thème",
            choices=terms(Theme),
            filter=taxonomy_filter("themes"),
            count=lambda ids: taxonomy_counts("themes", ids),
            keep_selected=False,
        ),
        Facet(
            "audience",
            "Public",
            choices=terms(Audience),
            filter=taxonomy_filter("audiences"),
            count=lambda ids: taxonomy_counts("audiences", ids),
            keep_selected=False,
        ),
        Facet(
            "year",
            "Année",
            parse=parse,
            filter=year_filter,
            count=lambda ids: Counter(years.get(pk) for pk in ids),
            keep_selected=False,
        ),
    ]


def search_listing(ranked_ids, params, query=None):
    """The faceted listing (home/facets.py) of the pages the engine found, in its order
    (content pages first when ``query`` is given)."""
    content_types = {
        content_type_key(ct): ct
        for ct in ContentType.objects.filter(app_label__in=["library", "webinars", "trainings", "home"])
    }
    rows = {
        pk: (content_type_id, url_path, title)
        for pk, content_type_id, url_path, title in Page.objects.filter(pk__in=among(ranked_ids)).values_list(
            "pk", "content_type_id", "url_path", "title"
        )
    }
    if query is not None:
        content_type_ids = {content_types[key].pk for key in CONTENT_TYPES if key in content_types}
        ranked_ids = content_first(ranked_ids, rows, content_type_ids, query)
    page_types = {pk: rows[pk][0] for pk in ranked_ids if pk in rows}
    facets = search_facets(content_types, page_types, content_years(ranked_ids))
    return FacetedListing(list(ranked_ids), params, facets)


def describe(pages, query):
    """Display data for the pages of one results page (already specific)."""
    # Themes and files of every shown page in one query per page type, whatever the count.
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for model, instances in by_class.items():
        lookups = [name for name in ("themes",) if hasattr(model, name)]
        if hasattr(model, "files"):
            lookups.append(Prefetch("files", queryset=ResourceFile.objects.select_related("document")))
        if lookups:
            prefetch_related_objects(instances, *lookups)
    described = []
    for page in pages:
        key = content_type_key(ContentType.objects.get_for_id(page.content_type_id))
        text_parts = [page.search_description, getattr(page, "intro", "")]
        body = getattr(page, "body", None)
        if body is not None and hasattr(body, "stream_block"):
            text_parts.extend(body.stream_block.get_searchable_content(body))
        for attribute in ("transcript", "files_text"):
            value = getattr(page, attribute, None)
            if callable(value):
                value = value()
            if value:
                text_parts.append(str(value)[:20000])
        themes = list(page.themes.all()) if hasattr(page, "themes") else []
        files = list(page.files.all()) if hasattr(page, "files") else []
        date = getattr(page, "published_on", None) or getattr(page, "date", None) or page.first_published_at
        described.append(
            {
                "page": page,
                "type": CONTENT_TYPES.get(key, page.specific_class._meta.verbose_name.capitalize()),
                "date": date,
                "themes": themes,
                "formats": sorted(
                    {item.document.file_extension.upper() for item in files if item.document_id}
                ),
                "snippet": snippet(" ".join(part for part in text_parts if part), query),
            }
        )
    return described
