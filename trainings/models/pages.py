"""The event pages (trainings, seminars) and their indexes."""

from django import forms
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from access.rules import exclude_restricted
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import Audience, BasePage, SectionIndexPage, Theme
from home.relations import as_queryset, in_memory
from home.widgets import CheckboxList

from ..blocks import ProgrammeStreamBlock
from ..calendar import calendar_response
from ..listing import TrainingCatalogue
from .registrations import Registration
from .sessions import Session, SessionQuerySet
from .snippets import Provider


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
        public_pages = exclude_restricted(TrainingPage.objects.live()).values("pk")
        upcoming = (
            Session.objects.filter(page__in=public_pages, starts_at__gte=timezone.now())
            .select_related("page")
            .order_by("starts_at")
        )
        return calendar_response(upcoming, "agenda-formations-vif.ics")

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        trainings = exclude_restricted(TrainingPage.objects.child_of(self).live())
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
        context["related_resources"] = exclude_restricted(as_queryset(self.related_resources).live())
        # Webinars name their trainings; a training not saved yet (preview) has none.
        context["related_webinars"] = exclude_restricted(self.related_webinars.live()) if self.pk else []
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
        seminars = exclude_restricted(SeminarPage.objects.child_of(self).live()).order_by("-date")
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
