"""French that works: the same assertions on every search backend present.

Locally the database backend runs on SQLite (FTS5 + the portal's French analysis); in CI it
runs on PostgreSQL (the ``fr_unaccent`` configuration)."""

import pytest

from django.db import connection

from wagtail.models import Page

from home.demo import ensure_page, get_home_page, rich, stream
from home.models import ContentPage
from search.query import search

pytestmark = pytest.mark.django_db

PAGES = {
    "conjugal": ("Violences conjugales : repères", "Les violences au sein du couple et leurs effets."),
    "enfant": ("Protéger l'enfant co-victime", "Les enfants exposés aux violences conjugales."),
    "evaluation": ("Évaluation du danger", "Une grille d'évaluation pour l'accueil."),
    "reperage": ("Repérage systématique en PMI", "Le repérage pendant la grossesse."),
    "accueil": ("Lieux d'accueil de jour", "Un accueil inconditionnel."),
    "phrase": (
        "Ordonnance de protection",
        "Demander une ordonnance de protection au juge aux affaires familiales.",
    ),
    "unrelated": ("Plan du site", "Toutes les pages du portail."),
}


@pytest.fixture
def pages(db):
    home = get_home_page()
    created = {}
    for key, (title, intro) in PAGES.items():
        created[key] = ensure_page(
            home,
            ContentPage,
            f"recherche-{key}",
            title=title,
            intro=intro,
            body=stream(("paragraph", rich(intro))),
        )
    return created


def found(typed):
    return {page.slug.removeprefix("recherche-") for page in search(Page.objects.live(), typed)}


def test_backend_in_use():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert backend.config == "fr_unaccent"
    else:
        assert type(backend).__name__ == "FrenchSQLiteSearchBackend"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("violence", {"conjugal", "enfant"}),
        ("VIOLENCES", {"conjugal", "enfant"}),
        ("conjugal", {"conjugal", "enfant"}),
        ("conjugale", {"conjugal", "enfant"}),
        ("conjugaux", {"conjugal", "enfant"}),
        ("enfant", {"enfant"}),
        ("enfants", {"enfant"}),
        ("evaluation", {"evaluation"}),
        ("évaluations", {"evaluation"}),
        ("reperage", {"reperage"}),
        ("repérages", {"reperage"}),
        ("l'enfant", {"enfant"}),
        ("d'accueil", {"accueil", "evaluation"}),
        ("l’accueil", {"accueil", "evaluation"}),
    ],
)
def test_forms_accents_elisions_and_case(pages, query, expected):
    assert expected <= found(query), f"{query!r} → {found(query)}"
    assert "unrelated" not in found(query)


def test_stop_words_do_not_drown_results(pages):
    assert found("les violences dans le couple") == {"conjugal"}


def test_phrase_search(pages):
    assert found('"ordonnance de protection"') == {"phrase"}
    assert found('"protection ordonnance"') == set()


@pytest.mark.parametrize("query", ["de la", "les", "   "])
def test_only_stop_words_find_nothing_without_error(pages, query):
    assert found(query) == set()
