"""The webinars' landing page: upcoming live webinars, then the recordings with filters that
combine (theme, audience, year, speaker), a count per facet value and pagination, in a fixed
number of queries whatever the number of webinars (home/facets.py).

The page hands over only the webinars the visitor may watch (access.rules.exclude_restricted):
a private webinar's title is not shown to those it is not meant for."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.utils import timezone

from home.facets import Facet, FacetedListing, count_through, count_years, exists, term_choices
from home.models import Audience, Theme
from home.params import parse_ints, parse_years

SORTS = {"recent": ("Les plus récents", ("-date", "pk"))}


def speaker_labels(speaker_model):
    """The speakers counted or selected, by name; a selected id that is no speaker is ignored."""

    def labels(keys):
        speakers = speaker_model.objects.filter(pk__in=keys).order_by("name")
        return [(str(speaker.pk), speaker.name, speaker.pk) for speaker in speakers]

    return labels


def webinar_facets(model):
    through = {name: getattr(model, name).through for name in ("themes", "audiences", "speakers")}
    return [
        Facet(
            "theme",
            "Thème",
            choices=term_choices(Theme),
            filter=exists(through["themes"], "webinarpage", "theme__slug__in"),
            count=count_through(through["themes"], "webinarpage", "theme"),
        ),
        Facet(
            "audience",
            "Public",
            choices=term_choices(Audience),
            filter=exists(through["audiences"], "webinarpage", "audience__slug__in"),
            count=count_through(through["audiences"], "webinarpage", "audience"),
        ),
        Facet("year", "Année", parse=parse_years, filter="date__year__in", count=count_years("date")),
        Facet(
            "speaker",
            "Intervenant ou intervenante",
            parse=lambda values: parse_ints(values, minimum=1),
            labels=speaker_labels(model.speakers.rel.model),
            filter=exists(through["speakers"], "webinarpage", "speaker_id__in"),
            count=count_through(through["speakers"], "webinarpage", "speaker"),
        ),
    ]


def for_cards(webinars):
    return (
        webinars.defer("captions", "transcript")
        .annotate(has_captions=ExpressionWrapper(~Q(captions=""), output_field=BooleanField()))
        .prefetch_related("speakers", "themes", "view_restrictions")
    )


def webinar_listing_context(page, request, visible, all_live):
    """The context of the webinars' page: ``visible`` the live webinars the visitor may
    watch, ``all_live`` every live one (to tell anonymous visitors that logging in shows
    more).

    The four aggregates are kept for anonymous visitors (caching.content), who all see
    the same; never for logged-in visitors, whose groups decide what they see."""
    now = timezone.now()
    sessions = visible.model.sessions.rel.related_model.objects
    anonymous = not request.user.is_authenticated
    prefix = f"webinars:{page.pk}:{now.date()}" if anonymous else None
    recordings = visible.filter(date__lt=now)
    listing = FacetedListing(
        recordings, request, webinar_facets(visible.model), SORTS, cache_prefix=prefix, cache_timeout=10 * 60
    )
    context = listing.context(page.items_per_page, for_cards)
    next_sessions = Prefetch(
        "sessions",
        queryset=sessions.filter(starts_at__gte=now).order_by("starts_at"),
        to_attr="next_sessions",
    )
    upcoming = visible.filter(date__gte=now).order_by("date", "pk")
    context["upcoming"] = list(for_cards(upcoming).prefetch_related(next_sessions))
    context["has_hidden_webinars"] = False
    if anonymous:
        # Tell anonymous visitors that logging in shows more, without naming anything.
        context["has_hidden_webinars"] = listing._cached("hidden", lambda: visible.count() < all_live.count())
    return context
