"""The catalogue: upcoming sessions first, filters that combine, archive, agenda, bad input,
query budget; seminars; the access matrix."""

import datetime
import html
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.builders.common import ensure_page, get_home_page
from tests.helpers import hostile_failures
from tests.trainings.conftest import make_session, make_training
from trainings import registration as service
from trainings.models import Provider, SeminarIndexPage, SeminarPage, Session, TrainingPage

pytestmark = pytest.mark.django_db


def titles(response):
    return [
        html.unescape(t)
        for t in re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', response.content.decode())
    ]


@pytest.fixture
def trainings(catalog):
    cidff = Provider.objects.get(name="CIDFF")
    pf59 = Provider.objects.get(name="Planning familial 59 (PF59)")
    droits = make_training(
        catalog,
        title="Droits des victimes",
        provider=cidff,
        themes=["violences-conjugales"],
        format=TrainingPage.Format.IN_PERSON,
    )
    make_session(droits, days=40, territory="douaisis", capacity=2)
    consent = make_training(
        catalog,
        title="Éducation au consentement",
        provider=pf59,
        themes=["prevention"],
        format=TrainingPage.Format.ONLINE,
    )
    make_session(consent, days=5, online=True, capacity=None)
    archived = make_training(catalog, title="Colloque 2024", provider=cidff)
    make_session(archived, days=-300)
    full = make_training(catalog, title="Formation complète", provider=pf59)
    full_session = make_session(full, days=20, territory="avesnois", capacity=1)
    from accounts.models import User

    service.register(User.objects.create_user("plein@exemple.fr", "x"), full_session.pk)
    return {"droits": droits, "consent": consent, "archived": archived, "full": full}


def test_upcoming_trainings_soonest_first_and_past_ones_archived(client, trainings):
    assert titles(client.get("/formations/")) == [
        "Éducation au consentement",
        "Formation complète",
        "Droits des victimes",
    ]
    assert titles(client.get("/formations/?periode=passees")) == ["Colloque 2024"]


def test_filters_combine(client, trainings):
    cidff = Provider.objects.get(name="CIDFF").pk
    assert titles(client.get(f"/formations/?organisme={cidff}")) == ["Droits des victimes"]
    assert titles(client.get("/formations/?format=distanciel")) == ["Éducation au consentement"]
    assert titles(client.get("/formations/?theme=prevention&format=presentiel")) == []
    # Online sessions are open to every territory.
    assert titles(client.get("/formations/?territoire=douaisis")) == [
        "Éducation au consentement",
        "Droits des victimes",
    ]
    assert titles(client.get("/formations/?places=1")) == ["Éducation au consentement", "Droits des victimes"]
    month = (timezone.localtime(timezone.now()) + datetime.timedelta(days=40)).strftime("%Y-%m")
    assert "Droits des victimes" in titles(client.get(f"/formations/?mois={month}"))


