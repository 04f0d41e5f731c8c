from django.urls import include, path, reverse

from wagtail import hooks

from home.reports import EditorialMenuItem

from .reports import PlaysView


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("lectures/", PlaysView.as_view(), name="plays"),
        path("lectures/resultats/", PlaysView.as_view(results_only=True), name="plays_results"),
    ]
    return [path("rapports/webinaires/", include((urls, "webinars_reports"), namespace="webinars_reports"))]


@hooks.register("register_reports_menu_item")
def register_plays_menu_item():
    return EditorialMenuItem(
        "Lectures des webinaires", reverse("webinars_reports:plays"), icon_name="media", order=130
    )
