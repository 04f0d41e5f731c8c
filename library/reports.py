"""Editorial care reports in the admin: resources past their review date, documents not
attached to any resource, and downloads per document."""

import django_filters

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn

from home.models import Theme
from home.reports import EditorialReportView

from .models import DownloadCount, LibraryDocument, ResourcePage, ResourceType


class ReviewFilterSet(WagtailFilterSet):
    resource_type = django_filters.ModelChoiceFilter(label="Type", queryset=ResourceType.objects.all())
    themes = django_filters.ModelChoiceFilter(label="Thème", queryset=Theme.objects.all())

    class Meta:
        model = ResourcePage
        fields = ["resource_type", "themes"]


class ResourcesToReviewView(EditorialReportView):
    page_title = "Ressources à réexaminer"
    header_icon = "time"
    index_url_name = "library_reports:to_review"
    index_results_url_name = "library_reports:to_review_results"
    filterset_class = ReviewFilterSet
    filename_prefix = "ressources-a-reexaminer"
    list_export = ["title", "resource_type.name", "review_due", "updated_on", "organisation", "full_url"]
    export_headings = {
        "title": "Titre",
        "resource_type.name": "Type",
        "review_due": "À réexaminer avant le",
        "updated_on": "À jour au",
        "organisation": "Organisation",
        "full_url": "Adresse",
    }
    columns = [
        TitleColumn(
            "title",
            label="Ressource",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("resource_type", label="Type"),
        DateColumn("review_due", label="À réexaminer avant le"),
        DateColumn("updated_on", label="À jour au"),
        Column("organisation", label="Organisation"),
    ]

    def get_queryset(self):
        return (
            ResourcePage.objects.filter(review_due__lt=timezone.localdate())
            .select_related("resource_type")
            .order_by("review_due", "title")
        )


class UnattachedDocumentsView(EditorialReportView):
    page_title = "Documents non rattachés à une ressource"
    index_url_name = "library_reports:unattached"
    index_results_url_name = "library_reports:unattached_results"
    filename_prefix = "documents-non-rattaches"
    list_export = ["title", "filename", "created_at", "extraction_warning"]
    export_headings = {
        "title": "Titre",
        "filename": "Fichier",
        "created_at": "Ajouté le",
        "extraction_warning": "Avertissement",
    }
    columns = [
        TitleColumn(
            "title", label="Document", get_url=lambda doc: reverse("wagtaildocs:edit", args=[doc.pk])
        ),
        Column("filename", label="Fichier"),
        DateColumn("created_at", label="Ajouté le"),
        Column("extraction_warning", label="Texte pour la recherche"),
    ]

    def get_queryset(self):
        return LibraryDocument.objects.filter(resource_files__isnull=True).order_by("-created_at")


class DownloadsView(EditorialReportView):
    page_title = "Téléchargements"
    header_icon = "download"
    index_url_name = "library_reports:downloads"
    index_results_url_name = "library_reports:downloads_results"
    filename_prefix = "telechargements"
    list_export = ["title", "filename", "downloads_this_month", "downloads_total"]
    export_headings = {
        "title": "Document",
        "filename": "Fichier",
        "downloads_this_month": "Ce mois-ci",
        "downloads_total": "Depuis l'origine",
    }
    columns = [
        TitleColumn(
            "title", label="Document", get_url=lambda doc: reverse("wagtaildocs:edit", args=[doc.pk])
        ),
        Column("filename", label="Fichier"),
        NumberColumn("downloads_this_month", label="Ce mois-ci"),
        NumberColumn("downloads_total", label="Depuis l'origine"),
    ]

    def get_queryset(self):
        this_month = timezone.localdate().replace(day=1)
        month_count = DownloadCount.objects.filter(document=OuterRef("pk"), month=this_month).values("count")[
            :1
        ]
        return (
            LibraryDocument.objects.annotate(
                downloads_total=Coalesce(Sum("download_counts__count"), 0),
                downloads_this_month=Coalesce(Subquery(month_count, output_field=IntegerField()), 0),
            )
            .filter(downloads_total__gt=0)
            .order_by("-downloads_total", "title")
        )