def status_text(response):
    """The result count line ("<p role=status>"), as read aloud."""
    found = re.search(r'<p role="status"[^>]*>(.*?)</p>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_counts_are_singular_for_zero_and_one(client, trainings):
    assert status_text(client.get("/formations/?theme=prevention&format=presentiel")) == (
        "0 formation avec des sessions à venir correspondant aux filtres"
    )
    assert status_text(client.get("/formations/?format=distanciel")) == (
        "1 formation avec des sessions à venir correspondant aux filtres"
    )
    assert status_text(client.get("/formations/?territoire=douaisis")) == (
        "2 formations avec des sessions à venir correspondant aux filtres"
    )


def test_listing_shows_places_left_and_full_sessions(client, trainings):
    body = html.unescape(client.get("/formations/").content.decode())
    assert "— complet" in body
    assert "— 2 places" in body


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=9999",
        "page=abc",
        "organisme=abc",
        "organisme=999999",
        "format=%3Cscript%3E",
        "mois=2026-13",
        "mois=x",
        "territoire=paris",
        "theme=inconnu",
        "periode=futur",
        "organisme=%C2%B2",  # "²": str.isdigit() says yes, int() refuses it
        "organisme=9223372036854775808",
        "mois=%C2%B2%C2%B2%C2%B2%C2%B2-%C2%B2%C2%B2",
        "page=%C2%B2",
        "page=99999999999999999999",
        "places=%C2%B2",
    ],
)
def test_bad_filters_never_break_the_catalogue(client, trainings, query):
    response = client.get(f"/formations/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_hostile_input_never_breaks_the_catalogue(client, trainings):
    """The shared hostile values (tests/helpers.py) in every parameter, alone, repeated and
    all at once, with forged headers: a 200 every time, nothing echoed unescaped; the past
    trainings' listing and the agenda too."""
    params = ["periode", "organisme", "theme", "format", "territoire", "mois", "places", "page"]
    assert hostile_failures(client, "/formations/", params) == []
    assert hostile_failures(client, "/formations/", params, base={"periode": "passees"}) == []
    assert hostile_failures(client, "/formations/agenda/", ["theme", "organisme"]) == []


def test_agenda_lists_upcoming_public_sessions(client, trainings):
    response = client.get("/formations/agenda/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 3
    assert "Colloque 2024" not in body


def test_catalogue_query_count_stays_flat(client, catalog):
    def add(count):
        for _ in range(count):
            training = make_training(catalog, themes=["prevention"])
            make_session(training, capacity=5)
            make_session(training, days=30, capacity=5)

    add(3)
    client.get("/formations/?theme=prevention")  # warm the caches like any running server
    with CaptureQueriesContext(connection) as small:
        client.get("/formations/?theme=prevention")
    add(17)
    client.get("/formations/?theme=prevention")  # the new trainings invalidated them
    with CaptureQueriesContext(connection) as large:
        client.get("/formations/?theme=prevention")
    assert len(small.captured_queries) == len(large.captured_queries)
    assert len(large.captured_queries) <= 20


@pytest.fixture
def seminars(db):
    index = ensure_page(get_home_page(), SeminarIndexPage, "seminaires", title="Séminaires")
    today = timezone.localdate()
    upcoming = SeminarPage(
        title="Séminaire annuel 2026",
        slug="seminaire-2026",
        date=today + datetime.timedelta(days=30),
        venue="Hôtel du Département",
    )
    index.add_child(instance=upcoming)
    upcoming.save_revision().publish()
    past = SeminarPage(
        title="Séminaire annuel 2025", slug="seminaire-2025", date=today - datetime.timedelta(days=300)
    )
    index.add_child(instance=past)
    past.save_revision().publish()
    make_session(upcoming, days=30, capacity=150)
    return upcoming, past


def test_seminar_index_splits_upcoming_and_past(client, seminars):
    body = client.get("/seminaires/").content.decode()
    assert (
        body.index("Séminaire annuel 2026")
        < body.index("Éditions passées")
        < body.index("Séminaire annuel 2025")
    )


def test_seminar_registration_reuses_the_sessions(client, seminars, demo_users):
    upcoming, _ = seminars
    session = upcoming.sessions.get()
    client.force_login(demo_users["referent"])
    assert client.post(f"/inscriptions/session/{session.pk}/").status_code == 302
    assert "Votre inscription : <strong>Confirmée</strong>" in client.get(upcoming.url).content.decode()


ROLES = ["anonymous", "professionnel", "referent", "editeur", "moderateur"]


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, trainings, demo_users, role):
    session = Session.objects.get(page=trainings["droits"])
    if role != "anonymous":
        client.force_login(demo_users[role])
    assert client.get("/formations/").status_code == 200
    assert client.get(trainings["droits"].url).status_code == 200
    register = client.post(f"/inscriptions/session/{session.pk}/")
    if role == "anonymous":
        assert register.status_code == 302 and "/compte/connexion/" in register["Location"]
        return
    assert register.status_code == 302
    registration = session.registrations.get(user=demo_users[role])
    assert client.post(f"/inscriptions/{registration.pk}/annuler/", {"confirmer": "oui"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "annulee"
