"""SQLite (the embedded default): a ranked search is two SQL statements whatever the number
of matches, one FTS5 ``MATCH`` that scores at most ``MAX_SCORED`` matches, in modelsearch's
order (issue 14: modelsearch's correlated score subquery, planned with the index entries in
the outer loop, took 36 s for "violences conjugales" at 10,000 resources). Counted, never
timed: ``make bench`` measures the speed."""

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import demo.bench.library
from demo.builders.common import ensure_page, get_home_page
from home.models import ContentPage
from library.models import LibraryIndexPage, ResourcePage
from operations.indexing import search_index_paused
from search.interpret import interpret
from search.query import search

# SQLite only (FTS5); on PostgreSQL see test_postgres_planning. Deselected on other databases
# and run by `make test-sqlite` (part of `make test`).
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]


@pytest.fixture
def pages(site_skeleton):
    home = get_home_page()
    strong = ensure_page(home, ContentPage, "fort", title="Zébuline", intro="La zébuline, toute la zébuline.")
    weak = [
        ensure_page(home, ContentPage, f"faible-{n}", title=f"Fiche {n}", intro=f"{'Un mot. ' * n}Zébuline.")
        for n in range(12)
    ]
    return strong, weak


def modelsearch_order(queryset, raw, stop):
    """The pages modelsearch's own SQLite compiler ranks first (its correlated score
    subquery), with the portal's French analysis of the query."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    from search.backends.sqlite_french import FrenchSQLiteSearchQueryCompiler

    compiler = FrenchSQLiteSearchQueryCompiler(queryset, interpret(raw).query())
    return [page.pk for page in SQLiteSearchQueryCompiler.search(compiler, None, 0, stop)]


def ranked(queryset, raw, stop):
    with CaptureQueriesContext(connection) as context:
        found = [page.pk for page in search(queryset, raw)[:stop]]
    return found, [query["sql"] for query in context.captured_queries]


def test_same_order_as_modelsearch_in_two_statements(pages):
    strong, weak = pages
    queryset = Page.objects.live().public()
    found, statements = ranked(queryset, "zebuline", 5)
    assert found == modelsearch_order(queryset, "zebuline", 5)
    assert found[0] == strong.pk
    assert sum("MATCH" in sql for sql in statements) == 1
    # All matches, unsliced: the same order.
    assert [page.pk for page in search(queryset, "zebuline")] == modelsearch_order(queryset, "zebuline", None)


def test_autocomplete_in_modelsearch_order(pages):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteAutocompleteQueryCompiler
    from modelsearch.query import PlainText

    from search.backends.sqlite_french import FrenchSQLiteAutocompleteQueryCompiler

    queryset = Page.objects.live().public()
    compiler = FrenchSQLiteAutocompleteQueryCompiler(queryset, PlainText("fich"))
    expected = [page.pk for page in SQLiteAutocompleteQueryCompiler.search(compiler, None, 0, 8)]
    assert [page.pk for page in queryset.autocomplete("fich")[:8]] == expected
    assert len(expected) == 8


def grow_library(count):
    library = LibraryIndexPage.objects.get()
    with search_index_paused(also_reference_index=True):
        demo.bench.library.build(count=count, parent=library)
    call_command("update_index", verbosity=0)


def test_statements_and_scored_matches_bounded_whatever_the_matches(site_skeleton, monkeypatch):
    from search.backends import sqlite_french

    queryset = Page.objects.live().public()
    grow_library(50)
    matches = ResourcePage.objects.filter(intro__icontains="violences").count()
    small, small_statements = ranked(queryset, "violences", 20)
    assert small == modelsearch_order(queryset, "violences", 20)

    grow_library(500)
    large, large_statements = ranked(queryset, "violences", 20)
    assert large == modelsearch_order(queryset, "violences", 20)
    assert ResourcePage.objects.filter(intro__icontains="violences").count() > 5 * matches
    assert len(large_statements) == len(small_statements)
    assert sum("MATCH" in sql for sql in large_statements) == 1

    # Beyond MAX_SCORED matches, only the most recently indexed ones are ranked (the
    # resources, created and indexed in order: the highest ids), in relevance order.
    resources = ResourcePage.objects.live()
    every_match = sorted(
        (page.pk for page in resources.search(interpret("violences").query(), order_by_relevance=False)),
        reverse=True,
    )
    assert len(every_match) > 100
    monkeypatch.setattr(sqlite_french, "MAX_SCORED", 100)
    scored = [(page.pk, page.score) for page in search(resources, "violences").annotate_score("score")]
    assert sorted((pk for pk, _score in scored), reverse=True) == every_match[:100]
    assert [score for _pk, score in scored] == sorted(score for _pk, score in scored)
