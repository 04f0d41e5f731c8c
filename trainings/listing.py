"""The training catalogue: upcoming sessions first, filters that combine (provider, theme,
format, territory, month, places left), past trainings archived. The filters are read and
offered by home/facets.py; the session conditions (territory, month, places) stay here: they
apply together to one session. The page hands over its public trainings."""

import datetime
import hashlib

from django.core.paginator import Paginator
from django.db.models import Exists, Min, OuterRef, Prefetch, Q
from django.utils import timezone

from accounts.models import Territory
from caching.content import cached
from home.facets import Facet, FacetedListing, exists
from home.models import Theme

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def month_choices():
    """The next twelve months, ``("2026-03", "Mars 2026")``."""
    today = timezone.localdate().replace(day=1)
    choices = []
    for offset in range(12):
        year, month = divmod(today.month - 1 + offset, 12)
        choices.append(
            (f"{today.year + year}-{month + 1:02d}", f"{MONTHS[month].capitalize()} {today.year + year}")
        )
    return choices


def places_parse(values):
    """The lone "places disponibles" box: on when the last value is "1", never an error."""
    return (["1"], []) if values[-1:] == ["1"] else ([], [])


def training_facets(model, archive):
    providers = model.provider.field.related_model
    themes = model.themes.through
    return [
        Facet(
            "organisme",
            "Organisme",
            choices=lambda: [(str(provider.pk), provider.name) for provider in providers.objects.all()],
            filter="provider_id__in",
        ),
        Facet("format", "Format", choices=model.Format.choices, filter="format__in"),
        Facet(
            "territoire",
            "Territoire",
            choices=Territory.choices,
            multiple=False,
            empty_label="Tous les territoires",
        ),
        Facet(
            "mois",
            "Mois",
            choices=month_choices,
            multiple=False,
            empty_label="Tous les mois",
            rendered=not archive,
        ),
        Facet(
            "places",
            "Places",
            choices=[("1", "Avec des places disponibles")],
            parse=places_parse,
            widget="toggle",
            rendered=not archive,
        ),
        Facet(
            "theme",
            "Thème",
            choices=lambda: [(theme.slug, theme.name) for theme in Theme.objects.all()],
            filter=exists(themes, "trainingpage", "theme__slug__in"),
        ),
    ]


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


class TrainingCatalogue:
    def __init__(self, page, request, trainings):
        self.page = page
        self.request = request
        self.archive = request.GET.get("periode") == "passees"
        self.model = trainings.model
        self.sessions = self.model.sessions.rel.related_model.objects
        self.listing = FacetedListing(trainings, request, training_facets(self.model, self.archive))
        self.selected = self.listing.selected
        self.places_left = bool(self.selected["places"])

    def sessions_filter(self):
        now = timezone.now()
        condition = Q(starts_at__lt=now) if self.archive else Q(starts_at__gte=now)
        if self.selected["territoire"]:
            condition &= Q(territory__in=self.selected["territoire"]) | Q(online=True)
        if self.selected["mois"]:
            month_q = Q()
            for value in self.selected["mois"]:
                year, month = (int(part) for part in value.split("-"))
                month_q |= Q(starts_at__year=year, starts_at__month=month)
            condition &= month_q
        return condition

    def trainings(self):
        sessions = self.sessions.filter(self.sessions_filter())
        if self.places_left:
            sessions = sessions.with_places_left()
        trainings = self.listing.filtered().filter(Exists(sessions.filter(page=OuterRef("pk"))))
        ordering = ("-next_start",) if self.archive else ("next_start",)
        shown_sessions = self.sessions.filter(self.sessions_filter()).with_counts().order_by("starts_at")
        return (
            trainings.annotate(next_start=Min("sessions__starts_at", filter=prefixed(self.sessions_filter())))
            .select_related("provider")
            .prefetch_related(
                "themes", Prefetch("sessions", queryset=shown_sessions, to_attr="shown_sessions")
            )
            .order_by(*ordering, "title")
        )

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
        return {
            "page_obj": self.paginate(),
            "archive": self.archive,
            "archive_params": [("periode", "passees")] if self.archive else [],
            "facets": self.listing.facets(),
            "ignored_filters": self.listing.ignored,
            "is_filtered": self.listing.is_filtered,
            "today": datetime.date.today(),
        }
