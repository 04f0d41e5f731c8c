"""Search suggestions (/recherche/suggestions/): accent-insensitive, partial words, public
live pages only whoever asks, bad input never breaks it, not cached, cheap."""

import json

import pytest

from django.urls import reverse

from search.autocomplete import MAX_SUGGESTIONS
from tests.library.conftest import make_resource

pytestmark = pytest.mark.django_db

URL = "/recherche/suggestions/"


@pytest.fixture
def content(library_index, toolbox):
    pages = {
        "reperage": make_resource(library_index, title="Repérage des violences conjugales en PMI"),
        "accompagnement": make_resource(library_index, title="Accompagnement des enfants co-victimes"),
        "violentometre": make_resource(library_index, title="Violentomètre : mesurer la violence"),
        "toolbox": make_resource(toolbox, title="Trame réservée sur le repérage conjugal"),
    }
    draft = make_resource(library_index, title="Repérage en brouillon")
    draft.unpublish()
    pages["draft"] = draft
    return pages


def titles(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["suggestions"]]


def test_url_name_and_shape(client, content):
    assert reverse("search_suggestions") == URL
    response = client.get(URL, {"q": "reper"})
    assert response["Content-Type"].startswith("application/json")
    [suggestion] = response.json()["suggestions"]
    assert suggestion == {
        "title": "Repérage des violences conjugales en PMI",
        "url": content["reperage"].url,
        "type": "Ressource",
    }


@pytest.mark.parametrize("query", ["reper", "REPER", "repér", "Repérage", "reperage", "  reper  "])
def test_accent_and_case_insensitive(client, content, query):
    assert titles(client, query) == ["Repérage des violences conjugales en PMI"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("viol", {"Repérage des violences conjugales en PMI", "Violentomètre : mesurer la violence"}),
        ("violenc", {"Repérage des violences conjugales en PMI", "Violentomètre : mesurer la violence"}),
        ("conjug", {"Repérage des violences conjugales en PMI"}),
        ("conjugaux", {"Repérage des violences conjugales en PMI"}),
        ("accompagnem", {"Accompagnement des enfants co-victimes"}),
        ("l'enf", {"Accompagnement des enfants co-victimes"}),
        ("l’enf", {"Accompagnement des enfants co-victimes"}),
        ("violences conjug", {"Repérage des violences conjugales en PMI"}),
        ("repérage de la viol", {"Repérage des violences conjugales en PMI"}),
    ],
)
def test_partial_words(client, content, query, expected):
    assert set(titles(client, query)) == expected


@pytest.mark.parametrize("role", ["anonymous", "professionnel", "referent", "editeur", "admin"])
@pytest.mark.parametrize("query", ["trame", "reser", "reper", "conjug"])
def test_private_and_draft_titles_are_never_suggested(client, content, demo_users, role, query):
    if role != "anonymous":
        client.force_login(demo_users[role])
    found = titles(client, query)
    assert "Trame réservée sur le repérage conjugal" not in found
    assert "Repérage en brouillon" not in found


def test_the_toolbox_itself_is_not_suggested(client, content):
    assert titles(client, "boite") == []
    assert titles(client, "outils") == []


def test_at_most_eight_suggestions(client, library_index):
    for number in range(MAX_SUGGESTIONS + 3):
        make_resource(library_index, title=f"Violences, fiche {number}")
    assert len(titles(client, "viol")) == MAX_SUGGESTIONS


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "r",
        "é",
        "x" * 2000,
        "reper" * 400,
        '"',
        '"violences conjugales',
        "'",
        "l'",
        "’",
        "de la",
        "violence AND (NOT x) OR 1=1; DROP TABLE wagtailcore_page; --",
        "' OR '1'='1",
        "repérage*?~^:[]{}!\\/",
        "title:reper",
        "NEAR(a b)",
        "\x00reper",
        "<script>alert(1)</script>",
        "ﬁche",
        "e\u0301",
        " ".join(["viol"] * 50),
    ],
)
def test_bad_input_never_breaks(client, content, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert isinstance(data["suggestions"], list)
    assert len(data["suggestions"]) <= MAX_SUGGESTIONS
    for item in data["suggestions"]:
        assert set(item) == {"title", "url", "type"}
    assert b"<script>" not in response.content


@pytest.mark.parametrize("query", ["", "r", "é", "de", '"'])
def test_too_short_or_empty_gives_nothing(client, content, query):
    assert titles(client, query) == []


def test_repeated_parameter_and_missing_parameter(client, content):
    assert client.get(URL).json() == {"suggestions": []}
    assert client.get(URL + "?q=reper&q=viol").status_code == 200


def test_only_get_and_head(client, content):
    assert client.head(URL, {"q": "reper"}).status_code == 200
    assert client.post(URL, {"q": "reper"}).status_code in (403, 405)


def test_not_cached(client, content):
    for query in ("reper", ""):
        cache_control = client.get(URL, {"q": query})["Cache-Control"]
        assert "no-cache" in cache_control


@pytest.mark.parametrize("role", ["anonymous", "referent"])
def test_query_budget(client, content, demo_users, django_assert_max_num_queries, role):
    if role != "anonymous":
        client.force_login(demo_users[role])
    client.get(URL, {"q": "viol"})  # warm the site-root and content-type caches
    with django_assert_max_num_queries(6):
        response = client.get(URL, {"q": "violenc"})
    assert len(response.json()["suggestions"]) == 2


def test_partial_endings_do_not_widen_to_other_words(client, content, library_index):
    make_resource(library_index, title="Viol et agressions sexuelles")
    assert "Viol et agressions sexuelles" in titles(client, "viol")
    for query in ("violenc", "violence", "violences"):
        found = titles(client, query)
        assert "Viol et agressions sexuelles" not in found
        assert "Repérage des violences conjugales en PMI" in found
