"""Mon espace: edit one's details, download one's data, delete one's account."""

import csv
import io
import json

import pytest
from allauth.account.models import EmailAddress

from accounts import personal_data
from accounts.models import User

pytestmark = pytest.mark.django_db

PROFILE = {
    "first_name": "Thomas",
    "last_name": "Dubois",
    "service": "ssp",
    "territory": "cambresis",
    "job_title": "Travailleur social",
}


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    for url in ["/compte/profil/", "/compte/profil/mes-donnees.json", "/compte/profil/supprimer/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/connexion/?next=")


@pytest.mark.parametrize("account", ["professionnel", "referent", "editeur", "moderateur", "admin"])
def test_every_account_reaches_its_own_profile(client, demo_users, account):
    client.force_login(demo_users[account])
    response = client.get("/compte/profil/")
    assert response.status_code == 200
    assert demo_users[account].email in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_referent_sees_a_badge_and_directory_settings(client, demo_users):
    client.force_login(demo_users["referent"])
    html = client.get("/compte/profil/").content.decode()
    assert "Référent·e VIF" in html
    assert 'name="directory_listed"' in html
    client.force_login(demo_users["professionnel"])
    html = client.get("/compte/profil/").content.decode()
    assert "badge--accent" not in html
    assert 'name="directory_listed"' not in html, "only referents appear in the directory"


def test_profile_can_be_edited(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/profil/", PROFILE)
    assert response.status_code == 302
    user = User.objects.get(email="professionnel@exemple.fr")
    assert (user.territory, user.job_title) == ("cambresis", "Travailleur social")
    assert "Vos informations ont été enregistrées." in client.get("/compte/profil/").content.decode()


def test_profile_bad_input_is_refused_in_french_without_saving(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/profil/", {**PROFILE, "territory": "lyon", "first_name": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Erreur : Choisissez un territoire proposé dans la liste." in html
    assert "Erreur : Saisissez votre prénom." in html
    assert User.objects.get(email="professionnel@exemple.fr").territory == "douaisis"


def test_a_user_cannot_make_themselves_referent_through_the_profile_form(client, demo_users):
    client.force_login(demo_users["professionnel"])
    client.post("/compte/profil/", {**PROFILE, "groups": "1", "is_staff": "on", "is_superuser": "on"})
    user = User.objects.get(email="professionnel@exemple.fr")
    assert not user.is_referent and not user.is_staff and not user.is_superuser


def test_data_download_as_json(client, demo_users):
    client.force_login(demo_users["referent"])
    response = client.get("/compte/profil/mes-donnees.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-portail-vif-')
    data = json.loads(response.content)
    assert data["compte"][0]["adresse_email"] == "referent@exemple.fr"
    assert data["compte"][0]["territoire"] == "Valenciennois"
    assert data["compte"][0]["referent_vif"] is True
    assert data["adresses_email"] == [
        {"adresse_email": "referent@exemple.fr", "verifiee": True, "principale": True}
    ]


def test_data_download_as_csv(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.get("/compte/profil/mes-donnees.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["rubrique", "ligne", "champ", "valeur"]
    assert ["compte", "1", "adresse_email", "professionnel@exemple.fr"] in rows


def test_unknown_download_format_is_a_404(client, demo_users):
    client.force_login(demo_users["professionnel"])
    assert client.get("/compte/profil/mes-donnees.xml").status_code == 404


def test_account_deletion_needs_the_password(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/profil/supprimer/", {"password": "mauvais", "confirm": "on"})
    assert response.status_code == 400
    assert "Erreur : Mot de passe incorrect." in response.content.decode()
    assert User.objects.filter(email="professionnel@exemple.fr").exists()


def test_account_deletion_removes_personal_data_and_calls_the_apps_erasers(client, demo_users, monkeypatch):
    erased = []
    monkeypatch.setattr(
        personal_data, "_erasers", [*personal_data._erasers, lambda user: erased.append(user.email)]
    )
    client.force_login(demo_users["professionnel"])
    response = client.post("/compte/profil/supprimer/", {"password": "demo-vif-2026", "confirm": "on"})
    assert response.status_code == 302
    assert erased == ["professionnel@exemple.fr"]
    assert not User.objects.filter(email="professionnel@exemple.fr").exists()
    assert not EmailAddress.objects.filter(email="professionnel@exemple.fr").exists()
    assert client.get("/compte/profil/").status_code == 302, "logged out"
    assert "Votre compte et vos données personnelles ont été supprimés." in client.get("/").content.decode()


def test_a_failing_eraser_deletes_nothing(client, demo_users, monkeypatch):
    def broken(user):
        raise RuntimeError("panne")

    monkeypatch.setattr(personal_data, "_erasers", [broken])
    with pytest.raises(RuntimeError):
        personal_data.erase_user(demo_users["professionnel"])
    assert User.objects.filter(email="professionnel@exemple.fr").exists()
