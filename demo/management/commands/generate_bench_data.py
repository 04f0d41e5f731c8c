"""A large dataset for ``make bench``: ``python manage.py generate_bench_data --resources 10000``."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

import accounts.demo
import home.demo
import library.bench
from home.indexing import search_index_paused


class Command(BaseCommand):
    help = "Génère un jeu de données volumineux pour les mesures de performance (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=int, default=10_000)

    def handle(self, *args, resources, **options):
        started = time.monotonic()
        accounts.demo.build()
        home.demo.build()
        # Per-object index and reference updates would make generation ten times slower:
        # switch them off while generating, then index everything in one pass.
        with search_index_paused(also_reference_index=True):
            total = library.bench.build(count=resources)
        call_command("update_index", verbosity=0)
        self.stdout.write(f"{total} ressources prêtes en {time.monotonic() - started:.0f} s.")
