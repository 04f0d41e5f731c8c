"""The search page: public results only, bad input never breaks it, no caching of queries."""

import pytest

from tests.library.conftest import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(library_index, toolbox):
    make_resource(
        library_index, title="Guide du repérage des violences", intro="Repérer les violences conjugales."
    )
    make_resource(
        toolbox, title="Trame réservée sur le repérage", intro="Outil des référents pour le repérage."
    )


@pytest.mark.parametrize("role", ["anonymous", "professionnel", "referent", "editeur"])
def test_results_are_public_pages_only_whoever_asks(client, content, demo_users, role):
    if role != "anonymous":
        client.force_login(demo_users[role])
    body = client.get("/recherche/", {"q": "reperage"}).content.decode()
    assert "Guide du repérage des violences" in body
    assert "Trame réservée" not in body


def test_query_responses_are_not_cached(client, content):
    response = client.get("/recherche/", {"q": "violences"})
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 2000,
        "de la le",
        '"violences conjugales',
        "violence AND (NOT x) OR 1=1; DROP TABLE",
        "repérage*?~^:[]{}!\\/",
        "<script>alert(1)</script>",
        "l'",
        "’",
    ],
)
def test_bad_input_never_breaks_the_search_page(client, content, query):
    response = client.get("/recherche/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_only_stop_words_get_a_french_hint(client, content):
    body = client.get("/recherche/", {"q": "de la"}).content.decode()
    assert "ne contient que des mots trop courants" in body


def test_search_finds_words_inside_files(client, library_index):
    from tests.library.conftest import make_document

    make_resource(
        library_index,
        title="Outil sans le mot",
        documents=[make_document("Le violentometre gradue les comportements.")],
    )
    assert "Outil sans le mot" in client.get("/recherche/", {"q": "violentometre"}).content.decode()
