"""One notion of "open for registration": a session whose registration deadline has passed
(or whose registrations have not opened yet) never looks open, on the training page, the
catalogue and its "places disponibles" filter, the home page, the registration view and
the API."""

import datetime
import html
import json
import re

import pytest

from django.utils import timezone

from accounts.models import User
from tests.trainings.conftest import make_session, make_training
from trainings import registration as service
from trainings.models import Session

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def closed(page, capacity=18, **fields):
    """Starts in ten days; its registrations closed an hour ago."""
    return make_session(
        page, days=10, capacity=capacity, registration_deadline=timezone.now() - HOUR, **fields
    )


def text(response):
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def test_queryset_and_property_agree_on_every_state(training):
    now = timezone.now()
    sessions = {
        "open": make_session(training),
        "open, deadline ahead": make_session(training, registration_deadline=now + HOUR),
        "open since an hour": make_session(training, registration_opens_at=now - HOUR),
        "validation": make_session(training, registration_mode=Session.Mode.VALIDATION),
        "external": make_session(
            training, registration_mode=Session.Mode.EXTERNAL, external_registration_url="https://exemple.fr/"
        ),
        "closed": closed(training),
        "closed external": closed(
            training, registration_mode=Session.Mode.EXTERNAL, external_registration_url="https://exemple.fr/"
        ),
        "not yet": make_session(training, registration_opens_at=now + HOUR),
        "past": make_session(training, days=-3),
        "full": make_session(training, capacity=1),
    }
    with service.notifications_muted():
        service.register(User.objects.create_user("plein@exemple.fr", "x"), sessions["full"].pk)

    expected_open = {"open", "open, deadline ahead", "open since an hour", "validation", "external", "full"}
    by_pk = {session.pk: name for name, session in sessions.items()}
    assert {by_pk[pk] for pk in Session.objects.open_for_registration().values_list("pk", flat=True)} == (
        expected_open
    )
    assert {name for name, session in sessions.items() if session.is_open_for_registration} == expected_open
    assert sessions["closed"].registration_state() == "closed"
    assert sessions["closed external"].registration_state() == "closed"
    with_places = {by_pk[pk] for pk in Session.objects.with_places_left().values_list("pk", flat=True)}
    assert with_places == {"open", "open, deadline ahead", "open since an hour"}


def test_training_page_shows_a_closed_session_as_closed(client, training):
    session = closed(training)
    page = text(client.get(training.url))
    assert f'id="session-{session.pk}"' in page
    assert "Inscriptions closes" in page and "Les inscriptions sont closes" in page
    assert "places disponibles" not in page and "badge--success" not in page
    assert "Se connecter pour s'inscrire" not in page


def test_training_page_still_shows_places_of_an_open_session(client, training):
    make_session(training, capacity=18)
    page = text(client.get(training.url))
    assert "18 places disponibles</span> sur 18" in page and "Inscriptions closes" not in page


def test_catalogue_labels_closed_sessions_and_places_filter_leaves_them_out(client, catalog):
    only_closed = make_training(catalog, title="Formation close")
    closed(only_closed)
    still_open = make_training(catalog, title="Formation ouverte")
    make_session(still_open, days=12, capacity=18)

    page = text(client.get("/formations/"))
    assert "Formation close" in page, "an upcoming session stays listed"
    assert "— inscriptions closes" in page
    assert page.count("— 18 places") == 1

    filtered = text(client.get("/formations/", {"places": "1"}))
    assert "Formation ouverte" in filtered and "Formation close" not in filtered
    assert "1 formation avec des sessions à venir" in filtered


def test_home_page_lists_only_sessions_open_for_registration(client, site_skeleton):
    from demo.builders.common import ensure_page, get_home_page
    from trainings.models import TrainingCatalogPage

    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    closed(make_training(catalog, title="Formation close"))
    make_session(make_training(catalog, title="Formation ouverte"), days=12)
    page = text(client.get("/"))
    assert "Prochaines formations" in page
    assert "Formation ouverte" in page and "Formation close" not in page


def test_registering_to_a_closed_session_is_refused(client, training):
    session = closed(training)
    user = User.objects.create_user("pro@exemple.fr", "x")
    client.force_login(user)
    response = client.post(f"/inscriptions/session/{session.pk}/")
    assert response.status_code == 409
    assert "Les inscriptions à cette session sont closes" in text(response)
    assert not session.registrations.exists()


def test_api_says_whether_registration_is_open(client, training):
    closed(training)
    make_session(training, days=12)
    response = client.get(f"/api/v2/pages/{training.pk}/")
    assert response.status_code == 200
    dates = json.loads(response.content)["dates"]
    assert [date["registration_open"] for date in dates] == [False, True]
