"""The shared hostile values (tests/helpers.py) against the search page, its suggestions and
the partner API: every parameter alone, repeated and all at once, with forged headers. The
page answers 200, the API a 200 or its JSON 400 (404 for an unknown page), never a 500."""

import pytest

from tests.helpers import hostile_failures
from tests.search.test_api import content  # noqa: F401 - the API's public and private content

pytestmark = pytest.mark.django_db

SEARCH_PARAMS = ["q", "type", "theme", "audience", "year", "page"]


def test_the_search_page_survives_hostile_input(client, content):  # noqa: F811
    assert hostile_failures(client, "/recherche/", SEARCH_PARAMS) == []
    # The filters next to a query that finds something (the facets are computed then).
    assert hostile_failures(client, "/recherche/", SEARCH_PARAMS[1:], base={"q": "repérage"}) == []


def test_the_suggestions_survive_hostile_input(client, content):  # noqa: F811
    assert hostile_failures(client, "/recherche/suggestions/", ["q"]) == []


API_PARAMS = ["search", "search_operator", "order", "fields", "type", "child_of", "offset", "limit", "id"]


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_the_api_survives_hostile_input(client, content, endpoint):  # noqa: F811
    failures = hostile_failures(client, f"/api/v2/{endpoint}/", API_PARAMS, allowed=(200, 400))
    assert failures == []


def test_the_api_typed_listing_survives_hostile_input(client, content):  # noqa: F811
    failures = hostile_failures(
        client,
        "/api/v2/pages/",
        ["themes", "published_on", "search", "offset"],
        allowed=(200, 400),
        base={"type": "library.ResourcePage"},
    )
    assert failures == []


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_the_api_find_survives_hostile_input(client, content, endpoint):  # noqa: F811
    names = ["id", "html_path"] if endpoint == "pages" else ["id"]
    failures = hostile_failures(client, f"/api/v2/{endpoint}/find/", names, allowed=(302, 400, 404))
    assert failures == []
