"""Simultaneous sign-ups with the same address: one account, and every other request gets
the answer an existing address always gets (no error page, nothing revealed)."""

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.db import connection
from django.test import Client

from accounts.forms import SignupForm
from accounts.models import User
from tests.conftest import require_service
from tests.helpers import PASSWORD, run_simultaneously, signup_data


@pytest.mark.django_db
def test_an_account_created_between_the_check_and_the_insert_gets_the_existing_address_answer(monkeypatch):
    """Deterministic (any database): another request creates the account after this one's
    "already exists" check and before its insert, as in a race."""
    checked_clean = SignupForm.clean

    def competing_signup_commits_after_the_check(self):
        cleaned_data = checked_clean(self)
        assert not self.account_already_exists
        User.objects.create_user("anne.durand@exemple.fr", PASSWORD, first_name="Première")
        return cleaned_data

    monkeypatch.setattr(SignupForm, "clean", competing_signup_commits_after_the_check)
    response = Client().post("/compte/inscription/", signup_data("Anne.Durand@exemple.fr", "Seconde"))

    assert response.status_code == 302
    assert response["Location"] == "/compte/confirmation-email/", "the answer of an existing address"
    [user] = User.objects.filter(email__iexact="anne.durand@exemple.fr")
    assert user.first_name == "Première", "the first account is kept as it was"
    assert not EmailAddress.objects.exists(), "the failed insert left nothing behind"
    assert not mail.outbox, "the address gets the winning request's confirmation, nothing from this one"


SIMULTANEOUS = 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_simultaneous_signups_with_the_same_address_never_fail():
    require_service(
        connection.vendor == "postgresql",
        "le test de concurrence demande PostgreSQL (vraies connexions simultanées) ; base actuelle : "
        + connection.vendor,
    )
    for attempt in range(3):  # the original report: 6 errors in 30 requests
        email = f"ruee{attempt}@exemple.fr"

        def sign_up(index, email=email):
            client = Client(REMOTE_ADDR=f"192.0.2.{index + 1}")
            response = client.post("/compte/inscription/", signup_data(email, f"Personne {index}"))
            return response.status_code, response.get("Location")

        answers = run_simultaneously(SIMULTANEOUS, sign_up)

        assert answers == [(302, "/compte/confirmation-email/")] * SIMULTANEOUS, (
            f"no error page, and the answer of an existing address for everyone: {answers}"
        )
        assert User.objects.filter(email=email).count() == 1
        assert EmailAddress.objects.filter(email=email).count() == 1
        # allauth sends one e-mail per address every 3 minutes (the confirmation, normally).
        assert [message.to for message in mail.outbox if message.to == [email]] == [[email]]
