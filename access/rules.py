"""Who may see a page: Wagtail's page privacy, applied the same way to a page, its media,
its files and every listing, feed, site map, search and API.

- public: everyone;
- "connected users" (LOGIN): any logged-in professional;
- groups (GROUPS, e.g. "Référents VIF"): members of those groups and superusers;
- password (PASSWORD): those who gave it in this session.

A refused visitor who is not logged in is sent to the log-in page (``next`` brings them
back); a logged-in one gets the portal's 403 page, which says the content is reserved."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from wagtail.models import BaseViewRestriction, PageViewRestriction

# How the view restrictions are read: (key, compute) -> compute(), or its cached value. The
# portal's content cache is plugged in here (home.apps), which keeps a version per content
# change, view restrictions included.
_cache = {"read": lambda key, compute: compute()}


def use_cache(read):
    """Read the (request-independent) list of view restrictions through ``read(key, compute)``."""
    _cache["read"] = read


def page_is_viewable(page, request):
    """Live, and every view restriction of the page and its ancestors accepts ``request``."""
    if not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def refusal(page, request):
    """The response for a visitor who may not view ``page``, or None when they may."""
    for restriction in page.get_view_restrictions():
        if restriction.accept_request(request):
            continue
        if not request.user.is_authenticated or restriction.restriction_type == BaseViewRestriction.PASSWORD:
            return redirect_to_login(request.get_full_path())
        return forbidden(request, page.title)
    return None


def refuse(request, title):
    """An anonymous visitor goes to the log-in page, a logged-in one gets the 403 page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return forbidden(request, title)


def forbidden(request, title, groups=None):
    """The portal's 403 page: « réservé », with the content's title (and the groups it is
    reserved to, when known). Never cached: the answer depends on who asks."""
    context = {"restricted_page_title": title}
    if groups is not None:
        context["restricted_groups"] = groups
    response = TemplateResponse(request, "403.html", context, status=403)
    add_never_cache_headers(response)
    return response


def _restrictions():
    return _cache["read"](
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.values_list("pk", "page__path", "restriction_type")),
    )


def _passed(request):
    session = getattr(request, "session", None)
    if session is None:
        return []
    return session.get(PageViewRestriction.passed_view_restrictions_session_key, [])


def exclude_restricted(queryset, request=None, *, within=None):
    """``queryset`` of pages without those that a view restriction of their own or of an
    ancestor refuses to ``request``, in a fixed number of queries whatever the page count.

    - ``request=None``: what an anonymous visitor may see, whoever asks (search, site map,
      feeds, API, listings whose counts are shared by every visitor);
    - ``within``: a page the visitor has already passed (the listing they are on): its own
      restrictions and its ancestors' are not applied again to its descendants.

    An anonymous visitor costs no query once the restrictions are cached (the conditions are
    plain path prefixes, which the search backends accept as filters); a logged-in one adds
    a subquery to ``queryset``'s own query."""
    passed_paths = _ancestor_paths(within) if within is not None else set()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        passed = set(_passed(request))
        paths = {
            path
            for pk, path, kind in _restrictions()
            if path not in passed_paths and not (kind == BaseViewRestriction.PASSWORD and pk in passed)
        }
        condition = Q()
        for path in sorted(paths):
            condition |= Q(path__startswith=path)
        return queryset.exclude(condition) if paths else queryset

    refused = PageViewRestriction.objects.exclude(restriction_type=BaseViewRestriction.LOGIN)
    if not user.is_superuser:
        refused = refused.exclude(
            Q(restriction_type=BaseViewRestriction.GROUPS)
            & Q(pk__in=PageViewRestriction.objects.filter(groups__in=user.groups.all()).values("pk"))
        )
    else:
        refused = refused.filter(restriction_type=BaseViewRestriction.PASSWORD)
    refused = refused.exclude(restriction_type=BaseViewRestriction.PASSWORD, pk__in=_passed(request))
    if passed_paths:
        refused = refused.exclude(page__path__in=passed_paths)
    # An ancestor's (or the page's own) path is a prefix of the page's path.
    above = refused.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.exclude(Exists(above))


def _ancestor_paths(page):
    steplen = page.steplen
    return {page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)}
