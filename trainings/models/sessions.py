"""Dated sessions of an event page, with their capacity and registration state."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from accounts.models import Territory

from .registrations import Registration


class SessionQuerySet(models.QuerySet):
    COUNTS = ("confirmed_count", "waiting_count", "pending_count", "attended_count")

    """``open_for_registration`` and ``with_places_left`` are the database side of
    ``Session.registration_state`` and ``Session.places_left``: the home page, the catalogue
    and its "places disponibles" filter, the session lists and the registration rules all
    agree on which sessions take registrations (tests/trainings/test_open_for_registration.py
    checks that both sides give the same answer)."""

    def open_for_registration(self, now=None):
        """Sessions one can register for now, here or with the provider: not started, the
        registration window open (``registration_state`` is "open" or "external")."""
        now = now or timezone.now()
        return self.filter(
            Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=now),
            Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=now),
            starts_at__gt=now,
        )

    def with_places_left(self, now=None):
        """Sessions open for registration on the portal with a free place (first come, first
        served): where "S'inscrire" confirms a place at once."""
        return (
            self.open_for_registration(now)
            .filter(registration_mode=Session.Mode.OPEN)
            .annotate(
                confirmed_for_places=Count(
                    "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
                )
            )
            .filter(Q(capacity__isnull=True) | Q(capacity__gt=F("confirmed_for_places")))
        )

    def with_counts(self):
        return self.annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            waiting_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
            pending_count=Count("registrations", filter=Q(registrations__status=Registration.Status.PENDING)),
            attended_count=Count(
                "registrations", filter=Q(registrations__attendance=Registration.Attendance.PRESENT)
            ),
        )


class Session(Orderable):
    class Mode(models.TextChoices):
        OPEN = "ouverte", "Ouverte (premiers inscrits)"
        VALIDATION = "validation", "Sur validation de l'ODPE"
        EXTERNAL = "externe", "Auprès de l'organisme"

    page = ParentalKey("trainings.EventPage", related_name="sessions", on_delete=models.CASCADE)
    label = models.CharField(
        "intitulé", max_length=150, blank=True, help_text="Par exemple : « Session de printemps »."
    )
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    online = models.BooleanField("en ligne", default=False)
    place = models.CharField("lieu", max_length=200, blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    territory = models.CharField("territoire", max_length=32, choices=Territory.choices, blank=True)
    join_url = models.URLField(
        "lien de connexion",
        blank=True,
        help_text="Envoyé aux seules personnes inscrites, jamais affiché publiquement.",
    )
    capacity = models.PositiveIntegerField("places", null=True, blank=True, help_text="Vide : sans limite.")
    registration_mode = models.CharField(
        "inscription", max_length=12, choices=Mode.choices, default=Mode.OPEN
    )
    external_registration_url = models.URLField("lien d'inscription externe", blank=True)
    registration_opens_at = models.DateTimeField("ouverture des inscriptions", null=True, blank=True)
    registration_deadline = models.DateTimeField("clôture des inscriptions", null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("online"), FieldPanel("territory")]),
        FieldPanel("place"),
        FieldPanel("address"),
        FieldPanel("join_url"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_mode")]),
        FieldPanel("external_registration_url"),
        FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_deadline")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "session"
        verbose_name_plural = "sessions"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="trainings_session_ends_after_start"
            )
        ]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d/%m/%Y %H:%M")
        return f"{self.page.title} — {self.label or when}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = "La fin doit être après le début."
        if self.registration_mode == self.Mode.EXTERNAL and not self.external_registration_url:
            errors["external_registration_url"] = "Indiquez le lien d'inscription de l'organisme."
        if self.registration_deadline and self.starts_at and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = (
                "La clôture des inscriptions doit précéder le début de la session."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.starts_at <= timezone.now()

    @property
    def place_label(self):
        if self.online:
            return "En ligne"
        parts = [self.place, self.get_territory_display()]
        return ", ".join(part for part in parts if part)

    def registration_state(self, now=None):
        """Why registering is (not) possible now: "open" (here), "external" (open, with the
        provider), "not_yet", "closed" (deadline passed) or "past" (started). Mirrored in the
        database by ``SessionQuerySet.open_for_registration``."""
        now = now or timezone.now()
        if self.starts_at <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_deadline and now > self.registration_deadline:
            return "closed"
        if self.registration_mode == self.Mode.EXTERNAL:
            return "external"
        return "open"

    @property
    def is_open_for_registration(self):
        """One can register now, here or with the provider."""
        return self.registration_state() in ("open", "external")

    def places_left(self):
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)
