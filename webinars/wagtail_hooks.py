from django.contrib.auth.views import redirect_to_login
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from library.models import ResourcePage
from library.reports import is_editorial_staff

from .access import forbidden, page_is_viewable
from .models import WebinarPage
from .reports import PlaysView


@hooks.register("before_serve_document", order=-9)
def protect_webinar_documents(document, request):
    """Slides follow the privacy of the webinars they are attached to.

    The library's hook (order -10) knows only resources: a document attached only to a
    private webinar would be downloadable by guessing its address. Refused here when every
    webinar it is attached to is out of the visitor's reach and no resource they may see
    offers it; those who can edit the webinar (editors checking a draft) keep access."""
    webinars = list(WebinarPage.objects.filter(documents__document=document).distinct())
    if not webinars:
        return None
    user = request.user
    for webinar in webinars:
        if page_is_viewable(webinar, request):
            return None
        if user.is_authenticated and webinar.permissions_for_user(user).can_edit():
            return None
    resources = ResourcePage.objects.filter(files__document=document).distinct()
    if any(page_is_viewable(resource, request) for resource in resources):
        return None
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return forbidden(request, document.title)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("lectures/", PlaysView.as_view(), name="plays"),
        path("lectures/resultats/", PlaysView.as_view(results_only=True), name="plays_results"),
    ]
    return [path("rapports/webinaires/", include((urls, "webinars_reports"), namespace="webinars_reports"))]


class EditorialMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editorial_staff(request.user)


@hooks.register("register_reports_menu_item")
def register_plays_menu_item():
    return EditorialMenuItem(
        "Lectures des webinaires", reverse("webinars_reports:plays"), icon_name="media", order=130
    )
