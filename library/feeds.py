"""RSS and Atom feeds of new public resources, optionally for one theme."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from access.rules import exclude_restricted
from home.models import Theme

FEED_SIZE = 30


class ResourcesFeed(Feed):
    description = "Les dernières ressources publiées sur le Portail VIF Nord."

    def __init__(self, library_page, resources):
        """``resources``: the live resource pages (the library hands over its model's)."""
        super().__init__()
        self.library_page = library_page
        self.resources = resources

    def get_object(self, request, *args, **kwargs):
        slug = request.GET.get("theme", "")
        if not slug:
            return None
        # No theme's slug holds a NUL, and PostgreSQL refuses one in a query (a 500).
        theme = None if "\x00" in slug else Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise Http404("Thème inconnu")
        return theme

    def title(self, theme):
        suffix = f" — {theme.name}" if theme else ""
        return f"Nouvelles ressources{suffix} — Portail VIF Nord"

    def link(self, theme):
        url = self.library_page.url
        return f"{url}?theme={theme.slug}" if theme else url

    def items(self, theme):
        resources = (
            exclude_restricted(self.resources)
            .descendant_of(self.library_page)
            .select_related("resource_type")
            .order_by("-published_on", "-first_published_at")
        )
        if theme:
            resources = resources.filter(themes=theme)
        return resources[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.resource_type.name]


class AtomResourcesFeed(ResourcesFeed):
    feed_type = Atom1Feed
    subtitle = ResourcesFeed.description
