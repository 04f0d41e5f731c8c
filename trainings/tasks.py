"""Training e-mails as background tasks (django-tasks): the request that registers someone
commits and answers at once; the worker (``manage.py db_worker``) sends the mail. With the
ImmediateBackend (development, tests) they are sent right after the commit, as before."""

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from .emails import send_registration_email
from .models import Registration


@task()
def send_registration_email_task(registration_id, kind):
    """Renders from the registration as it is when the worker runs (its status decides whether
    the joining link is shown). A registration anonymised meanwhile gets no mail."""
    registration = (
        Registration.objects.select_related("session__page", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return False
    return send_registration_email(registration, kind)


@task()
def send_reminder_task(registration_id):
    """The J-3 reminder, once per registration even if the command enqueued it twice: the
    reminder is claimed first, and released if the mail could not go (the next run retries)."""
    now = timezone.now()
    claimed = Registration.objects.filter(pk=registration_id, reminder_sent_at__isnull=True).update(
        reminder_sent_at=now
    )
    if not claimed:
        return False
    registration = Registration.objects.select_related("session__page", "user").get(pk=registration_id)
    try:
        sent = send_registration_email(registration, "reminder")
    except Exception:
        Registration.objects.filter(pk=registration_id, reminder_sent_at=now).update(reminder_sent_at=None)
        raise
    if not sent:
        Registration.objects.filter(pk=registration_id, reminder_sent_at=now).update(reminder_sent_at=None)
    return sent


def enqueue_registration_email(registration, kind):
    """Enqueue the mail once the current transaction commits (never for a rolled-back
    registration). robust: a failure to enqueue is logged, never turns a saved registration
    into a 500."""
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email_task.enqueue(registration_id, kind), robust=True)
