"""Search results the portal's way: one bounded, relevance-ordered list of public pages,
filtered by facets (content type, theme, audience, year) in the database, described for
display (type, date, themes, file formats, highlighted snippet)."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, prefetch_related_objects

from wagtail.models import Page

from home.models import Audience, Theme
from home.params import parse_years
from library.models import ResourceFile

from .highlight import snippet

# Beyond this many matches, people refine their query rather than page through.
MAX_RESULTS = 500

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
        model.objects.filter(pk__in=ids, **{f"{relation}__slug__in": slugs}).values_list("pk", flat=True)
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
        for term_id, _page_id in through.objects.filter(**{f"{source}__in": ids}).values_list(target, source):
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
        for pk, date in Page.objects.filter(pk__in=ids).values_list("pk", "first_published_at")
    }
    own_dates = [
        ResourcePage.objects.values_list("pk", "published_on"),
        WebinarPage.objects.values_list("pk", "date"),
        SeminarPage.objects.values_list("pk", "date"),
        TrainingPage.objects.annotate(first=Min("sessions__starts_at")).values_list("pk", "first"),
    ]
    for dates in own_dates:
        for pk, date in dates.filter(pk__in=ids):
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


class SearchResultList:
    def __init__(self, ranked_ids, params, query=None):
        self.params = params
        self.content_types = {
            content_type_key(ct): ct
            for ct in ContentType.objects.filter(app_label__in=["library", "webinars", "trainings", "home"])
        }
        rows = {
            pk: (content_type_id, url_path, title)
            for pk, content_type_id, url_path, title in Page.objects.filter(pk__in=ranked_ids).values_list(
                "pk", "content_type_id", "url_path", "title"
            )
        }
        if query is not None:
            content_type_ids = {
                self.content_types[key].pk for key in CONTENT_TYPES if key in self.content_types
            }
            ranked_ids = content_first(ranked_ids, rows, content_type_ids, query)
        self.ranked_ids = ranked_ids
        self.page_types = {pk: rows[pk][0] for pk in ranked_ids if pk in rows}
        self.years = content_years(ranked_ids)
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.audiences = {a.slug: a for a in Audience.objects.all()}
        self.selected = {
            "type": [v for v in params.getlist("type") if v in CONTENT_TYPES],
            "theme": [v for v in params.getlist("theme") if v in self.themes],
            "audience": [v for v in params.getlist("audience") if v in self.audiences],
            "year": [str(year) for year in parse_years(params.getlist("year"))[0]],
        }
        self.ignored = [
            value
            for name in ("type", "theme", "audience", "year")
            for value in params.getlist(name)
            if value and value not in self.selected[name]
        ]

    def filtered_ids(self, skip=None):
        ids = list(self.ranked_ids)
        if self.selected["type"] and skip != "type":
            wanted = {
                self.content_types[key].pk for key in self.selected["type"] if key in self.content_types
            }
            ids = [pk for pk in ids if self.page_types.get(pk) in wanted]
        if self.selected["theme"] and skip != "theme":
            keep = taxonomy_page_ids("themes", ids, self.selected["theme"])
            ids = [pk for pk in ids if pk in keep]
        if self.selected["audience"] and skip != "audience":
            keep = taxonomy_page_ids("audiences", ids, self.selected["audience"])
            ids = [pk for pk in ids if pk in keep]
        if self.selected["year"] and skip != "year":
            years = {int(year) for year in self.selected["year"]}
            ids = [pk for pk in ids if self.years.get(pk) in years]
        return ids

    def facets(self):
        type_counts = Counter(self.page_types.get(pk) for pk in self.filtered_ids(skip="type"))
        year_counts = Counter(self.years.get(pk) for pk in self.filtered_ids(skip="year"))
        theme_counts = taxonomy_counts("themes", self.filtered_ids(skip="theme"))
        audience_counts = taxonomy_counts("audiences", self.filtered_ids(skip="audience"))

        def option(value, label, count, name):
            return {"value": value, "label": label, "count": count, "selected": value in self.selected[name]}

        return [
            {
                "name": "type",
                "label": "Type de contenu",
                "options": [
                    option(key, label, type_counts.get(self.content_types[key].pk, 0), "type")
                    for key, label in CONTENT_TYPES.items()
                    if key in self.content_types and type_counts.get(self.content_types[key].pk)
                ],
            },
            {
                "name": "theme",
                "label": "Thème",
                "options": [
                    option(t.slug, t.name, theme_counts[t.pk], "theme")
                    for t in self.themes.values()
                    if theme_counts.get(t.pk)
                ],
            },
            {
                "name": "audience",
                "label": "Public",
                "options": [
                    option(a.slug, a.name, audience_counts[a.pk], "audience")
                    for a in self.audiences.values()
                    if audience_counts.get(a.pk)
                ],
            },
            {
                "name": "year",
                "label": "Année",
                "options": [
                    option(str(y), str(y), n, "year")
                    for y, n in sorted(year_counts.items(), key=lambda i: -(i[0] or 0))
                    if y
                ],
            },
        ]


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
