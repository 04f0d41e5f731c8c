"""E-mail a reminder three days before each session (J-3) to confirmed participants.
Safe to run several times a day from cron: each registration is reminded once. The mails
are background tasks (trainings.tasks.send_reminder_task), sent by the worker."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from trainings.models import Registration
from trainings.tasks import send_reminder_task


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
        )
        queued = 0
        for registration_id in due.values_list("pk", flat=True):
            send_reminder_task.enqueue(registration_id)
            queued += 1
        self.stdout.write(f"{queued} rappel(s) à envoyer.")
