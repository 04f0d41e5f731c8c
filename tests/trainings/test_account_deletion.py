"""Deleting an account frees its places: its registrations to sessions not yet started are
cancelled (the first person waiting is promoted and told by e-mail, as after a normal
cancellation), past ones stay anonymised for the statistics; all in one transaction; and
the person's other log-in sessions end. Run on PostgreSQL too (DATABASE_URL=postgres://…)."""

import datetime

import pytest

from django.contrib.sessions.models import Session as LoginSession
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts import personal_data
from accounts.models import User
from tests.trainings.conftest import make_session
from trainings import registration as service
from trainings.models import Registration

pytestmark = pytest.mark.django_db

Status = Registration.Status
PASSWORD = "mot-de-passe-solide-2026"


def person(email):
    return User.objects.create_user(email, PASSWORD, first_name=email.split("@")[0], territory="douaisis")


def delete_account(client, user):
    client.force_login(user)
    response = client.post("/compte/profil/supprimer/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_deletion_frees_the_place_and_promotes_the_first_person_waiting(
    client, training, django_capture_on_commit_callbacks
):
    leaving, waiting, second = (
        person("depart@exemple.fr"),
        person("attente@exemple.fr"),
        person("b@exemple.fr"),
    )
    session = make_session(training, capacity=1)
    with service.notifications_muted():
        mine = service.register(leaving, session.pk)
        theirs = service.register(waiting, session.pk)
        service.register(second, session.pk)
    assert (mine.status, theirs.status) == (Status.CONFIRMED, Status.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, leaving)

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Status.CANCELLED and mine.user_id is None and mine.anonymised_at
    assert mine.territory == "douaisis", "the statistics keep the category"
    assert theirs.status == Status.CONFIRMED, "the first person waiting gets the place"
    assert session.registrations.filter(status=Status.WAITING).count() == 1
    [message] = mail.outbox
    assert message.to == ["attente@exemple.fr"]
    assert message.subject.startswith("[Portail VIF Nord] Une place s'est libérée")


def test_deletion_keeps_past_registrations_anonymised_for_statistics(
    client, training, django_capture_on_commit_callbacks
):
    leaving = person("depart@exemple.fr")
    started = make_session(training, capacity=10)
    registration = service.register(leaving, started.pk)
    now = timezone.now()
    type(started).objects.filter(pk=started.pk).update(
        starts_at=now - datetime.timedelta(days=20), ends_at=now - datetime.timedelta(days=20, hours=-6)
    )
    Registration.objects.filter(pk=registration.pk).update(attendance="present")

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, leaving)

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.attendance == "present"
    assert registration.user_id is None and registration.anonymised_at
    assert mail.outbox == []


def test_deletion_is_all_or_nothing(training, monkeypatch, django_capture_on_commit_callbacks):
    leaving, waiting = person("depart@exemple.fr"), person("attente@exemple.fr")
    session = make_session(training, capacity=1)
    with service.notifications_muted():
        mine = service.register(leaving, session.pk)
        theirs = service.register(waiting, session.pk)

    def broken(user):
        raise RuntimeError("panne")

    monkeypatch.setattr(personal_data, "_erasers", [*personal_data._erasers, broken])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        personal_data.erase_user(leaving)

    assert User.objects.filter(pk=leaving.pk).exists()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, mine.user_id) == (Status.CONFIRMED, leaving.pk)
    assert theirs.status == Status.WAITING
    assert mail.outbox == [], "no e-mail about a promotion that was rolled back"


def test_deletion_ends_the_other_log_in_sessions(training):
    leaving, other = person("depart@exemple.fr"), person("autre@exemple.fr")
    laptop, phone, colleague = Client(), Client(), Client()
    for client, user in ((laptop, leaving), (phone, leaving), (colleague, other)):
        assert client.login(email=user.email, password=PASSWORD)
    assert phone.get("/compte/profil/").status_code == 200
    assert LoginSession.objects.count() == 3

    delete_account(laptop, leaving)

    response = phone.get("/compte/profil/")
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    assert LoginSession.objects.count() == 1, "only the colleague's session remains"
    assert colleague.get("/compte/profil/").status_code == 200
