"""French that works: the same assertions on every search backend present.

- ``database``: always. Locally SQLite (FTS5 + the portal's French analysis, ``search.french``);
  in CI PostgreSQL (the same tokens under the ``simple`` configuration).
- the search node named by ``SEARCH_TEST_URL`` (``tests.search.node``): OpenSearch 2.19 in
  ``make test``, Elasticsearch 7.10 in ``make test-es7`` (``.ci/run`` starts both, see
  ci/README.md), with the settings ``SEARCH_URL`` would give (``search_backends_from_url``:
  French analyzers). Skipped locally without that variable, fails under ``CI=true``.

The pages are created once for the module, in a transaction rolled back at its end (each test
runs in a savepoint inside it), and the node's indices are built once (``update_index``,
under a prefix unique to the run, deleted at the end)."""

import uuid

import pytest

from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from demo.builders.common import ensure_page, get_home_page, rich, stream
from home.models import ContentPage
from search.french import index_text
from search.query import search
from tests.search import node

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


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """The pages, indexed by the database backend as they are published."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = get_home_page()
        created = {
            key: ensure_page(
                home,
                ContentPage,
                f"recherche-{key}",
                title=title,
                intro=intro,
                body=stream(("paragraph", rich(intro))),
            )
            for key, (title, intro) in PAGES.items()
        }
        yield created
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def node_backends(pages, django_db_blocker):
    backends = node.node_backends(f"test_{uuid.uuid4().hex[:12]}")
    # modelsearch builds a new backend (and client) on each get_search_backend(): no cache to
    # clear, overriding the setting is enough.
    try:
        with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=backends):
            call_command("update_index", verbosity=0)
        yield backends
    finally:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            node.delete_indices(backends)


@pytest.fixture(params=["database", "node"], ids=["database", node.LABEL])
def backend(request, pages):
    """The backend's name: "database", or the search node's engine ("opensearch2"…)."""
    if request.param == "database":
        yield "database"
        return
    backends = request.getfixturevalue("node_backends")
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield node.ENGINE


def found(typed):
    return {page.slug.removeprefix("recherche-") for page in search(Page.objects.live(), typed)}


def test_backend_in_use(backend):
    search_backend = get_search_backend()
    if backend != "database":
        # opensearch2+ URLs get the opensearch3 backend class (see search_backends_from_url).
        assert type(search_backend).__name__ == node.BACKEND_CLASSES[backend]
        index = search_backend.get_index_for_model(Page).name
        # The node indexes the portal's tokens (search.french) and only splits them.
        tokens = index_text("L’Évaluation des VIOLENCES conjugales, même ici")
        assert tokens == "evalu violenc conjugal"
        analyzed = search_backend.es.indices.analyze(index=index, body={"text": tokens})
        assert [token["token"] for token in analyzed["tokens"]] == ["evalu", "violenc", "conjugal"]
    elif connection.vendor == "postgresql":
        # Tokens of search.french under "simple": no second stemming.
        assert search_backend.config == "simple"
    else:
        assert type(search_backend).__name__ == "FrenchSQLiteSearchBackend"


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
def test_forms_accents_elisions_and_case(backend, query, expected):
    assert expected <= found(query), f"{query!r} → {found(query)}"
    assert "unrelated" not in found(query)


def test_stop_words_do_not_drown_results(backend):
    assert found("les violences dans le couple") == {"conjugal"}


def test_phrase_search(backend):
    assert found('"ordonnance de protection"') == {"phrase"}
    assert found('"protection ordonnance"') == set()


@pytest.mark.parametrize("query", ["de la", "les", "   "])
def test_only_stop_words_find_nothing_without_error(backend, query):
    assert found(query) == set()


# modelsearch's PostgreSQL backend indexes and queries autocomplete with the "simple"
# configuration (hard-coded): no accent folding, so "repé" misses "repères" and "REPERAG"
# misses "Repérage" there. Strict: the day it is fixed, these cases pass and must lose the mark.


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("repé", {"conjugal", "reperage"}),
        ("REPERAG", {"reperage"}),
        ("l'enf", {"enfant"}),
        ("l’Enf", {"enfant"}),
        ("Éval", {"evaluation"}),
        ("ordonnance prot", {"phrase"}),
    ],
)
def test_autocomplete_prefixes(request, backend, typed, expected):
    """Titles as they are typed: prefixes, accents or not, elisions (modelsearch's autocomplete)."""
    pages = Page.objects.live().autocomplete(typed, operator="and")
    assert {page.slug.removeprefix("recherche-") for page in pages} == expected
