"""Cancelling a registration asks for confirmation first, without JavaScript: "Annuler mon
inscription" opens a page that says what the person loses, and only its "Oui" cancels."""

import datetime
import html
import re

import pytest

from django.core import mail
from django.utils import timezone

from accounts.models import User
from tests.trainings.conftest import make_session
from trainings import registration as service
from trainings.models import Registration, Session

pytestmark = pytest.mark.django_db
Status = Registration.Status


def people(count):
    return [User.objects.create_user(f"pers{index}@exemple.fr", "x") for index in range(count)]


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def cancel_url(registration):
    return f"/inscriptions/{registration.pk}/annuler/"


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


def thursday_session(training, **fields):
    """A session on a known day: Thursday 12 March 2099, 9:00–17:00 (Paris)."""
    starts = timezone.make_aware(datetime.datetime(2099, 3, 12, 9, 0))
    return Session.objects.create(
        page=training, starts_at=starts, ends_at=starts + datetime.timedelta(hours=8), **fields
    )


def test_the_cancel_button_leads_to_a_confirmation_page_that_cancels_nothing(client, training):
    session = thursday_session(training, capacity=10, place="Maison du Département")
    [person] = people(1)
    registration = service.register(person, session.pk)
    client.force_login(person)

    page = client.get(training.url).content.decode()
    link = re.search(r'<a class="button button--secondary" href="([^"]+)">Annuler mon inscription', page)
    assert link, "the training page offers a link to the confirmation, not a one-click form"
    response = client.get(html.unescape(link.group(1)))

    assert response.status_code == 200
    content = text(response)
    assert (
        "Annuler votre inscription à « Emprise et mécanismes des violences » le jeudi 12 mars 2099 ?"
        in content
    )
    assert "le jeudi 12 mars 2099 de 09h00 à 17h00" in content
    assert "Maison du Département" in content
    assert (
        "Votre place sera libérée et proposée aussitôt à la première personne en liste d'attente" in content
    )
    assert "Oui, annuler mon inscription" in content
    back = re.search(
        r'<a class="button button--secondary" href="([^"]+)">Non, garder mon inscription',
        response.content.decode(),
    )
    assert back and back.group(1) == training.url, "« Non » goes back where the person came from"
    assert status_of(registration) == Status.CONFIRMED


def test_the_confirmation_tells_people_waiting_their_rank(client, training):
    session = make_session(training, capacity=1)
    first, second, third = people(3)
    service.register(first, session.pk)
    service.register(second, session.pk)
    waiting = service.register(third, session.pk)
    client.force_login(third)
    content = text(client.get(cancel_url(waiting)))
    assert "Vous êtes 2 e sur la liste d'attente" in content
    assert "En annulant, vous perdez ce rang" in content
    client.force_login(second)
    content = text(client.get(cancel_url(Registration.objects.get(user=second))))
    assert "Vous êtes 1 re sur la liste d'attente : la prochaine place libérée vous reviendra" in content


def test_confirming_cancels_and_promotes_the_first_person_waiting(
    client, training, django_capture_on_commit_callbacks
):
    session = make_session(training, capacity=1)
    first, second, third = people(3)
    kept = service.register(first, session.pk)
    promoted = service.register(second, session.pk)
    still_waiting = service.register(third, session.pk)
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(kept), {"confirmer": "oui", "next": training.url})
    assert response.status_code == 302 and response["Location"] == training.url
    assert (status_of(kept), status_of(promoted), status_of(still_waiting)) == (
        Status.CANCELLED,
        Status.CONFIRMED,
        Status.WAITING,
    )
    assert any(
        message.to == ["pers1@exemple.fr"] and "Une place s'est libérée" in message.subject
        for message in mail.outbox
    )
    assert "Votre inscription à « Emprise et mécanismes des violences » est annulée." in text(
        client.get(training.url)
    )


def test_a_post_without_the_confirmation_cancels_nothing(client, training):
    session = make_session(training, capacity=1)
    first, second = people(2)
    kept = service.register(first, session.pk)
    waiting = service.register(second, session.pk)
    client.force_login(first)
    for data in ({}, {"next": training.url}, {"confirmer": "non"}, {"confirmer": ""}):
        response = client.post(cancel_url(kept), data)
        assert response.status_code == 400
        assert "Votre inscription n'a pas été annulée" in text(response)
        assert "Oui, annuler mon inscription" in text(response), "the page asks again"
    assert (status_of(kept), status_of(waiting)) == (Status.CONFIRMED, Status.WAITING)


def test_someone_elses_registration_is_a_404(client, training):
    session = make_session(training)
    owner, other = people(2)
    registration = service.register(owner, session.pk)
    client.force_login(other)
    for response in (
        client.get(cancel_url(registration)),
        client.post(cancel_url(registration), {"confirmer": "oui"}),
    ):
        assert response.status_code == 404
        assert "Cette inscription n'existe pas ou ne vous appartient pas." in text(response)
        assert "Emprise" not in text(response), "nothing about another person's registration"
    assert status_of(registration) == Status.CONFIRMED


@pytest.mark.parametrize("registration_id", ["999999", "0"])
def test_unknown_registration_is_a_404(client, training, registration_id):
    client.force_login(people(1)[0])
    assert client.get(f"/inscriptions/{registration_id}/annuler/").status_code == 404
    assert client.post(f"/inscriptions/{registration_id}/annuler/", {"confirmer": "oui"}).status_code == 404


def test_an_already_cancelled_registration_says_so(client, training):
    session = make_session(training)
    [person] = people(1)
    registration = service.register(person, session.pk)
    service.cancel(registration.pk, person)
    client.force_login(person)
    for response in (
        client.get(cancel_url(registration)),
        client.post(cancel_url(registration), {"confirmer": "oui"}),
    ):
        assert response.status_code == 409
        assert "Annulation impossible" in text(response)
        assert "Cette inscription est déjà annulée ou n'a pas été retenue." in text(response)


def test_a_started_session_cannot_be_cancelled_online(client, training):
    session = make_session(training)
    [person] = people(1)
    registration = service.register(person, session.pk)
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(person)
    response = client.get(cancel_url(registration))
    assert response.status_code == 409
    assert "La session a commencé" in text(response)


def test_anonymous_visitors_are_sent_to_log_in(client, training):
    session = make_session(training)
    registration = service.register(people(1)[0], session.pk)
    for response in (
        client.get(cancel_url(registration)),
        client.post(cancel_url(registration), {"confirmer": "oui"}),
    ):
        assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    assert status_of(registration) == Status.CONFIRMED


def test_the_way_back_never_leaves_the_site(client, training):
    session = make_session(training)
    [person] = people(1)
    registration = service.register(person, session.pk)
    client.force_login(person)
    for target in ("https://evil.exemple/", "//evil.exemple/", "/\\evil.exemple/", "javascript:alert(1)"):
        page = client.get(cancel_url(registration), {"next": target}).content.decode()
        assert "evil" not in page and "javascript:" not in page
    response = client.post(cancel_url(registration), {"confirmer": "oui", "next": "//evil.exemple/"})
    assert response["Location"] == "/compte/profil/"


def test_mon_espace_links_to_the_confirmation(client, training):
    session = make_session(training)
    [person] = people(1)
    registration = service.register(person, session.pk)
    client.force_login(person)
    profile = client.get("/compte/profil/").content.decode()
    assert f'href="{cancel_url(registration)}"' in profile
    assert f'action="{cancel_url(registration)}"' not in profile, "no one-click cancellation left"
    assert status_of(registration) == Status.CONFIRMED
