"""Registrations: transactional records managed in the back office; capacity is enforced under a row lock on the session."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models import Service, Territory


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "en_attente_validation", "En attente de validation"
        CONFIRMED = "confirmee", "Confirmée"
        WAITING = "liste_attente", "Liste d'attente"
        REFUSED = "refusee", "Refusée"
        CANCELLED = "annulee", "Annulée"

    class Attendance(models.TextChoices):
        UNKNOWN = "", "Non renseignée"
        PRESENT = "present", "Présent·e"
        ABSENT = "absent", "Absent·e"

    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITING)

    session = models.ForeignKey(
        "trainings.Session", verbose_name="session", on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="personne inscrite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    status = models.CharField("statut", max_length=24, choices=Status.choices, default=Status.CONFIRMED)
    attendance = models.CharField(
        "présence", max_length=10, choices=Attendance.choices, blank=True, default=""
    )
    # Kept when the person is anonymised, for statistics: categories, never identities.
    service = models.CharField("service", max_length=32, choices=Service.choices, blank=True)
    territory = models.CharField("territoire", max_length=32, choices=Territory.choices, blank=True)
    created_at = models.DateTimeField("demandée le", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    decided_at = models.DateTimeField("décision le", null=True, blank=True)
    reminder_sent_at = models.DateTimeField("rappel envoyé le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["created_at", "pk"]
        constraints = [
            # One registration per person and session, whatever its status (a cancelled one
            # is reactivated rather than duplicated).
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False),
                name="trainings_registration_once_per_session",
            ),
        ]
        permissions = [("export_registration", "Peut exporter les inscriptions")]

    def __str__(self):
        who = self.user.get_full_name() if self.user_id else "Personne anonymisée"
        return f"{who} — {self.session}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    def can_be_cancelled_by(self, user):
        return self.user_id == user.pk and self.is_active and not self.session.is_past
