"""Admin: the "Recherches récentes" report (Rapports), for ODPE editors and moderators.

What visitors searched for in the last 30 days, from the search log that keeps no
personal data (``search.querylog``): one row per query, with how many times it was
searched and how many results it found the last time. The "Sans résultat" filter lists
the queries that found nothing: content to write, a promoted result to add
(Paramètres › Résultats de recherche promus), or a word the documents say otherwise
(Recherche › Synonymes et sigles).

The "Synonymes et sigles" snippets: the abbreviations and everyday words the search expands
(``search.synonyms``), managed by the same editors and moderators (migration 0008)."""

import datetime

import django_filters

from django.db.models import IntegerField, Max, OuterRef, Subquery, Sum
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.reports import EditorialMenuItem, EditorialReportView

from .forms import SynonymForm, split_expansions
from .models import QueryDailyStat, Synonym
from .querylog import REPORT_DAYS


class RecentQueriesFilterSet(WagtailFilterSet):
    sans_resultat = django_filters.BooleanFilter(
        label="Sans résultat", method="filter_without_results", widget=BooleanRadioSelect
    )

    class Meta:
        model = QueryDailyStat
        fields = []

    def filter_without_results(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(last_result_count=0) if value else queryset.filter(last_result_count__gt=0)


class RecentQueriesView(EditorialReportView):
    page_title = "Recherches récentes"
    header_icon = "search"
    index_url_name = "search_reports:recent"
    index_results_url_name = "search_reports:recent_results"
    results_template_name = "search/admin/recent_queries_results.html"
    filterset_class = RecentQueriesFilterSet
    filename_prefix = "recherches-recentes"
    no_results_message = "Aucune recherche sur cette période."
    list_export = ["query", "hits", "last_result_count", "last_day"]
    export_headings = {
        "query": "Recherche",
        "hits": f"Recherches ({REPORT_DAYS} jours)",
        "last_result_count": "Résultats (dernière recherche)",
        "last_day": "Dernière recherche",
    }
    columns = [
        Column("query", label="Recherche"),
        NumberColumn("hits", label=f"Recherches ({REPORT_DAYS} jours)"),
        NumberColumn("last_result_count", label="Résultats (dernière recherche)"),
        Column(
            "last_day", label="Dernière recherche", accessor=lambda row: date_format(row["last_day"], "d/m/Y")
        ),
    ]

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS - 1)
        recent = QueryDailyStat.objects.filter(day__gte=since)
        latest_count = (
            QueryDailyStat.objects.filter(query=OuterRef("query"), day__gte=since)
            .order_by("-day")
            .values("last_result_count")[:1]
        )
        return (
            recent.values("query")
            .annotate(
                hits=Sum("hits"),
                last_day=Max("day"),
                last_result_count=Subquery(latest_count, output_field=IntegerField()),
            )
            .order_by("-hits", "-last_day", "query")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_days"] = REPORT_DAYS
        return context


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("recentes/", RecentQueriesView.as_view(), name="recent"),
        path("recentes/resultats/", RecentQueriesView.as_view(results_only=True), name="recent_results"),
    ]
    return [path("rapports/recherche/", include((urls, "search_reports"), namespace="search_reports"))]


@hooks.register("register_reports_menu_item")
def register_recent_queries_menu_item():
    return EditorialMenuItem(
        "Recherches récentes", reverse("search_reports:recent"), icon_name="search", order=140
    )


# --- Synonyms and abbreviations -------------------------------------------------------------


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "openquote"
    menu_label = "Synonymes et sigles"
    list_display = [
        "term",
        Column(
            "expansions",
            label="Équivalents",
            accessor=lambda synonym: " ; ".join(split_expansions(synonym.expansions)),
        ),
        BooleanColumn("shown", label="Annoncé"),
    ]
    list_filter = ["shown"]
    search_fields = ["term", "expansions"]
    edit_handler = ObjectList(
        [FieldPanel("term"), FieldPanel("expansions"), FieldPanel("shown")], base_form_class=SynonymForm
    )


class SearchSnippetsGroup(SnippetViewSetGroup):
    menu_label = "Recherche"
    menu_icon = "search"
    menu_order = 320
    items = (SynonymViewSet,)


hooks.register("register_admin_viewset", SearchSnippetsGroup)
