from django.apps import AppConfig


class CachingConfig(AppConfig):
    """Content cache, page-cache headers and front-end cache purge: Django and Wagtail only.

    The portal's apps say which of their models change public pages
    (``caching.content.watch``, ``PAGE_CACHE_PURGE_MODELS``); this app imports none of them."""

    name = "caching"
    verbose_name = "Caches"

    def ready(self):
        from . import content, frontend_cache

        frontend_cache.connect_signals()
        content.connect()
