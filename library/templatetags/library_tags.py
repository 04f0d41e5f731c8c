from django import template
from django.db.models import Prefetch

from access.rules import exclude_restricted
from library.models import LibraryIndexPage, ResourceFile, ResourcePage

register = template.Library()


@register.inclusion_tag("library/includes/latest_resources.html", takes_context=True)
def latest_resources(context, count=3):
    """The newest public resources, for the home page."""
    library = LibraryIndexPage.objects.live().first()
    resources = []
    if library is not None:
        resources = list(
            exclude_restricted(ResourcePage.objects.child_of(library).live())
            .select_related("resource_type")
            .prefetch_related(
                "themes",
                # One query whether or not the files have documents (files__document would
                # skip its second query when none has).
                Prefetch("files", queryset=ResourceFile.objects.select_related("document")),
            )
            .order_by("-published_on", "-first_published_at")[:count]
        )
    return {"resources": resources, "library": library, "request": context.get("request")}
