from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages de contenu"

    def ready(self):
        from access.rules import use_cache

        from . import content_cache
        from .frontend_cache import connect_signals
        from .spreadsheets import protect_admin_exports

        connect_signals()
        content_cache.connect()
        use_cache(content_cache.cached)
        protect_admin_exports()
