"""The library index: facets that combine, counts, sorting, pagination, bad input, query budget."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import hostile_failures

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def catalogue(resource_factory):
    resource_factory(
        title="Guide du repérage en PMI",
        resource_type="guide",
        themes=["reperage", "violences-conjugales"],
        audiences=["pmi"],
        published_on=datetime.date(2024, 5, 2),
    )
    resource_factory(
        title="Fiche réflexe révélation",
        resource_type="fiche-reflexe",
        themes=["violences-conjugales"],
        audiences=["pmi", "service-social-de-proximite"],
        published_on=datetime.date(2025, 1, 10),
    )
    resource_factory(
        title="Étude enfants co-victimes",
        resource_type="etude-ou-rapport",
        themes=["enfants-co-victimes"],
        audiences=["protection-de-lenfance"],
        published_on=datetime.date(2023, 9, 1),
    )
    resource_factory(
        title="Affiche 3919",
        resource_type="support-de-communication",
        themes=["prevention"],
        published_on=datetime.date(2025, 11, 20),
    )


def test_lists_published_resources_newest_first(client, catalogue):
    response = client.get("/ressources/")
    assert response.status_code == 200
    assert titles(response) == [
        "Affiche 3919",
        "Fiche réflexe révélation",
        "Guide du repérage en PMI",
        "Étude enfants co-victimes",
    ]
    assert "4 ressources" in response.content.decode()


def test_sort_by_title(client, catalogue):
    response = client.get("/ressources/", {"sort": "title"})
    assert titles(response) == sorted(titles(response), key=lambda t: t.replace("É", "E"))


def test_filters_combine_across_facets_and_or_within_one(client, catalogue):
    assert set(titles(client.get("/ressources/?theme=violences-conjugales"))) == {
        "Guide du repérage en PMI",
        "Fiche réflexe révélation",
    }
    assert titles(client.get("/ressources/?theme=violences-conjugales&type=guide")) == [
        "Guide du repérage en PMI"
    ]
    assert set(titles(client.get("/ressources/?type=guide&type=etude-ou-rapport"))) == {
        "Guide du repérage en PMI",
        "Étude enfants co-victimes",
    }
    assert titles(client.get("/ressources/?audience=service-social-de-proximite")) == [
        "Fiche réflexe révélation"
    ]
    assert titles(client.get("/ressources/?year=2023")) == ["Étude enfants co-victimes"]


def test_facet_counts_reflect_the_other_filters(client, catalogue):
    html = client.get("/ressources/?type=guide").content.decode()
    # Types keep their counts (the type facet ignores its own filter)…
    assert re.search(r'f-type-fiche-reflexe">Fiche réflexe <span class="filters__count">\(1', html)
    # …while themes are counted within the guides only.
    assert re.search(r'f-theme-reperage">Repérage <span class="filters__count">\(1', html)
    assert 'f-theme-prevention"' not in html, "a theme with no matching resource is not offered"
    assert 'id="f-type-guide" name="type" value="guide" checked' in html


def test_filters_are_shareable_urls(client, catalogue):
    html = client.get("/ressources/?theme=violences-conjugales&audience=pmi").content.decode()
    assert "Filtres actifs" in html
    assert 'href="?audience=pmi"' in html  # removing the theme keeps the audience


def test_empty_state(client, catalogue):
    response = client.get("/ressources/?type=video")
    assert response.status_code == 200
    assert "Aucune ressource ne correspond à ces filtres." in response.content.decode()


def status_text(response):
    """The result count line ("<p role=status>"), as read aloud."""
    found = re.search(r'<p role="status"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_counts_are_singular_for_zero_and_one(client, catalogue):
    assert status_text(client.get("/ressources/?type=video")) == "0 ressource correspondant aux filtres"
    assert status_text(client.get("/ressources/")) == "4 ressources"
    assert status_text(client.get("/ressources/?type=guide")) == "1 ressource correspondant aux filtres"
    # A selected value that the other filters empty: its count reads "(0 ressource)".
    assert (
        '(0<span class="visually-hidden"> ressource</span>)'
        in client.get("/ressources/?type=guide&audience=protection-de-lenfance").content.decode()
    )


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=9999",
        "page=abc",
        "theme=inconnu",
        "type=%3Cscript%3E",
        "year=abcd",
        "year=99999999999999999999",
        "year=%C2%B2",  # "²": str.isdigit() says yes, int() refuses it
        "year=%D9%A2%D9%A0%D9%A2%D9%A5",  # "٢٠٢٥", Arabic-Indic digits
        "year=2025&page=%C2%B2",
        "year=9223372036854775808",
        "type=guide&theme=reperage&year=%C2%B2",
        "sort=drop%20table",
        "audience=",
        "theme=reperage&theme=reperage",
    ],
)
def test_bad_input_never_breaks_the_listing(client, catalogue, query):
    response = client.get(f"/ressources/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_hostile_input_never_breaks_the_listing(client, catalogue):
    """The shared hostile values (tests/helpers.py) in every parameter, alone, repeated and
    all at once, with forged headers: a 200 every time, nothing echoed unescaped."""
    params = ["type", "theme", "audience", "year", "sort", "page"]
    assert hostile_failures(client, "/ressources/", params) == []


def test_hostile_input_never_breaks_the_feeds(client, catalogue):
    # An unknown theme is the feed's 404; anything else is the feed itself.
    for feed in ("/ressources/flux/", "/ressources/flux/atom/"):
        assert hostile_failures(client, feed, ["theme"], allowed=(200, 404)) == []


def test_unknown_filter_values_are_reported(client, catalogue):
    html = client.get("/ressources/?theme=inconnu").content.decode()
    assert "inconnu ignoré : inconnu" in html
    assert "4 ressources" in html


def test_drafts_and_toolbox_resources_are_not_listed(client, catalogue, resource_factory, toolbox):
    draft = resource_factory(title="Brouillon secret")
    draft.unpublish()
    resource_factory(parent=toolbox, title="Outil réservé aux référents")
    titles_listed = titles(client.get("/ressources/"))
    assert "Brouillon secret" not in titles_listed
    assert "Outil réservé aux référents" not in titles_listed


def test_pagination_keeps_the_filters(client, resource_factory, library_index):
    for index in range(25):
        resource_factory(title=f"Guide {index:02d}", themes=["reperage"])
    response = client.get("/ressources/?theme=reperage&page=2")
    assert len(titles(response)) == 5
    assert (
        "theme=reperage&amp;page=1" in response.content.decode()
        or "?theme=reperage" in response.content.decode()
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_stays_flat_as_the_library_grows(client, resource_factory, library_index):
    from tests.library.conftest import make_document

    def add(count):
        for _ in range(count):
            resource_factory(
                themes=["reperage", "prevention"], audiences=["pmi"], documents=[make_document()]
            )

    url = "/ressources/?theme=reperage"
    add(5)
    client.get(url)  # warm the caches (routes, facet counts) like any running server
    small = queries_for(client, url)
    add(45)
    client.get(url)  # the new resources invalidated them: computed again once
    large = queries_for(client, url)
    assert small == large, f"{small} queries for 5 resources, {large} for 50"
    assert large <= 20


def test_cached_counts_follow_publication_unpublication_and_restriction(
    client, resource_factory, library_index
):
    """Facet counts and the number of results are cached between requests: publishing,
    unpublishing or restricting a resource shows on the very next request."""
    from wagtail.models import PageViewRestriction

    url = "/ressources/?theme=reperage"
    resource_factory(title="Guide déjà là", themes=["reperage"])
    first = client.get(url).content.decode()
    assert re.search(r'f-theme-reperage">Repérage <span class="filters__count">\(1<', first)

    added = resource_factory(title="Guide tout juste publié", themes=["reperage"])
    html = client.get(url).content.decode()
    assert "Guide tout juste publié" in html
    assert re.search(r'f-theme-reperage">Repérage <span class="filters__count">\(2<', html)

    PageViewRestriction.objects.create(page=added, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(url).content.decode()
    assert "Guide tout juste publié" not in html
    assert re.search(r'f-theme-reperage">Repérage <span class="filters__count">\(1<', html)

    PageViewRestriction.objects.filter(page=added).delete()
    added.unpublish()
    html = client.get(url).content.decode()
    assert "Guide tout juste publié" not in html
    assert re.search(r'f-theme-reperage">Repérage <span class="filters__count">\(1<', html)
    assert client.get(f"/ressources/{added.slug}/").status_code == 404


def test_a_selected_year_keeps_its_checkbox_when_other_filters_empty_it(client, catalogue):
    # The guide (2024) is the only "guide"; with year=2025 nothing is left, yet the year
    # stays ticked in the form, so "Appliquer" keeps it along with its chip.
    html = client.get("/ressources/?type=guide&theme=reperage&year=2025").content.decode()
    assert re.search(r'<input type="checkbox" id="f-year-2025" name="year" value="2025" checked>', html)
    assert "0 ressource correspondant aux filtres" in " ".join(re.sub(r"<[^>]+>", "", html).split())
