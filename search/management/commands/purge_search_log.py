"""Delete the search log's days older than the retention period (default 365 days).
Meant for a daily cron, like ``purge_registrations``."""

from django.core.management.base import BaseCommand, CommandError

from search.querylog import DEFAULT_RETENTION_DAYS, purge


class Command(BaseCommand):
    help = "Supprime les statistiques de recherche plus anciennes que la durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_RETENTION_DAYS,
            help=f"Durée de conservation en jours (par défaut : {DEFAULT_RETENTION_DAYS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Compte sans rien supprimer.")

    def handle(self, *args, days=DEFAULT_RETENTION_DAYS, dry_run=False, **options):
        if days < 1:
            raise CommandError("--days doit être un nombre de jours positif.")
        count = purge(days=days, dry_run=dry_run)
        verb = "seraient supprimée(s)" if dry_run else "supprimée(s)"
        self.stdout.write(f"{count} ligne(s) du journal de recherche {verb} (plus de {days} jours).")
