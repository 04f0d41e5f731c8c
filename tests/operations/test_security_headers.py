"""Security headers: a strict Content-Security-Policy on the public pages (own scripts and
styles only, no remote origin, never framed), a relaxed one for the Wagtail admin, the
Permissions-Policy, Referrer-Policy and nosniff on every answer."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_a_strict_policy(client, site_skeleton):
    response = client.get("/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert not re.search(r"https?://", response["Content-Security-Policy"]), "no remote origin"


def test_other_security_headers(client, site_skeleton):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()"


def test_public_templates_have_no_inline_script_or_style():
    """What the strict policy would block: inline <script>, on*= handlers, style attributes
    (e-mail templates and the admin's own templates excepted)."""
    from django.conf import settings

    offenders = []
    for path in settings.BASE_DIR.glob("templates/**/*.html"):
        relative = path.relative_to(settings.BASE_DIR).as_posix()
        if "/email" in relative or "/admin/" in relative:
            continue
        html = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and "application/json" not in html:
            offenders.append(f"{relative}: inline <script>")
        if re.search(r"\son[a-z]+=\"", html):
            offenders.append(f"{relative}: on*= handler")
        if re.search(r"\sstyle=\"", html) or "<style" in html:
            offenders.append(f"{relative}: inline style")
    assert offenders == []


def test_admin_gets_its_own_policy(client, demo_users):
    client.force_login(demo_users["editeur"])
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's admin still prints inline scripts and style attributes; its live preview is
    # an iframe of the editor on the same origin.
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not re.search(r"https?://", response["Content-Security-Policy"])


def test_external_webinar_player_origin_is_allowed_on_its_page_only(client, site_skeleton):
    from demo.builders.common import get_home_page
    from tests.webinars.conftest import make_webinar
    from webinars.models import WebinarIndexPage

    index = WebinarIndexPage.objects.child_of(get_home_page()).get()
    external = make_webinar(
        index,
        title="Responsabiliser les auteurs",
        days=-60,
        video=None,
        external_video_url="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
    )
    policy = directives(client.get(external.url))
    assert policy["frame-src"] == ["'self'", "https://peertube.exemple.fr"]
    assert directives(client.get("/"))["frame-src"] == ["'self'"]


def test_documents_keep_wagtails_own_policy(client, site_skeleton):
    """Wagtail serves documents with ``default-src 'none'`` (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT):
    a file cannot run anything; the portal's middleware leaves that header alone."""
    from tests.library.conftest import make_document

    document = make_document("Protocole de repérage.", title="Protocole")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
