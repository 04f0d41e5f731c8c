"""/webinaires/: upcoming live webinars, recordings with filters that combine, facets,
pagination, empty states, privacy, and a query count that stays flat as content grows."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.helpers import hostile_failures

from .conftest import make_webinar, online_session

pytestmark = pytest.mark.django_db


def this_year_minus(years):
    return timezone.now().year - years


def days_ago_in(year):
    """Days from now to mid-June of ``year`` (negative: in the past)."""
    target = timezone.now().replace(year=year, month=6, day=15)
    return min((target - timezone.now()).days, -1)


@pytest.fixture
def catalogue(webinar_factory, speakers, demo_users):
    last_year = this_year_minus(1)
    two_years_ago = this_year_minus(2)
    return {
        "grossesse": webinar_factory(
            title="Repérer pendant la grossesse",
            days=days_ago_in(last_year),
            themes=["reperage", "violences-conjugales"],
            audiences=["pmi"],
            speakers=["Karim Benali"],
        ),
        "enfants": webinar_factory(
            title="Enfants co-victimes",
            days=days_ago_in(last_year) - 30,
            themes=["enfants-co-victimes"],
            audiences=["protection-de-lenfance"],
            speakers=["Hélène Vasseur"],
        ),
        "ordonnance": webinar_factory(
            title="Ordonnance de protection",
            days=days_ago_in(two_years_ago),
            themes=["violences-conjugales"],
            audiences=["service-social-de-proximite"],
            speakers=["Claire Delattre", "Karim Benali"],
        ),
        "reserve": webinar_factory(
            title="Réservé aux connectés", days=-5, access="login", themes=["violences-conjugales"]
        ),
        "referents": webinar_factory(
            title="Réservé aux référents", days=-6, access="referents", themes=["violences-conjugales"]
        ),
        "direct": webinar_factory(
            title="Webinaire en direct", days=12, video=None, sessions=[online_session(days=12)]
        ),
        "brouillon": webinar_factory(title="Brouillon", publish=False),
    }


def titles(response):
    return [webinar.title for webinar in response.context["page_obj"].object_list]


def test_recordings_and_upcoming_for_an_anonymous_visitor(client, catalogue):
    response = client.get("/webinaires/")
    assert response.status_code == 200
    assert titles(response) == [
        "Repérer pendant la grossesse",
        "Enfants co-victimes",
        "Ordonnance de protection",
    ]
    assert [webinar.title for webinar in response.context["upcoming"]] == ["Webinaire en direct"]
    html = response.content.decode()
    assert "Réservé aux connectés" not in html and "Réservé aux référents" not in html
    assert "Brouillon" not in html
    assert "Certains enregistrements sont réservés aux professionnels" in html
    assert "En ligne, sur inscription" in html
    assert "secret-12345" not in html


def test_logged_in_visitors_see_what_they_may_watch(client, catalogue, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.get("/webinaires/")
    assert "Réservé aux connectés" in titles(response)
    assert "Réservé aux référents" not in titles(response)
    assert "Réservé aux professionnels connectés" in response.content.decode()  # the badge
    client.force_login(demo_users["referent"])
    response = client.get("/webinaires/")
    assert {"Réservé aux connectés", "Réservé aux référents"} <= set(titles(response))
    assert "Réservé aux référents VIF" in response.content.decode()
    client.force_login(demo_users["admin"])
    assert len(titles(client.get("/webinaires/"))) == 5


def test_filters_combine(client, catalogue):
    last_year = this_year_minus(1)
    assert titles(client.get("/webinaires/?theme=violences-conjugales")) == [
        "Repérer pendant la grossesse",
        "Ordonnance de protection",
    ]
    assert titles(client.get(f"/webinaires/?theme=violences-conjugales&year={last_year}")) == [
        "Repérer pendant la grossesse"
    ]
    benali = catalogue["grossesse"].speakers.get().pk
    assert titles(client.get(f"/webinaires/?speaker={benali}")) == [
        "Repérer pendant la grossesse",
        "Ordonnance de protection",
    ]
    assert titles(client.get(f"/webinaires/?speaker={benali}&audience=service-social-de-proximite")) == [
        "Ordonnance de protection"
    ]
    # Several values of one facet: either.
    assert len(titles(client.get("/webinaires/?audience=pmi&audience=protection-de-lenfance"))) == 2


def test_facets_count_what_the_other_filters_leave(client, catalogue):
    response = client.get("/webinaires/?theme=violences-conjugales")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    themes = {option["value"]: option["count"] for option in facets["theme"]["options"]}
    assert themes["violences-conjugales"] == 2
    assert themes["enfants-co-victimes"] == 1  # the theme facet ignores its own filter
    speakers = {option["label"]: option["count"] for option in facets["speaker"]["options"]}
    assert speakers == {"Claire Delattre": 1, "Karim Benali": 2}
    years = {option["value"] for option in facets["year"]["options"]}
    assert years == {str(this_year_minus(1)), str(this_year_minus(2))}
    assert "Karim Benali" in [
        active["label"]
        for active in client.get(f"/webinaires/?speaker={catalogue['grossesse'].speakers.get().pk}").context[
            "active_filters"
        ]
    ]


def test_unknown_filters_are_ignored_and_said(client, catalogue):
    response = client.get("/webinaires/?theme=inconnu&year=abc&speaker=999999")
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert set(response.context["ignored_filters"]) == {"inconnu", "abc", "999999"}


@pytest.mark.parametrize(
    "query",
    [
        "year=%C2%B2",  # "²": str.isdigit() says yes, int() refuses it
        "speaker=%C2%B2",
        "speaker=%D9%A3",  # "٣", an Arabic-Indic digit
        "speaker=9223372036854775808",  # one more than PostgreSQL's bigint
        "speaker=99999999999999999999999999",
        "speaker=-1",
        "year=%C2%B2&speaker=%C2%B2&page=%C2%B2",
        "year=99999999999999999999",
        "page=99999999999999999999",
    ],
)
def test_hostile_filters_never_break_the_listing(client, catalogue, query):
    response = client.get(f"/webinaires/?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == 3  # hostile values are ignored, the recordings stay listed


def test_hostile_input_never_breaks_the_listing(client, catalogue):
    """The shared hostile values (tests/helpers.py) in every parameter, alone, repeated and
    all at once, with forged headers: a 200 every time, nothing echoed unescaped."""
    params = ["theme", "audience", "year", "speaker", "page"]
    assert hostile_failures(client, "/webinaires/", params) == []


def test_empty_states(client, catalogue, webinar_index):
    response = client.get("/webinaires/?theme=inceste")
    assert "Aucun enregistrement ne correspond à ces filtres." in response.content.decode()


def status_text(response):
    """The result count line ("<p role=status>"), as read aloud."""
    found = re.search(r'<p role="status"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_counts_are_singular_for_zero_and_one(client, catalogue):
    assert (
        status_text(client.get("/webinaires/?theme=inceste")) == "0 enregistrement correspondant aux filtres"
    )
    assert status_text(client.get("/webinaires/")) == "3 enregistrements"
    one = client.get("/webinaires/?theme=enfants-co-victimes")
    assert status_text(one) == "1 enregistrement correspondant aux filtres"
    catalogue["direct"].unpublish()
    for webinar in catalogue.values():
        if webinar.live:
            webinar.unpublish()
    html = client.get("/webinaires/").content.decode()
    assert "Aucun enregistrement n'est encore publié." in html
    assert "Aucun webinaire n'est annoncé pour le moment." in html


def test_pagination(client, webinar_index, settings):
    for number in range(14):
        make_webinar(webinar_index, title=f"Enregistrement {number:02d}", days=-1 - number, chapters=())
    first = client.get("/webinaires/")
    assert len(titles(first)) == 12
    assert first.context["page_obj"].paginator.num_pages == 2
    second = client.get("/webinaires/?page=2")
    assert titles(second) == ["Enregistrement 12", "Enregistrement 13"]
    assert client.get("/webinaires/?page=99").status_code == 200


def count_queries(client, user=None):
    if user is not None:
        client.force_login(user)
    client.get("/webinaires/")  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/webinaires/")
    assert response.status_code == 200
    return len(queries)


def test_query_count_stays_flat(client, webinar_index, speakers, demo_users):
    def add(count, offset):
        for number in range(count):
            make_webinar(
                webinar_index,
                title=f"Webinaire {offset + number}",
                days=-10 - offset - number,
                themes=["reperage", "prevention"],
                audiences=["pmi"],
                speakers=["Karim Benali", "Claire Delattre"],
                access="login" if number % 3 == 0 else "public",
                chapters=(),
            )
            make_webinar(
                webinar_index,
                title=f"Direct {offset + number}",
                days=10 + offset + number,
                video=None,
                speakers=["Hélène Vasseur"],
                sessions=[online_session(days=10 + offset + number)],
                chapters=(),
            )

    add(2, 0)
    anonymous_few = count_queries(client)
    user_few = count_queries(client, demo_users["referent"])
    client.logout()
    add(8, 100)
    assert count_queries(client) == anonymous_few
    assert count_queries(client, demo_users["referent"]) == user_few


def test_card_date_uses_local_time(client, webinar_index):
    webinar = make_webinar(webinar_index, title="Tard le soir", days=-3, chapters=())
    webinar.date = webinar.date.replace(hour=22, minute=30, tzinfo=datetime.UTC)
    webinar.save_revision().publish()
    assert "Tard le soir" in client.get("/webinaires/").content.decode()
