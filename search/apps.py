from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Recherche"

    def ready(self):
        from caching import content

        from .models import Synonym

        content.watch(Synonym)
