"""Play statistics without tracking: the first play of a page load counts once, per webinar
and month; nothing personal is stored; editors see the counts in a report."""

import re

import pytest

from django.urls import reverse
from django.utils import timezone

from webinars.models import PlayCount

pytestmark = pytest.mark.django_db


def page_load(client, webinar):
    """What the player's script does at the first play: it reads the counter's address in the
    page, then asks it for a one-time token and the CSRF value."""
    html = client.get(webinar.url).content.decode()
    assert "jeton" not in html  # no token in the page: it is the same for every visitor
    url = re.search(r'data-plays-url="([^"]+)"', html).group(1)
    answer = client.get(url)
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    return url, answer.json()["jeton"], answer.json()["csrf"]


def count(webinar):
    return sum(PlayCount.objects.filter(webinar=webinar).values_list("count", flat=True))


@pytest.fixture
def csrf_client(client):
    client.handler.enforce_csrf_checks = True
    return client


def test_a_play_is_counted_once_per_page_load(csrf_client, webinar_factory):
    webinar = webinar_factory()
    url, token, csrf = page_load(csrf_client, webinar)
    assert url == webinar.url + "lecture/"
    for _ in range(3):
        response = csrf_client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf})
        assert response.status_code == 204
    assert count(webinar) == 1
    url, token, csrf = page_load(csrf_client, webinar)
    csrf_client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf})
    assert count(webinar) == 2
    row = PlayCount.objects.get(webinar=webinar)
    assert row.month == timezone.localdate().replace(day=1)
    assert {field.name for field in PlayCount._meta.get_fields()} == {"id", "webinar", "month", "count"}


def test_refusals(csrf_client, webinar_factory):
    webinar = webinar_factory()
    other = webinar_factory()
    url, token, csrf = page_load(csrf_client, webinar)
    assert csrf_client.put(url, HTTP_X_CSRFTOKEN=csrf).status_code == 405
    assert csrf_client.post(url, {"jeton": token}).status_code == 403  # no CSRF token
    assert csrf_client.post(url, {"jeton": "faux", "csrfmiddlewaretoken": csrf}).status_code == 400
    assert (
        csrf_client.post(other.url + "lecture/", {"jeton": token, "csrfmiddlewaretoken": csrf}).status_code
        == 400
    )
    assert count(webinar) == 0 and count(other) == 0


def test_a_private_webinar_counts_only_its_audience(client, webinar_factory, demo_users):
    webinar = webinar_factory(access="referents")
    client.force_login(demo_users["referent"])
    url, token, csrf = page_load(client, webinar)
    client.logout()
    assert client.get(url).status_code == 302  # no token for those who cannot watch
    assert client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf}).status_code == 302
    assert count(webinar) == 0
    client.force_login(demo_users["referent"])
    assert client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf}).status_code == 204
    assert count(webinar) == 1


def test_the_webinar_page_is_cacheable_with_its_player(client, webinar_factory):
    webinar = webinar_factory()
    response = client.get(webinar.url)
    assert "data-plays-url" in response.content.decode()
    assert "s-maxage" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_no_token_without_a_video(client, webinar_factory):
    webinar = webinar_factory(video=None)
    assert "data-plays-url" not in client.get(webinar.url).content.decode()
    assert client.get(webinar.url + "lecture/").status_code == 404


def test_an_external_video_counts_the_click_that_loads_it(client, webinar_factory):
    webinar = webinar_factory(video=None, external_video_url="https://vimeo.com/76979871")
    url, token, csrf = page_load(client, webinar)
    client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf})
    assert count(webinar) == 1


def test_editors_see_the_report(client, webinar_factory, demo_users):
    watched = webinar_factory(title="Webinaire très regardé")
    webinar_factory(title="Webinaire sans lecture")
    month = timezone.localdate().replace(day=1)
    PlayCount.objects.create(webinar=watched, month=month, count=7)
    PlayCount.objects.create(webinar=watched, month=month.replace(year=month.year - 1), count=5)
    client.force_login(demo_users["editeur"])
    response = client.get(reverse("webinars_reports:plays"))
    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert [row.title for row in rows] == ["Webinaire très regardé", "Webinaire sans lecture"]
    assert (rows[0].plays_this_month, rows[0].plays_total) == (7, 12)
    assert "Lectures des webinaires" in response.content.decode()
    export = client.get(reverse("webinars_reports:plays") + "?export=csv")
    assert export.status_code == 200
    assert "Webinaire très regardé" in b"".join(export.streaming_content).decode()


def test_the_report_is_for_editorial_staff_only(client, demo_users):
    client.force_login(demo_users["referent"])
    assert client.get(reverse("webinars_reports:plays")).status_code in (302, 403)


def test_a_read_only_database_skips_the_count_not_the_play(csrf_client, webinar_factory):
    from tests.conftest import read_only_database

    webinar = webinar_factory()
    url, token, csrf = page_load(csrf_client, webinar)
    with read_only_database():
        response = csrf_client.post(url, {"jeton": token, "csrfmiddlewaretoken": csrf})
    assert response.status_code == 204
    assert count(webinar) == 0
