"""The webinar page's own routes (``WebinarPage``: ``video/``, ``sous-titres/``, ``lecture/``):
the recording, its captions and the play counter. They are routes of the page so that they
follow its privacy: Wagtail checks the page's privacy before any route runs
(before_serve_page); these views check again, so that they stay private whatever calls them."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.utils.cache import add_never_cache_headers

from access.rules import refusal
from operations.database import best_effort_write

PLAY_TOKEN_SALT = "webinars.play"  # noqa: S105 - a signing namespace, not a secret
PLAY_TOKEN_MAX_AGE = 12 * 3600


def video(request, page):
    from operations.storage import signed_url

    from .files import is_local, ranged_file_response

    if (response := refusal(page, request)) is not None:
        return response
    media = page.video
    if media is None or not media.file:
        raise Http404("Pas de vidéo déposée pour ce webinaire")
    restricted = bool(page.get_view_restrictions())
    extension = media.file.name.rsplit(".", 1)[-1].lower()
    filename = f"{page.slug}.{extension}"
    if not is_local(media.file):
        # A remote storage answers Range requests itself: a signed address, given only
        # after the privacy check above, valid long enough for the player to keep seeking.
        url = signed_url(
            media.file,
            expire=settings.WEBINAR_VIDEO_URL_EXPIRE,
            filename=filename,
            as_attachment=request.GET.get("telecharger") == "1",
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    return ranged_file_response(
        request,
        media.file,
        filename=filename,
        cache_control="private, max-age=3600" if restricted else "public, max-age=3600",
        as_attachment=request.GET.get("telecharger") == "1",
    )


def captions(request, page):
    if (response := refusal(page, request)) is not None:
        return response
    if not page.cues:
        raise Http404("Pas de sous-titres pour ce webinaire")
    response = HttpResponse(page.captions, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300" if page.get_view_restrictions() else "max-age=300"
    if request.GET.get("telecharger") == "1":
        response["Content-Disposition"] = f'attachment; filename="{page.slug}.vtt"'
    return response


def play_token(page):
    """One token per page load: the play counter counts it once (see ``count_play``)."""
    return signing.dumps({"p": page.pk, "n": secrets.token_urlsafe(9)}, salt=PLAY_TOKEN_SALT)


def count_play(request, page):
    """The play counter, called by static/js/webinars.js at the first ``play`` of a page
    load: ``GET`` gives a one-time token (and the CSRF value), then ``POST`` with it counts
    one more play this month. The token is fetched, not written in the page, so that the
    page itself stays the same for every anonymous visitor (and cacheable: see
    caching/headers.py). No IP, no user, no cookie of ours: only the counter."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if (response := refusal(page, request)) is not None:
        return response
    if request.method == "GET":
        if not (page.live and (page.video_id or page.external_video_url)):
            raise Http404("Pas de vidéo à compter pour ce webinaire")
        response = JsonResponse({"jeton": play_token(page), "csrf": get_token(request)})
        add_never_cache_headers(response)
        return response
    try:
        token = signing.loads(request.POST.get("jeton", ""), salt=PLAY_TOKEN_SALT, max_age=PLAY_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return HttpResponse("Jeton de lecture invalide ou expiré.", status=400, content_type="text/plain")
    if token.get("p") != page.pk:
        return HttpResponse("Jeton de lecture invalide.", status=400, content_type="text/plain")
    if cache.add(f"webinars:play:{token['n']}", True, PLAY_TOKEN_MAX_AGE):
        # page.play_counts.model is PlayCount (models.py imports this module, not the reverse)
        best_effort_write("Webinar play count", page.play_counts.model.increment, page)
    return HttpResponse(status=204)
