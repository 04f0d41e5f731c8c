from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages de contenu"

    def ready(self):
        from . import content_cache
        from .frontend_cache import connect_signals
        from .spreadsheets import protect_admin_exports

        connect_signals()
        content_cache.connect()
        protect_admin_exports()
