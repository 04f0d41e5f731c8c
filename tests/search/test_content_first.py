"""Search results put content first: resources, webinars, trainings, seminars and content
pages before listing pages (home, sections, catalogues) and utility pages (the legal pages
the footer links to, the contact page). Those come only when their title matches the query,
after the content: "violences" gives no "Mentions légales", "formation" gives the trainings
before the "Formations" catalogue, "mentions légales" still finds the legal notice.

On the demo content, on the database backend in use (SQLite locally, PostgreSQL in CI) and
on the search node named by ``SEARCH_TEST_URL`` (skipped locally without it)."""

import pytest

from django.http import QueryDict

from wagtail.models import Page, Site

from search.results import CONTENT_TYPES, content_type_key
from search.views import rank_and_count

pytestmark = pytest.mark.django_db

UTILITY_SLUGS = {"mentions-legales", "accessibilite", "donnees-personnelles", "contact", "plan-du-site"}


def ranked(query):
    site = Site.objects.get(is_default_site=True)
    ids = rank_and_count(site, query, QueryDict())["ids"]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).select_related("content_type")}
    return [pages[pk] for pk in ids]


def is_content(page):
    return content_type_key(page.content_type) in CONTENT_TYPES and page.slug not in UTILITY_SLUGS


def test_content_comes_before_listing_and_legal_pages(backend):
    for query in ("violences", "formation", "ressources", "violences conjugales"):
        pages = ranked(query)
        assert pages, query
        kinds = [is_content(page) for page in pages]
        first_other = kinds.index(False) if False in kinds else len(kinds)
        assert all(kinds[:first_other]) and not any(kinds[first_other:]), (
            query,
            [(page.title, kind) for page, kind in zip(pages, kinds, strict=True)],
        )
        assert sum(kinds) >= 3, query


def test_listing_and_legal_pages_only_when_their_title_matches(backend):
    titles = [page.title for page in ranked("violences")]
    for title in ("Mentions légales", "Données personnelles", "Ressources", "Formations", "Webinaires"):
        assert title not in titles
    # Their titles match: found, after the content.
    assert "Formations" in [page.title for page in ranked("formation")][-5:]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("mentions légales", "mentions-legales"),
        ("données personnelles", "donnees-personnelles"),
        ("accessibilité", "accessibilite"),
    ],
)
def test_utility_pages_are_found_by_their_title(backend, query, slug):
    assert slug in [page.slug for page in ranked(query)]
