"""The contact page: the form sends an e-mail through the task worker to the portal's contact
address; robots (honeypot, too fast, forged token) and bad input are refused in French."""

import re
import time

import pytest

from django.core import mail, signing

from wagtail.models import Site

from demo.builders.home import DEMO_CONTACT_EMAIL
from home.forms import TOKEN_SALT
from home.models import ContactPage, PortalSettings

pytestmark = pytest.mark.django_db

URL = "/contact/"


def token(age=60):
    return signing.dumps({"shown_at": int(time.time()) - age}, salt=TOKEN_SALT, compress=False)


def valid_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille.martin@example.fr",
        "subject": "formation",
        "message": "Bonjour, la session de mars est-elle ouverte aux assistantes sociales ?",
        "token": token(),
        "site_web": "",
    }
    data.update(overrides)
    return data


def error_summary(html):
    match = re.search(r'<div class="form-errors error-summary".*?</div>', html, re.S)
    assert match, "the error summary is shown"
    return match.group(0)


def test_contact_page_exists_with_its_form(client, site_skeleton):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Nous contacter</h1>" in html
    for label in ["Votre nom", "Votre adresse e-mail", "Objet de votre message", "Votre message"]:
        assert label in html
    assert 'name="token"' in html and 'name="site_web"' in html
    assert "Vos données" in html, "the information notice is shown"
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert ContactPage.objects.live().count() == 1


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """The real worker, until the queue is empty (inside the test's transaction, as in
    tests/trainings/test_tasks.py)."""
    from unittest import mock

    from django.core.management import call_command

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_sending_the_form_emails_the_contact_address_through_the_task_queue(client, site_skeleton, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    response = client.post(URL, valid_data())
    assert response.status_code == 302
    assert response["Location"] == "/contact/envoye/"
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "home.tasks.send_contact_message_task"
    assert mail.outbox == [], "the worker sends the mail, not the request"
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [DEMO_CONTACT_EMAIL]
    assert message.reply_to == ["Camille Martin <camille.martin@example.fr>"]
    assert "Les formations et les inscriptions" in message.subject
    assert "la session de mars" in message.body
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Votre message a été envoyé" in confirmation.content.decode()


def test_the_message_goes_to_the_address_set_in_the_portal_settings(client, site_skeleton):
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.contact_email = "odpe-nouvelle@example.fr"
    portal_settings.save()
    assert client.post(URL, valid_data()).status_code == 302
    assert mail.outbox[0].to == ["odpe-nouvelle@example.fr"]
    assert "odpe-nouvelle@example.fr" in client.get("/").content.decode(), "the footer follows"


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"site_web": "http://spam.example"}, "honeypot filled"),
        ({"token": lambda: token(age=0)}, "sent too fast"),
        ({"token": "forged"}, "forged token"),
        ({"token": ""}, "no token"),
    ],
)
def test_robot_like_submissions_are_refused_in_french_without_mail(client, site_skeleton, overrides, reason):
    overrides = {key: value() if callable(value) else value for key, value in overrides.items()}
    response = client.post(URL, valid_data(**overrides))
    assert response.status_code == 400, reason
    html = response.content.decode()
    summary = error_summary(html)
    assert "Votre message n&#x27;a pas été envoyé" in summary, reason
    assert "Camille Martin" in html, "what the visitor typed is kept"
    assert mail.outbox == [], reason


def test_an_expired_form_asks_to_send_again(client, site_skeleton, settings):
    response = client.post(URL, valid_data(token=token(age=settings.CONTACT_MAX_AGE_SECONDS + 60)))
    assert response.status_code == 400
    assert "ouvert il y a trop longtemps" in error_summary(response.content.decode())
    assert mail.outbox == []


def test_a_refused_form_can_be_sent_once_corrected(client, site_skeleton, settings):
    settings.CONTACT_MIN_SECONDS = 0
    response = client.post(URL, valid_data(email="pas-une-adresse"))
    assert response.status_code == 400
    fresh_token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    assert client.post(URL, valid_data(token=fresh_token)).status_code == 302
    assert len(mail.outbox) == 1


def test_bad_input_is_answered_with_french_errors_and_the_summary(client, site_skeleton):
    response = client.post(
        URL, valid_data(name="", email="pas-une-adresse", subject="inconnu", message="", token=token())
    )
    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    assert "Le formulaire contient 4 erreurs" in summary
    assert '<a href="#id_name">' in summary
    assert "Indiquez votre nom" in summary
    assert "Indiquez une adresse e-mail valide" in summary
    assert "Choisissez l&#x27;objet de votre message" in summary
    assert "Écrivez votre message" in summary
    assert mail.outbox == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": "Camille\r\nBcc: victime@example.fr"},
        {"message": "x" * 6000},
        {"email": "a@" + "b" * 300 + ".fr"},
        {"subject": "x" * 10000},
        {"token": "é" * 5000},
    ],
)
def test_hostile_input_never_errors(client, site_skeleton, overrides):
    response = client.post(URL, valid_data(**overrides))
    assert response.status_code == 400
    assert mail.outbox == []


def test_subject_can_be_preselected_from_the_address(client, site_skeleton):
    html = client.get(URL + "?objet=accessibilite").content.decode()
    assert '<option value="accessibilite" selected>' in html


def test_senders_are_rate_limited(client, site_skeleton, settings):
    settings.CONTACT_RATE_LIMITS = "2/h/key"
    for _ in range(2):
        assert client.post(URL, valid_data()).status_code == 302
    response = client.post(URL, valid_data())
    assert response.status_code == 429
    assert "Réessayez dans une heure" in error_summary(response.content.decode())
    assert len(mail.outbox) == 2


def test_footer_shows_the_contact_form_and_address_on_every_page(client, site_skeleton):
    for url in ["/", "/mentions-legales/", "/recherche/", "/plan-du-site/"]:
        html = client.get(url).content.decode()
        footer = html[html.index('<footer role="contentinfo"') :]
        assert '<a href="/contact/">écrire à l\'équipe du portail</a>' in footer, url
        assert f'<a href="mailto:{DEMO_CONTACT_EMAIL}">{DEMO_CONTACT_EMAIL}</a>' in footer, url


def test_403_page_gives_the_contact(client, site_skeleton, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.get("/boite-a-outils/animer-un-temps-de-co-formation/")
    assert response.status_code == 403
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'href="/contact/?objet=' in main
    assert f"mailto:{DEMO_CONTACT_EMAIL}" in main


@pytest.mark.parametrize(
    ("url", "subject"),
    [("/accessibilite/", "accessibilite"), ("/donnees-personnelles/", "donnees-personnelles")],
)
def test_legal_pages_that_mention_the_contact_link_to_it(client, site_skeleton, url, subject):
    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert f'href="/contact/?objet={subject}"' in main
    assert f"mailto:{DEMO_CONTACT_EMAIL}" in main
