from django import template

from home.content_cache import public
from library.models import LibraryIndexPage, ResourcePage

register = template.Library()


@register.inclusion_tag("library/includes/latest_resources.html", takes_context=True)
def latest_resources(context, count=3):
    """The newest public resources, for the home page."""
    library = LibraryIndexPage.objects.live().first()
    resources = []
    if library is not None:
        resources = list(
            public(ResourcePage.objects.child_of(library).live())
            .select_related("resource_type")
            .prefetch_related("themes", "files__document")
            .order_by("-published_on", "-first_published_at")[:count]
        )
    return {"resources": resources, "library": library, "request": context.get("request")}
