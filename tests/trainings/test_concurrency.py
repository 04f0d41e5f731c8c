"""Capacity holds under a rush: 50 people register at the same instant for 10 places,
each through a real HTTP request on its own database connection (PostgreSQL)."""

import pytest

from django.db import connection
from django.test import Client

from accounts.models import User
from demo.builders.common import ensure_page, get_home_page
from tests.conftest import require_service
from tests.helpers import run_simultaneously
from tests.trainings.conftest import make_session, make_training
from trainings.models import Registration, TrainingCatalogPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 50
CAPACITY = 10


def test_fifty_simultaneous_registrations_never_exceed_ten_places():
    require_service(
        connection.vendor == "postgresql",
        "le test de concurrence demande PostgreSQL (vraies connexions simultanées) ; base actuelle : "
        + connection.vendor,
    )
    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    session = make_session(make_training(catalog, title="Formation très demandée"), capacity=CAPACITY)
    users = [User.objects.create_user(f"ruee{index}@exemple.fr", "x") for index in range(PEOPLE)]
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)

    statuses = run_simultaneously(
        PEOPLE, lambda index: clients[index].post(f"/inscriptions/session/{session.pk}/").status_code
    )

    assert statuses == [302] * PEOPLE, f"every request answered with a redirect, no error: {statuses}"
    registrations = Registration.objects.filter(session=session)
    assert registrations.count() == PEOPLE, "nothing lost"
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == CAPACITY
    assert registrations.filter(status=Registration.Status.WAITING).count() == PEOPLE - CAPACITY
