from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages de contenu"

    def ready(self):
        from access.rules import use_cache
        from caching import content

        from .models import PortalSettings, Taxonomy

        # The taxonomies and the portal's settings show on public pages.
        content.watch(Taxonomy, PortalSettings)
        # Page restrictions are read on every listing: through the content cache.
        use_cache(content.cached)
