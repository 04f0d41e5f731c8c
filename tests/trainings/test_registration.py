"""Registering, the waiting list, cancelling, deciding: from the training page, as a user would."""

import datetime
import html

import pytest

from django.core import mail
from django.utils import timezone

from accounts.models import User
from tests.trainings.conftest import make_session
from trainings import registration as service
from trainings.models import Registration, Session

pytestmark = pytest.mark.django_db
Status = Registration.Status


def people(count, prefix="pro"):
    return [
        User.objects.create_user(f"{prefix}{index}@exemple.fr", "x", first_name=f"P{index}")
        for index in range(count)
    ]


def text(response):
    return html.unescape(response.content.decode())


def post_register(client, session):
    return client.post(f"/inscriptions/session/{session.pk}/")


def test_open_session_confirms_and_emails_with_calendar(
    client, training, demo_users, django_capture_on_commit_callbacks
):
    session = make_session(training, capacity=2, online=True, join_url="https://visio.exemple.fr/secret-123")
    client.force_login(demo_users["professionnel"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_register(client, session)
    assert response.status_code == 302 and response["Location"].endswith(f"#session-{session.pk}")
    registration = Registration.objects.get(session=session, user=demo_users["professionnel"])
    assert registration.status == Status.CONFIRMED
    assert (registration.service, registration.territory) == ("ssp", "douaisis")
    [message] = mail.outbox
    assert message.subject == "[Portail VIF Nord] Inscription confirmée : Emprise et mécanismes des violences"
    assert "Votre inscription est confirmée." in message.body
    assert "https://visio.exemple.fr/secret-123" in message.body, "the joining link goes to confirmed people"
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    content = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in content and "Emprise et m" in content
    page = text(client.get(training.url))
    assert "Votre inscription : <strong>Confirmée</strong>" in page
    assert "Votre inscription est confirmée." in page


def test_full_session_puts_people_on_the_waiting_list(client, training, django_capture_on_commit_callbacks):
    session = make_session(training, capacity=1, online=True, join_url="https://visio.exemple.fr/secret")
    first, second = people(2)
    service.register(first, session.pk)
    with django_capture_on_commit_callbacks(execute=True):
        registration = service.register(second, session.pk)
    assert registration.status == Status.WAITING
    assert mail.outbox[-1].subject.startswith("[Portail VIF Nord] Liste d'attente")
    assert "secret" not in mail.outbox[-1].body, "no joining link for people waiting"


def test_cancellation_promotes_the_first_person_waiting(client, training, django_capture_on_commit_callbacks):
    session = make_session(training, capacity=1)
    first, second, third = people(3)
    kept = service.register(first, session.pk)
    service.register(second, session.pk)
    service.register(third, session.pk)
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/inscriptions/{kept.pk}/annuler/", {"confirmer": "oui"})
    assert response.status_code == 302
    statuses = dict(Registration.objects.filter(session=session).values_list("user__email", "status"))
    assert statuses == {
        "pro0@exemple.fr": Status.CANCELLED,
        "pro1@exemple.fr": Status.CONFIRMED,
        "pro2@exemple.fr": Status.WAITING,
    }
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["pro1@exemple.fr"].startswith("[Portail VIF Nord] Une place s'est libérée")
    assert subjects["pro0@exemple.fr"].startswith("[Portail VIF Nord] Inscription annulée")


def test_registering_again_after_cancelling_reuses_the_row_and_queues_at_the_end(training):
    session = make_session(training, capacity=1)
    first, second = people(2)
    registration = service.register(first, session.pk)
    service.cancel(registration.pk, first)
    service.register(second, session.pk)
    again = service.register(first, session.pk)
    assert again.pk == registration.pk and again.status == Status.WAITING
    assert Registration.objects.filter(session=session, user=first).count() == 1


def test_on_validation_requests_wait_for_a_decision(training, django_capture_on_commit_callbacks):
    session = make_session(training, capacity=1, registration_mode=Session.Mode.VALIDATION)
    first, second, third = people(3)
    requests = [service.register(person, session.pk) for person in (first, second, third)]
    assert {r.status for r in requests} == {Status.PENDING}
    with django_capture_on_commit_callbacks(execute=True):
        assert service.decide(requests[0].pk, accept=True).status == Status.CONFIRMED
        assert service.decide(requests[1].pk, accept=True).status == Status.WAITING, "no place left"
        assert service.decide(requests[2].pk, accept=False).status == Status.REFUSED
    assert mail.outbox[-1].subject.startswith("[Portail VIF Nord] Demande d'inscription non retenue")
    with pytest.raises(service.RegistrationError, match="Seule une demande en attente"):
        service.decide(requests[0].pk, accept=False)


@pytest.mark.parametrize(
    ("session_fields", "message"),
    [
        ({"days": -1}, "Cette session a déjà commencé"),
        (
            {"registration_deadline": timezone.now() - datetime.timedelta(days=1)},
            "Les inscriptions à cette session sont closes depuis le",
        ),
        (
            {"registration_opens_at": timezone.now() + datetime.timedelta(days=2)},
            "Les inscriptions à cette session ouvriront le",
        ),
        (
            {
                "registration_mode": Session.Mode.EXTERNAL,
                "external_registration_url": "https://univ.exemple.fr/du",
            },
            "directement auprès de l'organisme",
        ),
    ],
)
def test_registration_refusals_are_explained_in_french(client, training, demo_users, session_fields, message):
    session = make_session(training, **session_fields)
    client.force_login(demo_users["professionnel"])
    response = post_register(client, session)
    assert response.status_code == 409
    assert message in text(response)
    assert not Registration.objects.filter(session=session).exists()


def test_double_registration_is_refused(client, training, demo_users):
    session = make_session(training)
    client.force_login(demo_users["professionnel"])
    post_register(client, session)
    response = post_register(client, session)
    assert response.status_code == 409
    assert "Vous êtes déjà inscrit·e à cette session." in response.content.decode()
    assert Registration.objects.filter(session=session).count() == 1


@pytest.mark.parametrize("session_id", ["999999", "0"])
def test_tampered_session_id(client, training, demo_users, session_id):
    client.force_login(demo_users["professionnel"])
    response = client.post(f"/inscriptions/session/{session_id}/")
    assert response.status_code == 404
    assert "Cette session n'existe pas ou n'est plus proposée." in text(response)


def test_non_numeric_ids_are_plain_404s(client, demo_users):
    client.force_login(demo_users["professionnel"])
    assert client.post("/inscriptions/session/abc/").status_code == 404
    assert client.post("/inscriptions/1;drop/annuler/").status_code == 404


def test_cannot_cancel_someone_elses_registration(client, training, demo_users):
    session = make_session(training)
    registration = service.register(demo_users["referent"], session.pk)
    client.force_login(demo_users["professionnel"])
    response = client.post(f"/inscriptions/{registration.pk}/annuler/", {"confirmer": "oui"})
    assert response.status_code == 404
    assert "ne vous appartient pas" in text(response)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_cannot_cancel_once_the_session_has_started(training):
    session = make_session(training, days=5)
    person = people(1)[0]
    registration = service.register(person, session.pk)
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(service.RegistrationError, match="La session a commencé"):
        service.cancel(registration.pk, person)


def test_anonymous_visitor_is_sent_to_log_in(client, training):
    session = make_session(training)
    response = post_register(client, session)
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    assert "Se connecter pour s'inscrire" in text(client.get(training.url))


def test_get_requests_do_not_register(client, training, demo_users):
    session = make_session(training)
    client.force_login(demo_users["professionnel"])
    assert client.get(f"/inscriptions/session/{session.pk}/").status_code == 405
    assert not Registration.objects.exists()


def test_sessions_of_unpublished_trainings_cannot_be_joined(client, training, demo_users):
    session = make_session(training)
    training.unpublish()
    client.force_login(demo_users["professionnel"])
    assert post_register(client, session).status_code == 404


def test_the_joining_link_is_never_shown_publicly(client, training, demo_users):
    session = make_session(training, online=True, join_url="https://visio.exemple.fr/secret-456")
    service.register(demo_users["professionnel"], session.pk)
    client.force_login(demo_users["professionnel"])
    for url in [
        training.url,
        f"/inscriptions/session/{session.pk}.ics",
        "/formations/",
        "/formations/agenda/",
        "/compte/profil/",
    ]:
        assert b"secret-456" not in client.get(url).content, url


def test_session_calendar_file(client, training):
    session = make_session(training)
    response = client.get(f"/inscriptions/session/{session.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:Emprise et mécanismes des violences" in body


def test_profile_lists_and_cancels_registrations(client, training, demo_users):
    session = make_session(training)
    client.force_login(demo_users["referent"])
    post_register(client, session)
    profile = text(client.get("/compte/profil/"))
    assert "Mes inscriptions" in profile and "Emprise et mécanismes des violences" in profile
    registration = Registration.objects.get(user=demo_users["referent"])
    response = client.post(f"/inscriptions/{registration.pk}/annuler/", {"confirmer": "oui"})
    assert response["Location"] == "/compte/profil/"
    assert "Vous n'avez pas d'inscription à venir." in text(client.get("/compte/profil/"))
