"""The training catalogue: upcoming sessions first, filters that combine (provider, theme,
format, territory, month, places left), past trainings archived."""

import datetime
import hashlib

from django.core.paginator import Paginator
from django.db.models import Exists, Min, OuterRef, Prefetch, Q
from django.utils import timezone

from access.rules import exclude_restricted
from accounts.models import Territory
from caching.content import cached
from home.models import Theme

from .models import Provider, Session, TrainingPage

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


class TrainingListing:
    def __init__(self, page, request):
        self.page = page
        self.request = request
        params = request.GET
        self.ignored = []
        self.archive = params.get("periode") == "passees"
        self.providers = {str(p.pk): p for p in Provider.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.selected_providers = self._valid(params.getlist("organisme"), self.providers)
        self.selected_themes = self._valid(params.getlist("theme"), self.themes)
        self.selected_formats = self._valid(params.getlist("format"), dict(TrainingPage.Format.choices))
        self.selected_territories = self._valid(params.getlist("territoire"), dict(Territory.choices))
        months = self._valid(params.getlist("mois"), dict.fromkeys(self.month_values()))
        self.selected_months = months
        self.places_left = params.get("places") == "1"

    def _valid(self, values, known):
        selected = []
        for value in values:
            if value in known:
                selected.append(value)
            elif value:
                self.ignored.append(value)
        return selected

    @staticmethod
    def month_values():
        today = timezone.localdate().replace(day=1)
        values = []
        for offset in range(12):
            year, month = divmod(today.month - 1 + offset, 12)
            values.append(f"{today.year + year}-{month + 1:02d}")
        return values

    def sessions_filter(self):
        now = timezone.now()
        condition = Q(starts_at__lt=now) if self.archive else Q(starts_at__gte=now)
        if self.selected_territories:
            condition &= Q(territory__in=self.selected_territories) | Q(online=True)
        if self.selected_months:
            month_q = Q()
            for value in self.selected_months:
                year, month = (int(part) for part in value.split("-"))
                month_q |= Q(starts_at__year=year, starts_at__month=month)
            condition &= month_q
        return condition

    def trainings(self):
        sessions = Session.objects.filter(self.sessions_filter())
        if self.places_left:
            sessions = sessions.with_places_left()
        trainings = exclude_restricted(TrainingPage.objects.child_of(self.page).live()).filter(
            Exists(sessions.filter(page=OuterRef("pk")))
        )
        if self.selected_providers:
            trainings = trainings.filter(provider_id__in=self.selected_providers)
        if self.selected_themes:
            trainings = trainings.filter(
                Exists(
                    TrainingPage.themes.through.objects.filter(
                        trainingpage=OuterRef("pk"), theme__slug__in=self.selected_themes
                    )
                )
            )
        if self.selected_formats:
            trainings = trainings.filter(format__in=self.selected_formats)
        ordering = ("-next_start",) if self.archive else ("next_start",)
        shown_sessions = Session.objects.filter(self.sessions_filter()).with_counts().order_by("starts_at")
        return (
            trainings.annotate(
                next_start=Min("sessions__starts_at", filter=self.prefixed(self.sessions_filter()))
            )
            .select_related("provider")
            .prefetch_related(
                "themes", Prefetch("sessions", queryset=shown_sessions, to_attr="shown_sessions")
            )
            .order_by(*ordering, "title")
        )

    @staticmethod
    def prefixed(condition):
        """The same condition on ``sessions__…`` from the training's side."""

        def rewrite(node):
            if isinstance(node, Q):
                clone = Q()
                clone.connector, clone.negated = node.connector, node.negated
                clone.children = [rewrite(child) for child in node.children]
                return clone
            key, value = node
            return (f"sessions__{key}", value)

        return rewrite(condition)

    def paginate(self):
        """The page of trainings. Without the "places left" filter (which follows every
        registration), the ordered ids are kept for five minutes and until the content
        changes: ordering 500 trainings by their next session is the catalogue's main cost."""
        trainings = self.trainings()
        number = self.request.GET.get("page")
        if self.places_left:
            return Paginator(trainings, self.page.items_per_page).get_page(number)
        params = sorted(
            (key, value) for key, values in self.request.GET.lists() for value in values if key != "page"
        )
        now = timezone.now()
        digest = hashlib.sha256(repr((self.archive, params, now.date(), now.hour)).encode()).hexdigest()[:32]
        ids = cached(
            f"catalogue:{self.page.pk}:{digest}",
            lambda: list(trainings.values_list("pk", flat=True)),
            timeout=5 * 60,
        )
        page_obj = Paginator(ids, self.page.items_per_page).get_page(number)
        shown = {training.pk: training for training in trainings.filter(pk__in=list(page_obj.object_list))}
        page_obj.object_list = [shown[pk] for pk in page_obj.object_list if pk in shown]
        return page_obj

    def context(self):
        page_obj = self.paginate()
        month_labels = []
        for value in self.month_values():
            year, month = value.split("-")
            month_labels.append((value, f"{MONTHS[int(month) - 1].capitalize()} {year}"))
        return {
            "page_obj": page_obj,
            "archive": self.archive,
            "providers": self.providers.values(),
            "themes": self.themes.values(),
            "formats": TrainingPage.Format.choices,
            "territories": Territory.choices,
            "months": month_labels,
            "selected": {
                "organisme": self.selected_providers,
                "theme": self.selected_themes,
                "format": self.selected_formats,
                "territoire": self.selected_territories,
                "mois": self.selected_months,
            },
            "places_left": self.places_left,
            "ignored_filters": self.ignored,
            "is_filtered": bool(
                self.selected_providers
                or self.selected_themes
                or self.selected_formats
                or self.selected_territories
                or self.selected_months
                or self.places_left
            ),
            "today": datetime.date.today(),
        }
