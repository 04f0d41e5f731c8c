from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import PageViewRestriction

from home import admin_creation


@hooks.register("before_serve_page", order=-20)
def prefetch_user_groups(page, request, serve_args, serve_kwargs):
    """The visitor's groups read once, before Wagtail's and the portal's restriction checks
    (each ``accept_request`` of a group restriction would read them again)."""
    if request.user.is_authenticated:
        prefetch_related_objects([getattr(request.user, "_wrapped", request.user)], "groups")


@hooks.register("on_serve_page", order=-10)
def explain_group_restrictions(callback):
    """A logged-in user outside the page's groups gets a clear 403 page.

    Wagtail's own check sends every refused visitor to the log-in page; for someone
    already logged in that is a loop, so we answer "réservé" here and leave anonymous
    visitors to Wagtail's redirect."""

    def inner(page, request, serve_args, serve_kwargs):
        if request.user.is_authenticated:
            for restriction in page.get_view_restrictions():
                if (
                    restriction.restriction_type == PageViewRestriction.GROUPS
                    and not restriction.accept_request(request)
                ):
                    response = TemplateResponse(
                        request,
                        "403.html",
                        {
                            "restricted_page_title": page.title,
                            "restricted_groups": [group.name for group in restriction.groups.all()],
                        },
                        status=403,
                    )
                    add_never_cache_headers(response)
                    return response
        return callback(page, request, serve_args, serve_kwargs)

    return inner


# One create form, one page, whatever the autosave did (home/admin_creation.py).
hooks.register("before_create_page", admin_creation.guard_page_creation)
hooks.register("after_create_page", admin_creation.record_created_page)


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_editor_js")
def portal_editor_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))
