"""A large dataset for ``make bench``: ``python manage.py generate_bench_data``.

The demo site (every page type, with images and documents), then the volumes of issue #8:
10,000 resources whose files' text is extracted, 500 trainings with their sessions, 200
webinars with captions, transcript and chapters, 2,000 accounts and 20,000 registrations.
Idempotent: each builder only adds what is missing, so a second run creates nothing."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

import demo.bench.accounts
import demo.bench.library
import demo.bench.trainings
import demo.bench.webinars
from demo.site import build_demo_site
from operations.indexing import search_index_paused
from trainings import registration as registration_service


class Command(BaseCommand):
    help = "Génère un jeu de données volumineux pour les mesures de performance (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=int, default=10_000)
        parser.add_argument("--trainings", type=int, default=500)
        parser.add_argument("--webinars", type=int, default=200)
        parser.add_argument("--users", type=int, default=2_000)
        parser.add_argument("--registrations", type=int, default=20_000)
        parser.add_argument(
            "--no-index", action="store_true", help="Ne reconstruit pas l'index de recherche."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        # Per-object index and reference updates would make generation ten times slower:
        # switch them off while generating, then index everything in one pass.
        with search_index_paused(also_reference_index=True), registration_service.notifications_muted():
            with transaction.atomic():
                build_demo_site()
            demo.bench.accounts.build(count=options["users"])
            total = demo.bench.library.build(count=options["resources"])
            training_count, registration_count = demo.bench.trainings.build(
                count=options["trainings"], registrations=options["registrations"]
            )
            webinar_count = demo.bench.webinars.build(count=options["webinars"])
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
        with connection.cursor() as cursor:
            # Fresh planner statistics after the bulk inserts and the index (taken before
            # update_index, they told SQLite the search index held ten rows).
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"{total} ressources, {training_count} formations, {webinar_count} webinaires, "
            f"{options['users']} comptes, {registration_count} inscriptions prêts en {time.monotonic() - started:.0f} s."
        )
