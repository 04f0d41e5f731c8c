"""Training catalogue, seminars, dated sessions and registrations.

Sessions belong to an ``EventPage`` (a training, a seminar, later a live webinar), so the
registration machinery is written once. Registrations are transactional records managed in
the back office (wagtail-modeladmin); capacity is enforced under a row lock on the session."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from accounts.models import Service, Territory
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.content_cache import public
from home.models import Audience, BasePage, SectionIndexPage, Theme
from home.relations import as_queryset, in_memory
from home.widgets import CheckboxList

from .blocks import ProgrammeStreamBlock
from .listing import TrainingCatalogue


class Provider(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "universite", "Université"
        ASSOCIATION = "association", "Association"
        DEPARTMENT = "departement", "Département du Nord"
        OTHER = "autre", "Autre"

    name = models.CharField("nom", max_length=150, unique=True)
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.ASSOCIATION)
    website = models.URLField("site web", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField("présentation", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "organisme de formation"
        verbose_name_plural = "organismes de formation"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Speaker(index.Indexed, models.Model):
    name = models.CharField("nom", max_length=150)
    role = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("photo")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        verbose_name = "intervenant"
        verbose_name_plural = "intervenants"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class EventPage(BasePage):
    """What has dated sessions people register for: trainings, seminars, live webinars."""

    registration_notes = models.TextField(
        "informations d'inscription",
        blank=True,
        help_text="Affichées près des sessions : public prioritaire, pièces à fournir, accord de l'encadrement…",
    )

    # The shared parent of the page types with sessions, never created on its own.
    is_creatable = False

    class Meta:
        verbose_name = "événement"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Upcoming and past sessions in one query (a page has a handful of sessions).
        now = timezone.now()
        sessions = self.sessions_with_counts()
        upcoming = [session for session in sessions if session.starts_at >= now]
        past = [session for session in reversed(sessions) if session.starts_at < now][:10]
        mine = {}
        saved = [session.pk for session in upcoming if session.pk is not None]
        if request.user.is_authenticated and saved:
            mine = {
                registration.session_id: registration
                for registration in Registration.objects.filter(user=request.user, session__in=saved)
            }
        for session in upcoming:
            session.my_registration = mine.get(session.pk)
        context["upcoming_sessions"] = upcoming
        context["past_sessions"] = past
        return context

    def sessions_with_counts(self):
        """The page's sessions with their registration counts, in date order. In a preview or
        a revision, the sessions are the ones the editor wrote (held in memory): the saved
        ones get their counts from the database, the new ones none yet."""
        if not in_memory(self.sessions):
            return list(self.sessions.with_counts().order_by("starts_at", "pk"))
        sessions = [session for session in self.sessions.all() if session.starts_at and session.ends_at]
        saved = [session.pk for session in sessions if session.pk is not None]
        counted = (
            {
                session.pk: session
                for session in Session.objects.filter(page_id=self.pk, pk__in=saved).with_counts()
            }
            if saved
            else {}
        )
        for session in sessions:
            for name in SessionQuerySet.COUNTS:
                setattr(session, name, getattr(counted.get(session.pk), name, 0))
        return sorted(sessions, key=lambda session: (session.starts_at, session.pk or 0))

    def upcoming_sessions(self):
        return self.sessions.filter(starts_at__gte=timezone.now()).with_counts().order_by("starts_at")

    def past_sessions(self):
        return self.sessions.filter(starts_at__lt=timezone.now()).with_counts().order_by("-starts_at")


class TrainingCatalogPage(RoutablePageMixin, SectionIndexPage):
    """The training catalogue (/formations/)."""

    items_per_page = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainings.TrainingPage"]
    max_count = 1

    class Meta:
        verbose_name = "Catalogue des formations"
        verbose_name_plural = "Catalogues des formations"

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("agenda/")
    def calendar(self, request):
        from .calendar import calendar_response, upcoming_public_sessions

        return calendar_response(upcoming_public_sessions(), "agenda-formations-vif.ics")

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        trainings = public(TrainingPage.objects.child_of(self).live())
        context.update(TrainingCatalogue(self, request, trainings).context())
        return context


class TrainingPage(EventPage):
    class Format(models.TextChoices):
        IN_PERSON = "presentiel", "Présentiel"
        ONLINE = "distanciel", "Distanciel"
        HYBRID = "hybride", "Hybride"

    provider = models.ForeignKey(
        Provider, verbose_name="organisme", on_delete=models.PROTECT, related_name="trainings"
    )
    objectives = RichTextField("objectifs", features=RICH_TEXT_FEATURES, blank=True)
    programme = StreamField(BodyStreamBlock(), verbose_name="programme", blank=True)
    audiences = ParentalManyToManyField(
        Audience, verbose_name="publics", blank=True, related_name="trainings"
    )
    themes = ParentalManyToManyField(Theme, verbose_name="thèmes", blank=True, related_name="trainings")
    prerequisites = models.TextField("prérequis", blank=True)
    duration_hours = models.DecimalField(
        "durée (heures)", max_digits=6, decimal_places=1, null=True, blank=True
    )
    duration_days = models.DecimalField(
        "durée (jours)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    format = models.CharField("format", max_length=12, choices=Format.choices, default=Format.IN_PERSON)
    cost = models.CharField(
        "coût", max_length=150, blank=True, help_text="Par exemple : « Gratuit », « 1 200 € »."
    )
    funded_by_department = models.BooleanField("prise en charge par le Département", default=False)
    certificate = models.CharField("certification ou attestation", max_length=200, blank=True)
    related_resources = ParentalManyToManyField(
        "library.ResourcePage", verbose_name="ressources liées", blank=True, related_name="related_trainings"
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("provider"),
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("duration_hours"), FieldPanel("duration_days")]),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("funded_by_department")]),
                FieldPanel("certificate"),
            ],
            heading="Organisation",
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("programme"),
        InlinePanel("sessions", heading="Sessions", label="Session"),
        FieldPanel("registration_notes"),
        FieldPanel("related_resources", widget=CheckboxList),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("programme"),
        index.SearchField("prerequisites"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("format"),
    ]

    parent_page_types = ["trainings.TrainingCatalogPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Formation"
        verbose_name_plural = "Formations"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_resources"] = as_queryset(self.related_resources).live().public()
        # Webinars name their trainings; a training not saved yet (preview) has none.
        context["related_webinars"] = self.related_webinars.live().public() if self.pk else []
        return context


class SeminarIndexPage(SectionIndexPage):
    """The seminars and study days (/seminaires/): upcoming and past editions."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainings.SeminarPage"]
    max_count = 1

    class Meta:
        verbose_name = "Liste des séminaires"
        verbose_name_plural = "Listes des séminaires"

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        seminars = public(SeminarPage.objects.child_of(self).live()).order_by("-date")
        today = timezone.localdate()
        context["upcoming"] = [seminar for seminar in seminars if seminar.date >= today][::-1]
        context["past"] = [seminar for seminar in seminars if seminar.date < today]
        return context


class SeminarPage(EventPage):
    date = models.DateField("date")
    end_date = models.DateField(
        "date de fin", null=True, blank=True, help_text="Pour un événement sur plusieurs jours."
    )
    venue = models.CharField("lieu", max_length=250, blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    programme = StreamField(ProgrammeStreamBlock(), verbose_name="programme", blank=True)
    materials = StreamField(
        BodyStreamBlock(),
        verbose_name="supports et replays",
        blank=True,
        help_text="Après l'événement : diaporamas, documents, liens vers les replays.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldPanel("address"),
            ],
            heading="Date et lieu",
        ),
        FieldPanel("programme"),
        InlinePanel("sessions", heading="Inscriptions", label="Session"),
        FieldPanel("registration_notes"),
        FieldPanel("materials"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("programme"),
        index.SearchField("materials"),
        index.SearchField("venue"),
        index.FilterField("date"),
    ]

    parent_page_types = ["trainings.SeminarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Séminaire"
        verbose_name_plural = "Séminaires"


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

    page = ParentalKey(EventPage, related_name="sessions", on_delete=models.CASCADE)
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
        Session, verbose_name="session", on_delete=models.PROTECT, related_name="registrations"
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
