"""Training e-mails as background tasks: with the database backend (production) a
registration stores a task and sends nothing until the worker runs; a rolled-back
registration enqueues nothing; reminders go once even when enqueued twice."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.db import transaction

from tests.trainings.conftest import make_session
from trainings import registration as service
from trainings.models import Registration

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """The real worker, until the queue is empty. Inside the test's transaction: the worker's
    close_old_connections() would close the connection (autocommit is off there)."""
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_registration_mail_waits_for_the_worker(
    client, training, demo_users, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    session = make_session(training, capacity=2)
    client.force_login(demo_users["professionnel"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/inscriptions/session/{session.pk}/")
    assert response.status_code == 302
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "trainings.tasks.send_registration_email_task"
    assert task.status == "READY"
    assert mail.outbox == [], "nothing is sent in the request"

    run_worker()

    [message] = mail.outbox
    assert message.subject == "[Portail VIF Nord] Inscription confirmée : Emprise et mécanismes des violences"
    assert message.to == [demo_users["professionnel"].email]
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"


def test_rolled_back_registration_enqueues_nothing(
    training, demo_users, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    session = make_session(training, capacity=2)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        service.register(demo_users["professionnel"], session.pk)
        raise RuntimeError("la requête échoue après l'inscription")
    assert not DBTaskResult.objects.exists()
    assert not Registration.objects.exists()


def test_reminder_goes_once_even_if_enqueued_twice(training, demo_users, settings):
    session = make_session(training, days=2, capacity=5)
    service.register(demo_users["referent"], session.pk)
    mail.outbox.clear()
    settings.TASKS = DATABASE_TASKS
    call_command("send_session_reminders", verbosity=0)
    call_command("send_session_reminders", verbosity=0)
    assert DBTaskResult.objects.filter(task_path="trainings.tasks.send_reminder_task").count() == 2
    assert mail.outbox == []
    run_worker()
    assert [message.subject for message in mail.outbox] == [
        "[Portail VIF Nord] Rappel : Emprise et mécanismes des violences dans 3 jours"
    ]
    assert Registration.objects.get().reminder_sent_at is not None


def test_reminder_is_released_when_the_mail_server_fails(training, demo_users, settings, monkeypatch):
    session = make_session(training, days=2, capacity=5)
    service.register(demo_users["referent"], session.pk)
    settings.TASKS = DATABASE_TASKS

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("serveur SMTP injoignable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    call_command("send_session_reminders", verbosity=0)
    run_worker()
    assert DBTaskResult.objects.get(task_path="trainings.tasks.send_reminder_task").status == "FAILED"
    assert Registration.objects.get().reminder_sent_at is None, "the next cron run tries again"
