"""The site maps: ``sitemap.xml`` for search engines and ``/plan-du-site/`` for people.

Both give the portal's real address (``SITE_URL``), whatever the Host header of the request
or the hostname of the Wagtail Site record says (``localhost`` by default, and nginx may
pass its own), and both list only what an anonymous visitor may see: live pages outside
view restrictions."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Site, get_page_models

from access.rules import exclude_restricted
from caching.content import cached


def public_url(url):
    """``url`` (absolute or relative) on the portal's real address, SITE_URL."""
    if not url:
        return ""
    parts = urlsplit(url)
    return settings.SITE_URL.rstrip("/") + urlunsplit(
        ("", "", parts.path or "/", parts.query, parts.fragment)
    )


class PortalSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = public_url(url_info["location"])
        return urls


def listing_models():
    """Page types whose children are reached through their own paginated, filtered listing
    (library, catalogue, webinars, seminars): the HTML site map names the listing and counts
    its pages instead of printing hundreds of titles."""
    from .models import SectionIndexPage

    return [model for model in get_page_models() if issubclass(model, SectionIndexPage)]


def site_map_tree(site=None):
    """The public pages of ``site`` as nested dicts: ``{"title", "url", "count", "children"}``,
    ``count`` being the number of pages a listing holds. Cached until the content changes."""
    site = site or Site.objects.select_related("root_page").get(is_default_site=True)
    return cached(f"site-map:{site.pk}", lambda: _build_tree(site.root_page))


def _build_tree(root):
    listing_types = {
        content_type.pk for content_type in ContentType.objects.get_for_models(*listing_models()).values()
    }
    rows = (
        exclude_restricted(root.get_descendants(inclusive=True).live())
        .order_by("path")
        .values_list("path", "title", "url_path", "content_type_id")
    )
    root_path_length = len(root.url_path)
    top = None
    stack = []  # the open branch: nodes from the root down to the last page added
    listing = None  # the listing page whose descendants are being counted
    for path, title, url_path, content_type_id in rows:
        if listing is not None and path.startswith(listing["path"]):
            listing["count"] += 1
            continue
        listing = None
        node = {
            "title": title,
            "url": "/" + url_path[root_path_length:],
            "path": path,
            "count": None,
            "children": [],
        }
        while stack and not path.startswith(stack[-1]["path"]):
            stack.pop()
        if stack:
            stack[-1]["children"].append(node)
        elif top is None:
            top = node
        else:
            continue  # outside the site's tree (cannot happen: rows are the root's descendants)
        stack.append(node)
        if content_type_id in listing_types:
            node["count"] = 0
            listing = node
    return top
