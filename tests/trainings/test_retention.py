"""Personal data of registrations: export, anonymisation on account deletion and after the
retention period (counts survive), and the J-3 reminder."""

import datetime
import json

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from tests.trainings.conftest import make_session
from trainings import registration as service
from trainings.models import Registration, Session

pytestmark = pytest.mark.django_db


def past_registration(session_page, user, months_ago, attendance="present"):
    starts = timezone.now() - datetime.timedelta(days=31 * months_ago)
    session = Session.objects.create(
        page=session_page, starts_at=starts, ends_at=starts + datetime.timedelta(hours=6), capacity=20
    )
    return Registration.objects.create(
        session=session,
        user=user,
        status=Registration.Status.CONFIRMED,
        attendance=attendance,
        service=user.service,
        territory=user.territory,
    )


def test_deleting_an_account_keeps_anonymised_registration_counts(client, training, demo_users):
    person = demo_users["professionnel"]
    upcoming = make_session(training, capacity=5)
    service.register(person, upcoming.pk)
    past_registration(training, person, months_ago=3)
    assert Registration.objects.filter(user=person).count() == 2

    client.force_login(person)
    response = client.post("/compte/profil/supprimer/", {"password": "demo-vif-2026", "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email="professionnel@exemple.fr").exists()
    registrations = Registration.objects.filter(session__page=training)
    assert registrations.count() == 2, "counts survive for statistics"
    assert all(r.user_id is None and r.anonymised_at for r in registrations)
    assert {r.territory for r in registrations} == {"douaisis"}, "categories kept, identity gone"
    assert registrations.filter(attendance="present").count() == 1


def test_data_export_includes_registrations(client, training, demo_users):
    person = demo_users["referent"]
    service.register(person, make_session(training).pk)
    client.force_login(person)
    data = json.loads(client.get("/compte/profil/mes-donnees.json").content)
    [row] = data["inscriptions"]
    assert row["formation"] == "Emprise et mécanismes des violences" and row["statut"] == "Confirmée"


def test_retention_purge_anonymises_old_registrations_only(training, demo_users, settings):
    settings.REGISTRATION_RETENTION_MONTHS = 24
    old = past_registration(training, demo_users["referent"], months_ago=30)
    recent = past_registration(training, demo_users["professionnel"], months_ago=6)
    call_command("purge_registrations", verbosity=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.user_id is None and old.anonymised_at is not None and old.attendance == "present"
    assert recent.user_id == demo_users["professionnel"].pk
    assert User.objects.filter(pk=demo_users["referent"].pk).exists(), "the account itself stays"


def test_retention_dry_run_changes_nothing(training, demo_users, capsys):
    old = past_registration(training, demo_users["referent"], months_ago=30)
    call_command("purge_registrations", dry_run=True)
    assert "1 inscription(s) seraient anonymisées" in capsys.readouterr().out
    old.refresh_from_db()
    assert old.user_id is not None


def test_reminder_three_days_before_is_sent_once(training, demo_users):
    soon = make_session(training, days=2, capacity=5)
    later = make_session(training, days=10, capacity=5)
    service.register(demo_users["referent"], soon.pk)
    service.register(demo_users["referent"], later.pk)
    mail.outbox.clear()
    call_command("send_session_reminders", verbosity=0)
    call_command("send_session_reminders", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith(
        "[Portail VIF Nord] Rappel : Emprise et mécanismes des violences"
    )
    assert mail.outbox[0].attachments[0][0].endswith(".ics")
