"""SQLite (the embedded default): ranked results run the FTS5 MATCH once per query, not once
per matching page (modelsearch's correlated score subquery made a search quadratic in its
matches: about 3 s at 3,000 resources). Same order as modelsearch's, which still serves
unbounded searches."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from demo.builders.common import ensure_page, get_home_page
from home.models import ContentPage
from search.query import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_skeleton):
    home = get_home_page()
    strong = ensure_page(home, ContentPage, "fort", title="Zébuline", intro="La zébuline, toute la zébuline.")
    weak = [
        ensure_page(home, ContentPage, f"faible-{n}", title=f"Fiche {n}", intro=f"{'Un mot. ' * n}Zébuline.")
        for n in range(12)
    ]
    return strong, weak


def test_each_statement_matches_once_in_modelsearch_order(pages):
    strong, weak = pages
    with CaptureQueriesContext(connection) as context:
        found = [page.pk for page in search(Page.objects.live().public(), "zebuline")[:5]]
    if connection.vendor == "sqlite":  # PostgreSQL has no MATCH (see test_postgres_planning)
        assert all(query["sql"].count("MATCH") <= 1 for query in context.captured_queries)
    # Unbounded, the search is modelsearch's own (one correlated score subquery per page).
    unbounded = [page.pk for page in search(Page.objects.live().public(), "zebuline")]
    assert len(unbounded) == 13
    assert found == unbounded[:5]
    assert strong.pk in found
