from django.template.response import TemplateResponse
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents.models import document_served
from wagtail.models import BaseViewRestriction
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.database import best_effort_write
from home.models import Audience, Theme

from .models import DownloadCount, LibraryDocument, ResourcePage, ResourceType
from .reports import DownloadsView, ResourcesToReviewView, UnattachedDocumentsView, is_editorial_staff


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


@hooks.register("before_serve_document", order=-10)
def protect_private_documents(document, request):
    """Files follow the privacy of what they belong to.

    - A document in a restricted collection, requested by a logged-in user outside the
      allowed groups, gets a clear 403 page (Wagtail's own check would send them to the
      log-in page again, a loop). Anonymous visitors are left to Wagtail's redirect.
    - A document in a public collection but attached only to resources the visitor may not
      see (a toolbox tool uploaded to the wrong collection) is refused too: guessing its
      URL must not reveal it."""
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            if restriction.restriction_type == BaseViewRestriction.GROUPS and request.user.is_authenticated:
                return forbidden(request, document.title)
            return None  # Wagtail's own hook answers (log-in redirect or password form)

    pages = list(ResourcePage.objects.filter(files__document=document).distinct())
    if pages and not any(page_is_viewable(page, request) for page in pages):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return forbidden(request, document.title)
    return None


def page_is_viewable(page, request):
    if not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def forbidden(request, title):
    return TemplateResponse(request, "403.html", {"restricted_page_title": title}, status=403)


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


class EditorialMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editorial_staff(request.user)


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
