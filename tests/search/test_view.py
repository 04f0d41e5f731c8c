"""The search page: public results only, bad input never breaks it, no caching of queries."""

import re

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
        'violence "de"',  # a quoted phrase of stop words next to a word
        '"de la" violence',
        '"de" "la"',
        'violence "l\'"',
    ],
)
def test_bad_input_never_breaks_the_search_page(client, content, query):
    response = client.get("/recherche/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_a_phrase_of_stop_words_is_ignored_next_to_a_word(client, content):
    response = client.get("/recherche/", {"q": 'repérage "de"'})
    assert response.status_code == 200
    assert "Guide du repérage des violences" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"year": "²"},  # str.isdigit() says yes, int() refuses it
        {"year": "²²²²"},
        {"year": "٢٠٢٥"},  # Arabic-Indic digits
        {"year": "99999999999999999999"},
        {"page": "²"},
        {"page": "99999999999999999999"},
        {"type": "²", "theme": "²", "audience": "²"},
    ],
)
def test_hostile_filters_never_break_the_search_page(client, content, params):
    response = client.get("/recherche/", {"q": "repérage", **params})
    assert response.status_code == 200
    assert "Guide du repérage des violences" in response.content.decode()


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


def status_text(response):
    """The result count line ("<p role=status>"), as read aloud."""
    found = re.search(r'<p role="status"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_counts_are_singular_for_zero_and_one(client, content, library_index):
    assert status_text(client.get("/recherche/", {"q": "zzzinconnu"})) == "0 résultat pour « zzzinconnu »"
    assert status_text(client.get("/recherche/", {"q": "reperage"})) == "1 résultat pour « reperage »"
    make_resource(library_index, title="Second guide du repérage")
    assert status_text(client.get("/recherche/", {"q": "reperage"})) == "2 résultats pour « reperage »"


def test_the_year_facet_uses_the_resource_s_own_date(client, library_index):
    import datetime

    make_resource(library_index, title="Guide ancien du repérage", published_on=datetime.date(2022, 3, 1))
    response = client.get("/recherche/", {"q": "reperage"})
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    assert [option["value"] for option in facets["year"]["options"]] == ["2022"]
    found = client.get("/recherche/", {"q": "reperage", "year": "2022"}).content.decode()
    assert "Guide ancien du repérage" in found
