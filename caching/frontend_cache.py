"""Purging the shared page cache (nginx, deploy/nginx/portal.conf) when content changes.

Wagtail's frontend cache invalidation (``wagtail.contrib.frontend_cache``) sends the PURGE
requests; WAGTAILFRONTENDCACHE is set from PAGE_CACHE_PURGE_URL (portal/settings/base.py).
Out of the box Wagtail purges only the published page's own address. Here a change purges
**every public page of the site** instead, because a page's title, summary and themes also
show on the home page ("latest resources"), the section listings, the library's feeds, the
agenda, the sitemap and the "related content" of other pages, and a snippet (a theme
renamed), a document or a view restriction can change any number of pages. Working out
exactly which pages show what would be fragile; purging all of them is always right and
cheap at this scale: one PURGE per public page (a few hundred), over one keep-alive
connection to the local nginx, after the transaction commits, once per transaction
however many objects it saved. ngx_cache_purge 2.3 (Debian's libnginx-mod-http-cache-purge)
has no wildcard purge, hence the list. Addresses with a query string are never cached
(caching/headers.py), so the list of page addresses (plus their routes without
parameters, e.g. /ressources/flux/) covers everything nginx may hold, together with the
former addresses of pages that moved, changed slug, were unpublished or deleted.

Triggers: page published, unpublished, moved, slug changed, deleted; a snippet, a site
setting, a document, an image, a page/collection view restriction or a model of
PAGE_CACHE_PURGE_MODELS (registrations: the places left show on public pages) saved or
deleted.
"""

