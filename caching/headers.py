"""Which responses a shared cache (nginx, a CDN) may keep, said through standard headers.

The app decides, the proxy follows: a response a shared cache may keep gets
``Cache-Control: public, max-age=0, s-maxage=<PAGE_CACHE_SECONDS>`` (browsers revalidate,
the proxy keeps it until it expires or a publication purges it, see caching/frontend_cache.py);
every other response without a Cache-Control of its own gets Django's never-cache headers.

A response is shared only when nothing in it can depend on who asks:

- a GET or HEAD answered 200, to a visitor who is not logged in and sends no session or
  messages cookie (nginx bypasses its cache for those cookies too, see
  deploy/nginx/portal.conf), for an address without a query string (search, facets and
  pagination are not cached: a purge could not reach every combination);
- the view did not set a Cache-Control of its own (Wagtail sends never-cache headers for
  private pages, whether the visitor passes the restriction or not; the search sends
  no-cache with a query; webinar files say whether they are private);
- the response sets no cookie (a page with a form used the CSRF token: Django sets the
  CSRF cookie on it) and did not touch the session;
- it is not under a path that is personal or counted per request (admin, account pages,
  registrations, document downloads, API, health check).

On such a response, ``Vary: Cookie`` and ``Vary: Accept-Language`` are dropped: the page is
the same for every anonymous visitor in the portal's single language, and a Vary on headers
that differ between browsers would split the cache into copies no purge reaches.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

# Vary values that do not change a shared page (see the module's docstring).
SHARED_VARY_IGNORED = {"cookie", "accept-language"}


class PageCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.is_shareable(request, response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
            self.drop_vary(response)
        else:
            add_never_cache_headers(response)
        return response

    def is_shareable(self, request, response):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return False
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if request.META.get("QUERY_STRING"):
            return False
        if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        if response.cookies:
            return False
        # The CSRF token was used (CsrfViewMiddleware normally sets its cookie then, caught
        # above; this catches a token used on a response that the cookie did not reach).
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        session = getattr(request, "session", None)
        return not (
            session is not None and (session.modified or (session.accessed and not session.is_empty()))
        )

    @staticmethod
    def drop_vary(response):
        if not response.has_header("Vary"):
            return
        kept = [
            value.strip()
            for value in response["Vary"].split(",")
            if value.strip() and value.strip().lower() not in SHARED_VARY_IGNORED
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
