from django.db.models import prefetch_related_objects

from wagtail import hooks
from wagtail.models import PageViewRestriction

from .documents import document_refusal
from .rules import forbidden


@hooks.register("before_serve_document", order=-10)
def protect_private_documents(document, request):
    """Documents follow the privacy of their collection and of the pages holding them
    (``access.documents``); before Wagtail's own collection check (order 0)."""
    return document_refusal(document, request)


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
                    groups = [group.name for group in restriction.groups.all()]
                    return forbidden(request, page.title, groups=groups)
        return callback(page, request, serve_args, serve_kwargs)

    return inner
