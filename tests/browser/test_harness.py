"""Self-tests of the browser harness (tests/browser/conftest.py).

They prove that Chromium starts, that axe-core runs and reports what it should,
that requests leaving the live server are blocked and recorded, and that the
live server answers (Django views and static files) with DEBUG=False.
"""

import os

import pytest

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import path

# Like every live-server test here: restore the migrations' data after the flush, and
# keep Django from re-creating content types that the next restore would duplicate.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VALID_PAGE = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>T</title></head>"
    "<body><main><h1>Bonjour</h1></main></body></html>"
)
HARNESS_PAGE = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
    "<title>Harnais</title></head><body><main><h1>Harnais de test</h1>"
    "<p>Servi par le serveur de test.</p></main></body></html>"
)


def harness_view(request):
    return HttpResponse(HARNESS_PAGE)


# URLconf used by test_live_server_serves_views_and_static (ROOT_URLCONF = this module).
urlpatterns = [path("__harness__/", harness_view)]


def test_axe_finds_no_violation_on_a_valid_page(browser_page, axe):
    browser_page.set_content(VALID_PAGE)
    assert axe(browser_page) == []
    axe.assert_no_violations(browser_page)


def test_axe_reports_a_missing_alt(browser_page, axe):
    browser_page.set_content(VALID_PAGE.replace("</h1>", "</h1><img src='data:,'>"))
    violations = axe(browser_page)
    assert "image-alt" in {v["id"] for v in violations}
    # The French locale is loaded: messages are in French.
    image_alt = next(v for v in violations if v["id"] == "image-alt")
    assert "image" in image_alt["help"].lower()


def test_axe_runs_under_a_strict_content_security_policy(browser_page, axe):
    csp = "<meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\">"
    browser_page.set_content(VALID_PAGE.replace("<title>", csp + "<title>"))
    axe.assert_no_violations(browser_page)


def test_external_requests_are_blocked_and_recorded(browser_page):
    browser_page.set_content(
        VALID_PAGE.replace("</h1>", "</h1><img alt='' src='https://cdn.example.invalid/x.png'>")
    )
    browser_page.wait_for_load_state("load")
    assert browser_page.external_requests == ["https://cdn.example.invalid/x.png"]
    # Expected here: clear the list, or the fixture fails the test at teardown.
    browser_page.external_requests.clear()


def test_live_server_serves_views_and_static(browser_page, axe, live_server, settings, request):
    settings.ROOT_URLCONF = request.module.__name__
    response = browser_page.goto("/__harness__/")
    assert response is not None and response.ok
    assert browser_page.url.startswith(live_server.url)
    assert browser_page.title() == "Harnais"
    assert browser_page.evaluate("document.documentElement.lang") == "fr"
    axe.assert_no_violations(browser_page)

    # Any file the staticfiles finders know is served by the live server.
    static_file = next((p for finder in finders.get_finders() for p, _storage in finder.list([])), None)
    assert static_file is not None, "no static file found by the staticfiles finders"
    static_url = settings.STATIC_URL.rstrip("/") + "/" + static_file.replace(os.sep, "/")
    static_response = browser_page.request.get(static_url)
    assert static_response.ok, f"{static_url}: HTTP {static_response.status}"
