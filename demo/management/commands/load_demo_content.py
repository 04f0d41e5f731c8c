"""Build the whole demo site: ``python manage.py load_demo_content``.

The builders live in ``demo/builders/`` (content in ``demo/content/*.yaml``); this command calls them in
dependency order, then rebuilds the search index. Idempotent."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.site import build_demo_site
from operations.indexing import search_index_paused


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent ; refusé hors DEBUG sans --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Autorise le chargement même quand DEBUG est désactivé.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG est désactivé : le contenu de démonstration (et ses comptes au mot de "
                "passe connu) ne se charge pas sur un site réel. Utilisez --force si c'est voulu."
            )
        # The index is rebuilt once at the end rather than after every save.
        with transaction.atomic(), search_index_paused():
            build_demo_site()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
