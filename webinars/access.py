"""Who may watch a webinar: Wagtail's page privacy, applied the same way to the page, its
video, its captions, its slides and the listing.

- public: everyone;
- "connected users" (PageViewRestriction LOGIN): any logged-in professional;
- groups (PageViewRestriction GROUPS, e.g. "Référents VIF"): members of those groups and
  superusers.

A refused visitor who is not logged in is sent to the log-in page (``next`` brings them
back); a logged-in one gets the portal's 403 page, which says the content is reserved."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from wagtail.models import BaseViewRestriction, PageViewRestriction


def page_is_viewable(page, request):
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


def forbidden(request, title):
    response = TemplateResponse(request, "403.html", {"restricted_page_title": title}, status=403)
    add_never_cache_headers(response)
    return response


def exclude_refused(queryset, request):
    """``queryset`` of pages without those whose own view restrictions refuse ``request``,
    in a single query whatever the number of pages (restrictions on ancestors are the
    caller's business: a listing's visitor has already passed its own page's)."""
    restrictions = PageViewRestriction.objects.filter(page__in=queryset.values("pk"))
    passed = request.session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    user = request.user
    if not user.is_authenticated:
        refused = restrictions
    elif user.is_superuser:
        refused = restrictions.filter(restriction_type=BaseViewRestriction.PASSWORD)
    else:
        refused = restrictions.filter(
            Q(restriction_type=BaseViewRestriction.PASSWORD)
            | Q(restriction_type=BaseViewRestriction.GROUPS)
            & ~Q(pk__in=PageViewRestriction.objects.filter(groups__in=user.groups.all()).values("pk"))
        )
    refused = refused.exclude(restriction_type=BaseViewRestriction.PASSWORD, pk__in=passed)
    return queryset.exclude(pk__in=refused.values("page_id"))
