"""Live webinars reuse the trainings' sessions: registration on the page, the joining link
sent by e-mail to those registered and never shown on the site."""

import pytest

from django.core import mail
from django.urls import reverse

from trainings.models import Registration

from .conftest import online_session

pytestmark = pytest.mark.django_db
JOIN_URL = "https://visio.exemple.fr/odpe/secret-12345"


@pytest.fixture
def live(webinar_factory):
    return webinar_factory(
        title="Webinaire en direct",
        days=10,
        video=None,
        captions="",
        chapters=(),
        sessions=[online_session(days=10)],
    )


def test_the_page_offers_registration(client, live):
    html = client.get(live.url).content.decode()
    assert "Sessions et inscription" in html
    assert "Se connecter pour s&#x27;inscrire" in html or "Se connecter pour s'inscrire" in html
    assert "En ligne" in html
    assert "Le lien de connexion au webinaire est envoyé par e-mail aux personnes inscrites." in html
    assert JOIN_URL not in html
    assert "<video" not in html and "bientôt disponible" not in html


def test_registration_mails_the_joining_link_and_never_shows_it(
    client, live, demo_users, django_capture_on_commit_callbacks
):
    user = demo_users["professionnel"]
    client.force_login(user)
    session = live.sessions.get()
    assert (
        'action="{}"'.format(reverse("register", args=[session.pk])) in client.get(live.url).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("register", args=[session.pk]))
    assert response.status_code == 302
    registration = Registration.objects.get(session=session, user=user)
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    assert JOIN_URL in mail.outbox[0].body
    assert live.title in mail.outbox[0].subject
    html = client.get(live.url).content.decode()
    assert "Votre inscription" in html
    assert JOIN_URL not in html
    assert JOIN_URL not in client.get("/webinaires/").content.decode()


def test_a_past_webinar_without_recording_says_so(client, webinar_factory):
    webinar = webinar_factory(days=-2, video=None)
    html = client.get(webinar.url).content.decode()
    assert "L'enregistrement de ce webinaire sera bientôt disponible." in html or "bientôt disponible" in html
    assert "Sessions et inscription" not in html
