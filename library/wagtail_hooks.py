from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents.models import document_served
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Audience, Theme
from home.reports import EditorialMenuItem
from operations.database import best_effort_write

from .models import DownloadCount, LibraryDocument, ResourcePage, ResourceType
from .reports import DownloadsView, ResourcesToReviewView, UnattachedDocumentsView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thèmes"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = "Publics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-full-inverse"
    menu_label = "Types de ressource"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ClassificationGroup(SnippetViewSetGroup):
    menu_label = "Classement"
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, AudienceViewSet, ResourceTypeViewSet)


hooks.register("register_admin_viewset", ClassificationGroup)


class ResourceListingViewSet(PageListingViewSet):
    icon = "doc-full"
    menu_label = "Ressources"
    menu_order = 120
    add_to_admin_menu = True
    model = ResourcePage
    name = "ressources"

    class filterset_class(PageListingViewSet.filterset_class):  # noqa: N801 - Wagtail's attribute name
        class Meta:
            model = ResourcePage
            fields = ["resource_type", "themes", "audiences", "live"]


hooks.register("register_admin_viewset", ResourceListingViewSet)


def count_download(sender, instance, request, **kwargs):
    """One more download this month: no IP, no user, no timestamp kept. Best effort: a
    read-only or locked database skips the count, never the download."""
    best_effort_write("Download count", add_download, instance)


def add_download(instance):
    DownloadCount.increment(instance)


document_served.connect(count_download, sender=LibraryDocument, dispatch_uid="library_count_download")


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("a-reexaminer/", ResourcesToReviewView.as_view(), name="to_review"),
        path(
            "a-reexaminer/resultats/",
            ResourcesToReviewView.as_view(results_only=True),
            name="to_review_results",
        ),
        path("documents-non-rattaches/", UnattachedDocumentsView.as_view(), name="unattached"),
        path(
            "documents-non-rattaches/resultats/",
            UnattachedDocumentsView.as_view(results_only=True),
            name="unattached_results",
        ),
        path("telechargements/", DownloadsView.as_view(), name="downloads"),
        path(
            "telechargements/resultats/", DownloadsView.as_view(results_only=True), name="downloads_results"
        ),
    ]
    return [path("rapports/bibliotheque/", include((urls, "library_reports"), namespace="library_reports"))]


@hooks.register("register_reports_menu_item")
def register_to_review_menu_item():
    return EditorialMenuItem(
        "Ressources à réexaminer", reverse("library_reports:to_review"), icon_name="time", order=100
    )


@hooks.register("register_reports_menu_item")
def register_unattached_menu_item():
    return EditorialMenuItem(
        "Documents non rattachés", reverse("library_reports:unattached"), icon_name="doc-full", order=110
    )


@hooks.register("register_reports_menu_item")
def register_downloads_menu_item():
    return EditorialMenuItem(
        "Téléchargements", reverse("library_reports:downloads"), icon_name="download", order=120
    )