import functools
import http.client
import logging
import threading
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch
from django.utils.encoding import iri_to_uri

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE requests), for nginx with ngx_cache_purge.

    Differences: the whole batch goes over one keep-alive connection; an address that was
    not in the cache (nginx answers 404) is normal, not an error; non-ASCII paths are
    percent-encoded, as browsers send them (nginx decodes both into the same cache key)."""

    def __init__(self, params):
        super().__init__(params)
        self.timeout = float(params.get("TIMEOUT", 5))

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection_class = (
            http.client.HTTPSConnection if self.cache_scheme == "https" else http.client.HTTPConnection
        )
        conn = connection_class(self.cache_netloc, timeout=self.timeout)
        purged = 0
        try:
            for url in urls:
                parts = urlsplit(iri_to_uri(url))
                host = parts.hostname + (f":{parts.port}" if parts.port else "")
                path = parts.path or "/"
                conn.request(
                    "PURGE",
                    path,
                    headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
                )
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    purged += 1
                elif response.status != 404:
                    logger.warning("Purge de %s refusée par le cache : HTTP %s", url, response.status)
        except OSError as error:
            logger.error("Cache de pages injoignable (%s) : purge incomplète (%s)", self.cache_netloc, error)
        finally:
            conn.close()
        logger.info("Cache de pages : %s adresse(s) purgée(s) sur %s demandée(s)", purged, len(urls))


def is_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(page, cache_object=None):
    """The addresses under which the cache may hold ``page``: its URL, Wagtail's cached paths,
    and the routes without parameters of a routable page (feeds, agenda)."""
    base = page.get_full_url(cache_object)
    if base is None:
        return []
    paths = list(page.specific_deferred.get_cached_paths())
    specific = page.specific_deferred
    if isinstance(specific, RoutablePageMixin):
        for pattern in specific.get_subpage_urls():
            try:
                paths.append(specific.reverse_subpage(pattern.name))
            except NoReverseMatch:
                continue  # a route with parameters: its addresses cannot be listed
    return [base + path.lstrip("/") for path in dict.fromkeys(paths)]


def site_urls():
    """Every address of the public site the cache may hold."""
    cache_object = SimpleNamespace()  # holds the site root paths for this listing only
    urls = []
    for page in Page.objects.live().public().specific(defer=True).iterator():
        urls.extend(page_urls(page, cache_object))
    for site in Site.objects.all():
        urls.append(f"{site.root_url}/sitemap.xml")
        urls.append(f"{site.root_url}/plan-du-site/")
    return urls


_pending_urls = set()
_thread = threading.local()


def _purge_site():
    urls = set(site_urls()) | _pending_urls
    _pending_urls.clear()
    purge_urls_from_cache(sorted(urls))


def schedule_site_purge(extra_urls=()):
    """Purge the whole site once the current transaction commits (at once outside one).

    Many saves in one transaction (an import, a page with its snippets) purge once: a
    callback is registered only if this thread's transaction does not hold one already
    (``run_on_commit`` lists the open transaction's (savepoint ids, callback, robust);
    a rolled back one is gone from it, and the next change registers a new callback)."""
    if not is_enabled():
        return
    _pending_urls.update(extra_urls)
    scheduled = getattr(_thread, "scheduled", None)
    if scheduled is not None and any(entry[1] is scheduled for entry in connection.run_on_commit):
        return

    def purge():
        _thread.scheduled = None
        _purge_site()

    _thread.scheduled = purge
    transaction.on_commit(purge, robust=True)


def subtree_urls_at(page, url_path_before):
    """Former addresses of ``page`` and its public descendants, when its url_path was
    ``url_path_before`` (before a move or a slug change)."""
    url_path_now = page.url_path
    urls = []
    for descendant in Page.objects.descendant_of(page, inclusive=True).live().specific(defer=True):
        if not descendant.url_path.startswith(url_path_now):
            continue
        descendant.url_path = url_path_before + descendant.url_path[len(url_path_now) :]
        urls.extend(page_urls(descendant))
    return urls


# --- Signal receivers (connected in caching.apps) ------------------------------------------


def on_page_published(instance, **kwargs):
    schedule_site_purge()


def on_page_unpublished(instance, **kwargs):
    schedule_site_purge(page_urls(instance))


def on_page_slug_changed(instance, instance_before, **kwargs):
    schedule_site_purge(subtree_urls_at(instance, instance_before.url_path))


def on_pre_page_move(instance, **kwargs):
    # The addresses are those of before the move: collected now, purged after it.
    if is_enabled():
        _pending_urls.update(subtree_urls_at(instance, instance.url_path))


def on_post_page_move(instance, **kwargs):
    schedule_site_purge()


def on_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and is_enabled() and instance.live:
        _pending_urls.update(page_urls(instance))


@functools.cache
def purge_triggering_models():
    models = {get_document_model(), get_image_model(), PageViewRestriction, CollectionViewRestriction}
    models.update(get_snippet_models())
    # Models of other apps that public pages show (e.g. registrations: places left),
    # named in settings so that caching imports none of them.
    models.update(apps.get_model(label) for label in settings.PAGE_CACHE_PURGE_MODELS)
    return models


def is_setting(sender):
    return isinstance(sender, type) and issubclass(sender, BaseSiteSetting | BaseGenericSetting)


def on_saved_or_deleted(sender, instance, **kwargs):
    if not is_enabled():
        return
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete and instance.live:
            schedule_site_purge()
        return
    if sender in purge_triggering_models() or is_setting(sender):
        schedule_site_purge()


def connect_signals():
    page_published.connect(on_page_published, dispatch_uid="caching.frontend_cache.published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="caching.frontend_cache.unpublished")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="caching.frontend_cache.slug_changed")
    pre_page_move.connect(on_pre_page_move, dispatch_uid="caching.frontend_cache.pre_move")
    post_page_move.connect(on_post_page_move, dispatch_uid="caching.frontend_cache.post_move")
    pre_delete.connect(on_pre_delete, dispatch_uid="caching.frontend_cache.pre_delete")
    post_save.connect(on_saved_or_deleted, dispatch_uid="caching.frontend_cache.saved")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="caching.frontend_cache.deleted")
