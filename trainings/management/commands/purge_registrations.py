"""Anonymise registrations N months after their session (REGISTRATION_RETENTION_MONTHS,
default 24). Meant for a daily cron; counts survive for statistics."""

from django.conf import settings
from django.core.management.base import BaseCommand

from trainings.personal_data import anonymise, expired_registrations


class Command(BaseCommand):
    help = "Anonymise les inscriptions dont la session est terminée depuis plus de la durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compte sans rien modifier.")

    def handle(self, *args, dry_run=False, **options):
        registrations = expired_registrations()
        count = registrations.count() if dry_run else anonymise(registrations)
        months = settings.REGISTRATION_RETENTION_MONTHS
        verb = "seraient anonymisées" if dry_run else "anonymisée(s)"
        self.stdout.write(f"{count} inscription(s) {verb} (sessions terminées depuis plus de {months} mois).")
