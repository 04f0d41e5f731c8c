from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages de contenu"

    def ready(self):
        from . import content_cache

        content_cache.connect()
