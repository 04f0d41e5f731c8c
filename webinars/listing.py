"""The webinars' landing page: upcoming live webinars, then the recordings with filters that
combine (theme, audience, year, speaker), a count per facet value and pagination, in a fixed
number of queries whatever the number of webinars.

Only the webinars the visitor may watch are listed: a private webinar's title is not shown
to those it is not meant for."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property

from access.rules import exclude_restricted
from caching.content import cached, terms
from home.models import Audience, Theme
from home.params import parse_ints, parse_years, year_options
from trainings.models import Session, Speaker


class WebinarListing:
    def __init__(self, page, request):
        from .models import WebinarPage

        self.model = WebinarPage
        self.page = page
        self.request = request
        self.now = timezone.now()
        params = request.GET
        self.ignored = []
        self.all_themes = terms(Theme)
        self.all_audiences = terms(Audience)
        self.themes = self._valid(params.getlist("theme"), self.all_themes)
        self.audiences = self._valid(params.getlist("audience"), self.all_audiences)
        self.years, refused_years = parse_years(params.getlist("year"))
        self.speaker_ids, refused_speakers = parse_ints(params.getlist("speaker"), minimum=1)
        self.ignored += refused_years + refused_speakers

    def _valid(self, values, known):
        selected = []
        for value in values:
            if value in known:
                selected.append(value)
            elif value:
                self.ignored.append(value)
        return selected

    @cached_property
    def visible(self):
        webinars = self.model.objects.child_of(self.page).live()
        return exclude_restricted(webinars, self.request, within=self.page)

    def recordings(self, skip=None):
        webinars = self.visible.filter(date__lt=self.now)
        through = {
            "theme": self.model.themes.through,
            "audience": self.model.audiences.through,
            "speaker": self.model.speakers.through,
        }
        for name, values, lookup in (
            ("theme", self.themes, "theme__slug__in"),
            ("audience", self.audiences, "audience__slug__in"),
            ("speaker", self.speaker_ids, "speaker_id__in"),
        ):
            if values and skip != name:
                webinars = webinars.filter(
                    Exists(through[name].objects.filter(webinarpage=OuterRef("pk"), **{lookup: values}))
                )
        if self.years and skip != "year":
            webinars = webinars.filter(date__year__in=self.years)
        return webinars

    def _counts(self, relation, column):
        through = getattr(self.model, relation).through
        return dict(
            through.objects.filter(webinarpage__in=self.recordings(skip=column).values("pk"))
            .order_by()
            .values_list(column)
            .annotate(n=Count("webinarpage"))
            .values_list(column, "n")
        )

    def _cache_key(self, name):
        """None (no caching) for logged-in visitors, whose groups decide what they see;
        anonymous visitors all see the same, kept until the content changes."""
        if self.request.user.is_authenticated:
            return None
        filters = (sorted(self.themes), sorted(self.audiences), sorted(self.years), sorted(self.speaker_ids))
        digest = hashlib.sha256(repr((self.now.date(), filters)).encode()).hexdigest()[:32]
        return f"webinars:{self.page.pk}:{name}:{digest}"

    def _cached(self, name, compute):
        key = self._cache_key(name)
        return compute() if key is None else cached(key, compute, timeout=10 * 60)

    def _facet_counts(self):
        theme_counts = self._counts("themes", "theme")
        audience_counts = self._counts("audiences", "audience")
        speaker_counts = self._counts("speakers", "speaker")
        year_counts = list(
            self.recordings(skip="year")
            .order_by()
            .annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(n=Count("pk"))
            .order_by("-year")
            .values_list("year", "n")
        )
        speakers = list(
            Speaker.objects.filter(pk__in=set(speaker_counts) | set(self.speaker_ids)).order_by("name")
        )
        return theme_counts, audience_counts, speaker_counts, year_counts, speakers

    def facets(self):
        # Four aggregates over the recordings, kept for anonymous visitors (caching.content).
        theme_counts, audience_counts, speaker_counts, year_counts, speakers = self._cached(
            "facets", self._facet_counts
        )
        self.speaker_names = {speaker.pk: speaker.name for speaker in speakers}
        self.ignored += [str(pk) for pk in self.speaker_ids if pk not in self.speaker_names]
        self.speaker_ids = [pk for pk in self.speaker_ids if pk in self.speaker_names]

        def options(terms, counts, selected):
            return [
                {
                    "value": term.slug,
                    "label": term.name,
                    "count": counts.get(term.pk, 0),
                    "selected": term.slug in selected,
                }
                for term in terms.values()
                if counts.get(term.pk) or term.slug in selected
            ]

        return [
            {
                "name": "theme",
                "label": "Thème",
                "options": options(self.all_themes, theme_counts, self.themes),
            },
            {
                "name": "audience",
                "label": "Public",
                "options": options(self.all_audiences, audience_counts, self.audiences),
            },
            {
                "name": "year",
                "label": "Année",
                "options": year_options(year_counts, self.years),
            },
            {
                "name": "speaker",
                "label": "Intervenant ou intervenante",
                "options": [
                    {
                        "value": str(speaker.pk),
                        "label": speaker.name,
                        "count": speaker_counts.get(speaker.pk, 0),
                        "selected": speaker.pk in self.speaker_ids,
                    }
                    for speaker in speakers
                ],
            },
        ]

    def active_filters(self):
        labels = {
            "theme": {slug: term.name for slug, term in self.all_themes.items()},
            "audience": {slug: term.name for slug, term in self.all_audiences.items()},
            "year": {str(year): str(year) for year in self.years},
            "speaker": {str(pk): name for pk, name in self.speaker_names.items()},
        }
        active = []
        for name, values in (
            ("theme", self.themes),
            ("audience", self.audiences),
            ("year", [str(year) for year in self.years]),
            ("speaker", [str(pk) for pk in self.speaker_ids]),
        ):
            for value in values:
                query = self.request.GET.copy()
                query.setlist(name, [other for other in query.getlist(name) if other != value])
                query.pop("page", None)
                active.append(
                    {"label": labels[name].get(value, value), "remove_url": f"?{query.urlencode()}"}
                )
        return active

    def _for_cards(self, webinars):
        return (
            webinars.defer("captions", "transcript")
            .annotate(has_captions=ExpressionWrapper(~Q(captions=""), output_field=BooleanField()))
            .prefetch_related("speakers", "themes", "view_restrictions")
        )

    def upcoming(self):
        next_sessions = Prefetch(
            "sessions",
            queryset=Session.objects.filter(starts_at__gte=self.now).order_by("starts_at"),
            to_attr="next_sessions",
        )
        webinars = self.visible.filter(date__gte=self.now).order_by("date", "pk")
        return list(self._for_cards(webinars).prefetch_related(next_sessions))

    def context(self):
        facets = self.facets()
        recordings = self._for_cards(self.recordings()).order_by("-date", "pk")
        paginator = Paginator(recordings, self.page.items_per_page)
        paginator.count = self._cached("count", lambda: Paginator(self.recordings(), 1).count)
        page_obj = paginator.get_page(self.request.GET.get("page"))
        has_hidden = False
        if not self.request.user.is_authenticated:
            # Tell anonymous visitors that logging in shows more, without naming anything.
            has_hidden = self._cached(
                "hidden",
                lambda: self.visible.count() < self.model.objects.child_of(self.page).live().count(),
            )
        return {
            "page_obj": page_obj,
            "upcoming": self.upcoming(),
            "facets": facets,
            "active_filters": self.active_filters(),
            "ignored_filters": self.ignored,
            "is_filtered": bool(self.themes or self.audiences or self.years or self.speaker_ids),
            "has_hidden_webinars": has_hidden,
        }
