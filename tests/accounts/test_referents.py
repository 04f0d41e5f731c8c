"""Referent status (granted by editors in the admin) and the referents' directory."""

import io

import pytest
from openpyxl import load_workbook

from accounts.models import User
from tests.helpers import hostile_failures

pytestmark = pytest.mark.django_db

DIRECTORY = "/boite-a-outils/annuaire/"
NETWORK = "/admin/reseau-referents/"


@pytest.mark.parametrize(
    ("account", "status"),
    [
        (None, 302),
        ("professionnel", 403),
        ("referent", 200),
        ("editeur", 200),
        ("moderateur", 200),
        ("admin", 200),
    ],
)
def test_directory_access_matrix(client, demo_users, account, status):
    if account:
        client.force_login(demo_users[account])
    response = client.get(DIRECTORY)
    assert response.status_code == status
    html = response.content.decode()
    if status == 302:
        assert response["Location"] == "/compte/connexion/?next=/boite-a-outils/annuaire/"
    elif status == 403:
        assert "réservé" in html.lower()
        assert "lefebvre" not in html.lower(), "no referent's name leaks on the refusal page"
    else:
        assert "Sophie Lefebvre" in html


def test_directory_shows_only_listed_referents_and_what_they_share(client, demo_users):
    client.force_login(demo_users["referent"])
    html = client.get(DIRECTORY).content.decode()
    listed = User.objects.filter(groups__name="Référents VIF", directory_listed=True)
    unlisted = User.objects.filter(groups__name="Référents VIF", directory_listed=False)
    assert unlisted.exists() and listed.count() >= 10
    for user in listed:
        assert user.get_full_name() in html
        assert (f"mailto:{user.email}" in html) == user.directory_email
    for user in unlisted:
        assert user.get_full_name() not in html
    assert "professionnel@exemple.fr" not in html and "Thomas Dubois" not in html


def test_directory_filters_by_territory_and_service(client, demo_users):
    client.force_login(demo_users["editeur"])
    html = client.get(DIRECTORY, {"territoire": "valenciennois", "service": "pmi"}).content.decode()
    assert "Sophie Lefebvre" in html
    for user in User.objects.filter(groups__name="Référents VIF", directory_listed=True).exclude(
        territory="valenciennois"
    ):
        assert user.get_full_name() not in html


@pytest.mark.parametrize(
    "query",
    [{"territoire": "paris"}, {"service": "<script>"}, {"page": "abc"}, {"page": "-1"}, {"page": "9999"}],
)
def test_directory_bad_filters_do_not_break(client, demo_users, query):
    client.force_login(demo_users["referent"])
    assert client.get(DIRECTORY, query).status_code == 200


def test_directory_survives_hostile_input(client, demo_users):
    """The shared hostile values (tests/helpers.py) in every parameter, alone, repeated and
    all at once, with forged headers: a 200 every time, nothing echoed unescaped."""
    client.force_login(demo_users["referent"])
    assert hostile_failures(client, DIRECTORY, ["territoire", "service", "page"]) == []


@pytest.mark.parametrize(
    ("account", "allowed"),
    [("editeur", True), ("moderateur", True), ("admin", True), ("referent", False), ("professionnel", False)],
)
def test_network_admin_access_matrix(client, demo_users, account, allowed):
    client.force_login(demo_users[account])
    response = client.get(NETWORK)
    if allowed:
        assert response.status_code == 200
        assert "Sophie Lefebvre" in response.content.decode()
    else:
        assert response.status_code == 302


def test_editor_grants_and_revokes_the_referent_status(client, demo_users):
    professional = demo_users["professionnel"]
    client.force_login(demo_users["editeur"])
    edit_url = f"{NETWORK}edit/{professional.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"is_referent": "on"})
    assert response.status_code == 302
    assert User.objects.get(pk=professional.pk).is_referent

    # The new referent now reaches the directory.
    client.force_login(professional)
    assert client.get(DIRECTORY).status_code == 200

    client.force_login(demo_users["editeur"])
    client.post(edit_url, {})
    assert not User.objects.get(pk=professional.pk).is_referent
    client.force_login(professional)
    assert client.get(DIRECTORY).status_code == 403


def test_editor_cannot_create_or_delete_accounts_nor_change_other_fields(client, demo_users):
    professional = demo_users["professionnel"]
    client.force_login(demo_users["editeur"])
    assert client.get(f"{NETWORK}delete/{professional.pk}/").status_code in (302, 403, 404)
    assert (
        client.post(
            f"{NETWORK}edit/{professional.pk}/",
            {"is_referent": "on", "is_superuser": "on", "email": "x@y.fr"},
        ).status_code
        == 302
    )
    professional.refresh_from_db()
    assert not professional.is_superuser and professional.email == "professionnel@exemple.fr"


def test_network_list_filters_by_territory_and_status(client, demo_users):
    client.force_login(demo_users["editeur"])
    html = client.get(NETWORK, {"territory": "douaisis"}).content.decode()
    assert "Thomas Dubois" in html and "Sophie Lefebvre" not in html
    html = client.get(NETWORK, {"is_referent_flag": "true"}).content.decode()
    assert "Sophie Lefebvre" in html and "Thomas Dubois" not in html


def test_network_export_csv_and_xlsx(client, demo_users):
    client.force_login(demo_users["moderateur"])
    response = client.get(NETWORK, {"export": "csv", "is_referent_flag": "true"})
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    header, *rows = [line for line in body.splitlines() if line]
    assert header.split(",")[:3] == ["Nom", "Prénom", "Adresse e-mail"]
    assert any("referent@exemple.fr" in row for row in rows)
    assert not any("professionnel@exemple.fr" in row for row in rows)

    response = client.get(NETWORK, {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    emails = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"referent@exemple.fr", "professionnel@exemple.fr"} <= emails


def test_referent_cannot_export_the_network(client, demo_users):
    client.force_login(demo_users["referent"])
    response = client.get(NETWORK, {"export": "csv"})
    assert response.status_code == 302
    assert b"@exemple.fr" not in response.content


@pytest.mark.parametrize(
    ("account", "status"), [(None, 302), ("editeur", 403), ("moderateur", 200), ("admin", 200)]
)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_network_export_permission_matrix(client, demo_users, account, status, export):
    """Exporting the network (personal data of every member) needs accounts.export_referents,
    given to moderators: editors still grant the status on screen, but cannot export."""
    if account:
        client.force_login(demo_users[account])
    response = client.get(NETWORK, {"export": export})
    assert response.status_code == status
    if status == 200:
        assert "reseau-referents-vif" in response["Content-Disposition"]
        return
    assert not response.has_header("Content-Disposition")
    if account is None:
        assert response["Location"].startswith("/compte/connexion/?next=/admin/")
    else:
        assert "Accès refusé" in response.content.decode()
        page = client.get(NETWORK).content.decode()
        assert "Sophie Lefebvre" in page and "export=csv" not in page, "the list, without export"


def test_moderators_group_holds_the_export_permissions(demo_users):
    from django.contrib.auth.models import Group

    moderators = Group.objects.get(name="Modérateurs ODPE")
    editors = Group.objects.get(name="Éditeurs ODPE")
    codenames = {"export_referents", "export_registration"}
    assert codenames <= set(moderators.permissions.values_list("codename", flat=True))
    assert not codenames & set(editors.permissions.values_list("codename", flat=True))
