"""The error pages (500, 503 database refusing writes, 429 throttling) share one standalone
layout and render with nothing: no request, no context, no database."""

import pytest

from django.template import loader

PAGES = {
    "500.html": "Erreur du serveur",
    "503.html": "Service momentanément indisponible",
    "429.html": "Trop de tentatives",
}


@pytest.mark.parametrize(("template", "title"), PAGES.items())
def test_error_page_renders_without_database_or_context(template, title):
    # No django_db marker: any query here would fail the test.
    page = loader.get_template(template).render()
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="fr" dir="ltr">' in page
    assert f"<title>{title} — Portail VIF Nord</title>" in page
    assert f"<h1>{title}</h1>" in page
    assert page.count("<main") == 1 and '<a class="skip-link" href="#contenu">' in page
    assert 'href="tel:3919"' in page, "the emergency numbers, on every page"
    assert '<meta name="robots" content="noindex">' in page
