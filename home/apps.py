from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages de contenu"

    def ready(self):
        from . import content_cache
        from .frontend_cache import connect_signals

        connect_signals()
        content_cache.connect()
