"""Trainings' part of a person's data: export of their registrations, and anonymisation
(registrations stay counted, without anyone's identity) when the account is deleted or
the retention period has passed."""

import contextlib

from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.utils import timezone

from .models import Registration
from .schedule import session_description


def export_registrations(user):
    return [
        {
            "formation": registration.session.page.title,
            # Readable on its own: the label alone is usually blank.
            "session": session_description(registration.session),
            "debut": timezone.localtime(registration.session.starts_at).isoformat(),
            "fin": timezone.localtime(registration.session.ends_at).isoformat(),
            "statut": registration.get_status_display(),
            "presence": registration.get_attendance_display(),
            "demandee_le": registration.created_at.isoformat(),
        }
        for registration in Registration.objects.filter(user=user)
        .select_related("session__page")
        .order_by("created_at")
    ]


def anonymise(registrations):
    """Detach registrations from their person; the statistics (status, attendance,
    service, territory) remain."""
    return registrations.filter(anonymised_at__isnull=True).update(user=None, anonymised_at=timezone.now())


def erase_user_registrations(user):
    """On account deletion (inside its transaction): the registrations to sessions not yet
    started are cancelled the way their owner would cancel them, so that a freed place goes
    to the first person waiting (with the usual e-mail); then every registration is
    anonymised, past ones keeping their status and attendance for the statistics."""
    from .registration import RegistrationError, cancel

    upcoming = Registration.objects.filter(
        user=user, status__in=Registration.ACTIVE, session__starts_at__gt=timezone.now()
    ).order_by("session__starts_at", "pk")
    for registration_id in upcoming.values_list("pk", flat=True):
        # A session that started in the meantime keeps the registration, anonymised.
        with contextlib.suppress(RegistrationError):
            cancel(registration_id, user)
    anonymise(Registration.objects.filter(user=user))


def expired_registrations(now=None):
    months = int(getattr(settings, "REGISTRATION_RETENTION_MONTHS", 24))
    limit = (now or timezone.now()) - relativedelta(months=months)
    return Registration.objects.filter(session__ends_at__lt=limit, anonymised_at__isnull=True)
