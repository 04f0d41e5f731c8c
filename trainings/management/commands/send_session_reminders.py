"""E-mail a reminder three days before each session (J-3) to confirmed participants.
Safe to run several times a day from cron: each registration is reminded once."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from trainings.emails import send_registration_email
from trainings.models import Registration


class Command(BaseCommand):
    help = "Envoie le rappel J-3 aux personnes inscrites (une seule fois par inscription)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args, days=3, **options):
        today = timezone.localdate()
        target = today + datetime.timedelta(days=days)
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            user__isnull=False,
            session__starts_at__date__gt=today,
            session__starts_at__date__lte=target,
        ).select_related("session__page", "user")
        sent = 0
        for registration in due:
            if send_registration_email(registration, "reminder"):
                Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=timezone.now())
                sent += 1
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
