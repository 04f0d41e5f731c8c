"""Back office of registrations (wagtail-modeladmin): who sees what, filters and search,
exports, the actions on a registration, the attendance sheet, and the cost of the list."""

import csv
import datetime
import html
import io
import itertools

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

from accounts.models import User
from demo.builders.accounts import ascii_slug
from demo.builders.common import ensure_page, get_home_page
from trainings import registration as service
from trainings.models import Provider, Registration, Session, TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db

Status = Registration.Status
LIST = "/admin/inscriptions/"
SESSIONS = "/admin/inscriptions/sessions/"
LOGIN = "/compte/connexion/"
HEADINGS = [
    "Nom",
    "Prénom",
    "Adresse e-mail",
    "Formation ou séminaire",
    "Session",
    "Début de la session",
    "Fin de la session",
    "Lieu",
    "Statut",
    "Présence",
    "Service",
    "Territoire",
    "Demandée le",
    "Décision le",
]


# --- Data -------------------------------------------------------------------------------------


def make_training(title, slug):
    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    page = TrainingPage(title=title, slug=slug, provider=Provider.objects.first())
    catalog.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_session(page, days=10, capacity=None, **fields):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return Session.objects.create(
        page=page, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3), capacity=capacity, **fields
    )


def make_person(first_name, last_name, service_="pmi", territory="avesnois"):
    email = f"{ascii_slug(first_name)}.{ascii_slug(last_name)}@exemple.fr"
    return User.objects.create_user(
        email, "x", first_name=first_name, last_name=last_name, service=service_, territory=territory
    )


def start_session_now(session):
    """Registering needs a future session; marking attendance needs a started one."""
    now = timezone.now()
    Session.objects.filter(pk=session.pk).update(
        starts_at=now - datetime.timedelta(hours=2), ends_at=now + datetime.timedelta(hours=1)
    )


@pytest.fixture
def data(demo_users):
    """Two trainings. "Parole": 2 places, Inès and Hugo confirmed, Léa waiting. "Conjugales":
    on validation, Nora and Paul waiting for a decision. Plus a cancelled registration."""
    parole = make_training("Recueillir la parole de l'enfant", "parole-enfant")
    conjugales = make_training("Violences conjugales : repérer et orienter", "violences-conjugales")
    parole_session = make_session(parole, capacity=2, place="Maison départementale", territory="avesnois")
    conjugales_session = make_session(
        conjugales,
        days=20,
        capacity=5,
        registration_mode=Session.Mode.VALIDATION,
        label="Session de printemps",
    )
    other_parole_session = make_session(parole, days=40, label="Session d'automne")
    people = {
        "ines": make_person("Inès", "Carpentier", "pmi", "valenciennois"),
        "hugo": make_person("Hugo", "Delattre", "ssp", "douaisis"),
        "lea": make_person("Léa", "Vandamme", "css", "avesnois"),
        "nora": make_person("Nora", "Haddad", "protection_enfance", "cambresis"),
        "paul": make_person("Paul", "Lemaire", "pmi", "metropole-lille"),
        "zoe": make_person("Zoé", "Brunet", "autre", "flandre-maritime"),
    }
    registrations = {
        "ines": service.register(people["ines"], parole_session.pk),
        "hugo": service.register(people["hugo"], parole_session.pk),
        "lea": service.register(people["lea"], parole_session.pk),
        "nora": service.register(people["nora"], conjugales_session.pk),
        "paul": service.register(people["paul"], conjugales_session.pk),
        "zoe": service.register(people["zoe"], other_parole_session.pk),
    }
    service.cancel(registrations["zoe"].pk, people["zoe"])
    assert [registrations[key].status for key in ("ines", "hugo", "lea", "nora", "paul")] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
        Status.PENDING,
        Status.PENDING,
    ]
    mail.outbox.clear()
    return {
        "users": demo_users,
        "people": people,
        "registrations": registrations,
        "parole": parole,
        "conjugales": conjugales,
        "parole_session": parole_session,
        "conjugales_session": conjugales_session,
        "other_parole_session": other_parole_session,
    }


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


def text(response):
    return html.unescape(response.content.decode())


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def user_with_permissions(email, *codenames):
    """A staff member with admin access and only the given trainings permissions."""
    group = Group.objects.create(name=f"Groupe {email}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(content_type__app_label="trainings", codename=codename))
    user = User.objects.create_user(email, "x", first_name="Test", last_name="Staff")
    user.groups.add(group)
    return user


def action_url(slug, registration, next_url=None):
    url = f"/admin/inscriptions/{slug}/{registration.pk}/"
    return f"{url}?next={next_url}" if next_url else url


# --- Access ------------------------------------------------------------------------------------


def pages_to_check(data):
    registrations = data["registrations"]
    return {
        "list": LIST,
        "inspect": f"/admin/inscriptions/inspect/{registrations['ines'].pk}/",
        "history": f"/admin/inscriptions/history/{registrations['ines'].pk}/",
        "csv": LIST + "?export=csv",
        "xlsx": LIST + "?export=xlsx",
        "sessions": SESSIONS,
        "sheet": f"/admin/inscriptions/session/{data['parole_session'].pk}/emargement/",
        "accept": action_url("accepter", registrations["nora"]),
        "refuse": action_url("refuser", registrations["nora"]),
        "cancel": action_url("annuler", registrations["ines"]),
    }


@pytest.mark.parametrize(
    ("account", "allowed"),
    [
        (None, False),
        ("professionnel", False),
        ("referent", False),
        ("editeur", True),
        ("moderateur", True),
        ("admin", True),
    ],
)
def test_access_matrix_for_pages(client, data, account, allowed):
    if account:
        client.force_login(data["users"][account])
    for name, url in pages_to_check(data).items():
        response = client.get(url)
        if allowed and account == "editeur" and name in ("csv", "xlsx"):
            # Exports of personal data are the moderators' (test_export_permission_matrix).
            assert response.status_code == 403, name
            assert not response.has_header("Content-Disposition"), name
        elif allowed:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302, name
            assert response["Location"].startswith(LOGIN + "?next=/admin/"), name
            assert not response.has_header("Content-Disposition"), name


@pytest.mark.parametrize("account", [None, "professionnel", "referent"])
@pytest.mark.parametrize(
    ("slug", "key"),
    [("accepter", "nora"), ("refuser", "nora"), ("annuler", "ines"), ("present", "ines"), ("absent", "ines")],
)
def test_actions_are_refused_to_people_without_admin_access(client, data, account, slug, key):
    registration = data["registrations"][key]
    start_session_now(data["parole_session"])
    if account:
        client.force_login(data["users"][account])
    before = Registration.objects.values("status", "attendance").get(pk=registration.pk)
    response = client.post(action_url(slug, registration))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert Registration.objects.values("status", "attendance").get(pk=registration.pk) == before
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("slug", "key", "expected"),
    [
        ("accepter", "nora", Status.CONFIRMED),
        ("refuser", "nora", Status.REFUSED),
        ("annuler", "ines", Status.CANCELLED),
    ],
)
@pytest.mark.parametrize("account", ["editeur", "moderateur", "admin"])
def test_actions_are_allowed_to_editors_moderators_and_admins(client, data, account, slug, key, expected):
    client.force_login(data["users"][account])
    registration = data["registrations"][key]
    response = client.post(action_url(slug, registration))
    assert response.status_code == 302 and response["Location"] == LIST
    assert status_of(registration) == expected


def test_permissions_are_those_of_the_model(client, data):
    """View without export or change: the list, not the exports nor the actions; admin access
    without any registration permission: nothing."""
    viewer = user_with_permissions("lecture@exemple.fr", "view_registration")
    client.force_login(viewer)
    page = text(client.get(LIST))
    assert "Inès Carpentier" in page
    assert "export=csv" not in page and "export=xlsx" not in page
    assert "/admin/inscriptions/accepter/" not in page and "/admin/inscriptions/annuler/" not in page
    for export in ("csv", "xlsx"):
        response = client.get(LIST, {"export": export})
        assert response.status_code == 403
        assert not response.has_header("Content-Disposition")
    nora = data["registrations"]["nora"]
    response = client.post(action_url("accepter", nora))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert status_of(nora) == Status.PENDING

    nobody = user_with_permissions("rien@exemple.fr")
    client.force_login(nobody)
    for url in (LIST, SESSIONS, pages_to_check(data)["sheet"], pages_to_check(data)["inspect"]):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    dashboard = text(client.get("/admin/"))
    assert '"Inscriptions"' not in dashboard

    client.force_login(data["users"]["editeur"])
    dashboard = text(client.get("/admin/"))
    assert '"Inscriptions"' in dashboard and '"Sessions"' in dashboard
    assert '"Organismes de formation"' in dashboard and '"Intervenants"' in dashboard


def test_no_create_nor_edit_view_and_delete_only_for_superusers_on_inactive_records(client, data):
    registrations = data["registrations"]
    client.force_login(data["users"]["admin"])
    assert client.get("/admin/inscriptions/create/").status_code == 404
    assert client.get(f"/admin/inscriptions/edit/{registrations['ines'].pk}/").status_code == 404
    # An active registration must be cancelled first: deleting it would not promote anyone.
    assert client.post(f"/admin/inscriptions/delete/{registrations['ines'].pk}/").status_code == 302
    assert Registration.objects.filter(pk=registrations["ines"].pk).exists()
    client.force_login(data["users"]["moderateur"])
    assert client.post(f"/admin/inscriptions/delete/{registrations['zoe'].pk}/")["Location"] == "/admin/"
    assert Registration.objects.filter(pk=registrations["zoe"].pk).exists()
    client.force_login(data["users"]["admin"])
    response = client.post(f"/admin/inscriptions/delete/{registrations['zoe'].pk}/")
    assert response.status_code == 302 and response["Location"] == LIST
    assert not Registration.objects.filter(pk=registrations["zoe"].pk).exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(registrations["zoe"].pk))
    assert "Brunet" not in entry.label, "the audit log keeps no name"


# --- List, filters, search ---------------------------------------------------------------------

NAMES = {
    "ines": "Inès Carpentier",
    "hugo": "Hugo Delattre",
    "lea": "Léa Vandamme",
    "nora": "Nora Haddad",
    "paul": "Paul Lemaire",
    "zoe": "Zoé Brunet",
}


def listed(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    page = text(response)
    return {key for key, name in NAMES.items() if name in page}


@pytest.mark.parametrize("name", ["formation", "session"])
@pytest.mark.parametrize("value", ["²", "٣", "abc", "-1", "9223372036854775808", "9" * 30])
def test_hostile_filter_ids_list_nobody(client, data, name, value):
    client.force_login(data["users"]["editeur"])
    assert listed(client, **{name: value}) == set()


def test_list_shows_the_columns(client, data):
    client.force_login(data["users"]["editeur"])
    page = text(client.get(LIST))
    for heading in ("Personne", "Adresse e-mail", "Formation ou séminaire", "Session", "Statut", "Présence"):
        assert heading in page
    assert "ines.carpentier@exemple.fr" in page
    assert "Recueillir la parole de l'enfant" in page
    assert "En attente de validation" in page and "Liste d'attente" in page and "Confirmée" in page
    assert "Valenciennois" in page and "PMI (protection maternelle et infantile)" in page
    ines = data["registrations"]["ines"]
    assert f"/admin/inscriptions/inspect/{ines.pk}/" in page
    # Buttons follow the status: decisions for requests, cancelling for active ones.
    nora, zoe = data["registrations"]["nora"], data["registrations"]["zoe"]
    assert (
        f"/admin/inscriptions/accepter/{nora.pk}/" in page
        and f"/admin/inscriptions/refuser/{nora.pk}/" in page
    )
    assert f"/admin/inscriptions/accepter/{ines.pk}/" not in page
    assert (
        f"/admin/inscriptions/annuler/{ines.pk}/" in page
        and f"/admin/inscriptions/annuler/{zoe.pk}/" not in page
    )
    assert f"/admin/inscriptions/present/{ines.pk}/" not in page, (
        "attendance only once the session has started"
    )
    start_session_now(data["parole_session"])
    page = text(client.get(LIST))
    assert (
        f"/admin/inscriptions/present/{ines.pk}/" in page and f"/admin/inscriptions/absent/{ines.pk}/" in page
    )


def test_list_filters(client, data):
    client.force_login(data["users"]["editeur"])
    assert listed(client) == set(NAMES)
    assert listed(client, status__exact=Status.PENDING) == {"nora", "paul"}
    assert listed(client, status__exact=Status.CANCELLED) == {"zoe"}
    assert listed(client, formation=data["parole"].pk) == {"ines", "hugo", "lea", "zoe"}
    assert listed(client, formation=data["conjugales"].pk) == {"nora", "paul"}
    assert listed(client, session=data["other_parole_session"].pk) == {"zoe"}
    assert listed(client, formation=data["parole"].pk, status__exact=Status.CONFIRMED) == {"ines", "hugo"}
    assert listed(client, territory__exact="avesnois") == {"lea"}
    assert listed(client, service__exact="pmi") == {"ines", "paul"}
    assert listed(client, attendance__exact="") == set(NAMES)
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert listed(client, created_at__gte=str(today)) == set(NAMES)
    assert listed(client, created_at__lt=str(today)) == set()
    # The filter panel offers the trainings with sessions, and a training's sessions.
    page = text(client.get(LIST, {"formation": data["parole"].pk}))
    assert "Par formation ou séminaire" in page and "Violences conjugales : repérer et orienter" in page
    assert "Session d'automne" in page and "Session de printemps" not in page


def test_list_search(client, data):
    client.force_login(data["users"]["editeur"])
    assert listed(client, q="carpentier") == {"ines"}
    assert listed(client, q="Nora Haddad") == {"nora"}
    assert listed(client, q="hugo.delattre@exemple") == {"hugo"}
    assert listed(client, q="conjugales") == {"nora", "paul"}
    assert listed(client, q="conjugales lemaire") == {"paul"}
    assert listed(client, q="personne-inconnue") == set()


@pytest.mark.parametrize(
    "params",
    [
        {"formation": "abc"},
        {"session": "'; drop table"},
        {"session__id__exact": "abc"},
        {"inconnu": "1"},
        {"created_at__gte": "pas-une-date"},
        {"o": "zz"},
        {"p": "9999"},
        {"status__exact": "<script>"},
    ],
)
def test_tampered_filters_never_break_the_list(client, data, params):
    client.force_login(data["users"]["editeur"])
    response = client.get(LIST, params)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == LIST
        assert "Ce filtre n'est pas valide" in text(client.get(LIST))


def test_anonymised_registrations_stay_listed_without_identity(client, data):
    from trainings.personal_data import erase_user_registrations

    erase_user_registrations(data["people"]["hugo"])
    client.force_login(data["users"]["editeur"])
    page = text(client.get(LIST, {"formation": data["parole"].pk}))
    assert "Personne anonymisée" in page and "Hugo" not in page


# --- Exports ------------------------------------------------------------------------------------


def test_csv_export_in_french_with_filters(client, data):
    client.force_login(data["users"]["moderateur"])
    response = client.get(LIST, {"export": "csv", "formation": data["parole"].pk})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="inscriptions-vif.csv"'
    rows = list(csv.reader(io.StringIO(body(response).decode("utf-8"))))
    assert rows[0] == HEADINGS
    by_name = {row[0]: dict(zip(HEADINGS, row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"Carpentier", "Delattre", "Vandamme", "Brunet"}
    ines = by_name["Carpentier"]
    assert ines["Prénom"] == "Inès" and ines["Adresse e-mail"] == "ines.carpentier@exemple.fr"
    assert ines["Formation ou séminaire"] == "Recueillir la parole de l'enfant"
    assert ines["Statut"] == "Confirmée" and ines["Présence"] == "Non renseignée"
    assert (
        ines["Service"] == "PMI (protection maternelle et infantile)"
        and ines["Territoire"] == "Valenciennois"
    )
    starts = timezone.localtime(data["parole_session"].starts_at)
    assert ines["Début de la session"] == starts.strftime("%d/%m/%Y %H:%M"), "local time, French format"
    assert ines["Lieu"] == "Maison départementale, Avesnois"
    assert by_name["Vandamme"]["Statut"] == "Liste d'attente"
    assert by_name["Brunet"]["Statut"] == "Annulée"


def test_xlsx_export_in_french(client, data):
    client.force_login(data["users"]["moderateur"])
    response = client.get(LIST, {"export": "xlsx", "status__exact": Status.PENDING})
    assert response.status_code == 200
    assert 'filename="inscriptions-vif.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(body(response))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADINGS
    assert sorted(row[0] for row in rows[1:]) == ["Haddad", "Lemaire"]
    nora = dict(zip(HEADINGS, next(row for row in rows[1:] if row[0] == "Haddad"), strict=True))
    assert nora["Statut"] == "En attente de validation" and nora["Session"] == "Session de printemps"
    starts = timezone.localtime(data["conjugales_session"].starts_at).replace(tzinfo=None)
    assert nora["Début de la session"] == starts, "a real date cell, in local time"


@pytest.mark.parametrize("account", ["referent", "professionnel"])
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_referents_and_professionals_cannot_export(client, data, account, export):
    client.force_login(data["users"][account])
    response = client.get(LIST, {"export": export})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not response.has_header("Content-Disposition")


@pytest.mark.parametrize(
    ("account", "status"), [(None, 302), ("editeur", 403), ("moderateur", 200), ("admin", 200)]
)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_permission_matrix(client, data, account, status, export):
    """Exporting every registration is a permission of its own, the moderators' by default:
    editors handle registrations on screen but get a 403 (and no export button)."""
    if account:
        client.force_login(data["users"][account])
    response = client.get(LIST, {"export": export})
    assert response.status_code == status
    if status == 200:
        assert "inscriptions-vif" in response["Content-Disposition"]
        return
    assert not response.has_header("Content-Disposition")
    if account is None:
        assert response["Location"].startswith(LOGIN + "?next=/admin/")
    else:
        assert "Accès refusé" in response.content.decode()
        assert "export=csv" not in client.get(LIST).content.decode(), "no export button"


# --- Actions ------------------------------------------------------------------------------------


def test_accepting_a_request_confirms_and_emails(client, data, django_capture_on_commit_callbacks):
    client.force_login(data["users"]["editeur"])
    nora = data["registrations"]["nora"]
    back = f"{LIST}?formation={data['conjugales'].pk}"
    confirm = client.get(action_url("accepter", nora, back))
    assert confirm.status_code == 200
    page = text(confirm)
    assert "Accepter la demande d'inscription de Nora Haddad ?" in page
    assert 'name="csrfmiddlewaretoken"' in page and f'value="{back}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url("accepter", nora), {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert status_of(nora) == Status.CONFIRMED and nora.decided_at is not None
    [message] = mail.outbox
    assert message.to == ["nora.haddad@exemple.fr"]
    assert message.subject.startswith("[Portail VIF Nord] Inscription confirmée")
    assert "La demande de Nora Haddad est acceptée : inscription confirmée." in text(client.get(back))
    entry = ModelLogEntry.objects.get(object_id=str(nora.pk), action="trainings.registration.accepter")
    assert entry.user == data["users"]["editeur"] and "Haddad" not in entry.label
    history = text(client.get(f"/admin/inscriptions/history/{nora.pk}/"))
    assert "Demande acceptée" in history


def test_refusing_a_request(client, data, django_capture_on_commit_callbacks):
    client.force_login(data["users"]["moderateur"])
    paul = data["registrations"]["paul"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("refuser", paul))
    assert status_of(paul) == Status.REFUSED
    [message] = mail.outbox
    assert message.to == ["paul.lemaire@exemple.fr"]
    assert message.subject.startswith("[Portail VIF Nord] Demande d'inscription non retenue")
    assert "La demande de Paul Lemaire est refusée." in text(client.get(LIST))


def test_accepting_when_full_keeps_the_person_waiting(client, data, django_capture_on_commit_callbacks):
    client.force_login(data["users"]["editeur"])
    lea = data["registrations"]["lea"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url("accepter", lea))
    assert status_of(lea) == Status.WAITING
    assert "La session est toujours complète : la demande reste en liste d'attente." in text(client.get(LIST))


def test_marking_attendance(client, data):
    client.force_login(data["users"]["editeur"])
    ines, hugo = data["registrations"]["ines"], data["registrations"]["hugo"]
    response = client.post(action_url("present", ines))
    assert response.status_code == 302
    ines.refresh_from_db()
    assert ines.attendance == "", "not before the session starts"
    assert "La présence se renseigne une fois la session commencée." in text(client.get(LIST))

    start_session_now(data["parole_session"])
    client.post(action_url("present", ines))
    client.post(action_url("absent", hugo))
    ines.refresh_from_db()
    hugo.refresh_from_db()
    assert (ines.attendance, hugo.attendance) == ("present", "absent")
    assert ines.status == hugo.status == Status.CONFIRMED
    assert "Hugo Delattre : absence enregistrée." in text(client.get(LIST))
    client.post(action_url("absent", ines))  # a correction
    ines.refresh_from_db()
    assert ines.attendance == "absent"


def test_cancelling_promotes_the_first_person_waiting(client, data, django_capture_on_commit_callbacks):
    client.force_login(data["users"]["editeur"])
    ines, lea = data["registrations"]["ines"], data["registrations"]["lea"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url("annuler", ines))
    assert response.status_code == 302
    assert status_of(ines) == Status.CANCELLED and status_of(lea) == Status.CONFIRMED
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["ines.carpentier@exemple.fr"].startswith("[Portail VIF Nord] Inscription annulée")
    assert subjects["lea.vandamme@exemple.fr"].startswith("[Portail VIF Nord] Une place s'est libérée")
    page = text(client.get(LIST))
    assert "L'inscription de Inès Carpentier est annulée." in page
    assert "Place libérée : Léa Vandamme passe de la liste d'attente à une inscription confirmée." in page


@pytest.mark.parametrize(
    ("slug", "key", "message"),
    [
        ("accepter", "ines", "Seule une demande en attente peut être acceptée ou refusée."),
        ("refuser", "zoe", "Seule une demande en attente peut être acceptée ou refusée."),
        ("present", "lea", "Seule une inscription confirmée peut être marquée présente ou absente."),
        ("absent", "nora", "Seule une inscription confirmée peut être marquée présente ou absente."),
        ("annuler", "zoe", "Cette inscription est déjà annulée ou n'a pas été retenue."),
    ],
)
def test_an_action_on_a_wrong_status_explains_and_changes_nothing(
    client, data, django_capture_on_commit_callbacks, slug, key, message
):
    start_session_now(data["parole_session"])
    start_session_now(data["conjugales_session"])
    client.force_login(data["users"]["editeur"])
    registration = data["registrations"][key]
    before = Registration.objects.values("status", "attendance", "decided_at").get(pk=registration.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(slug, registration))
    assert response.status_code == 302 and response["Location"] == LIST
    assert message in text(client.get(LIST))
    assert Registration.objects.values("status", "attendance", "decided_at").get(pk=registration.pk) == before
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(
        object_id=str(registration.pk), action__startswith="trainings."
    ).exists()
    # The confirmation page is not offered either.
    response = client.get(action_url(slug, registration))
    assert response.status_code == 302 and message in text(client.get(LIST))


def test_tampered_ids_give_404(client, data):
    client.force_login(data["users"]["editeur"])
    ines = data["registrations"]["ines"]
    for url in (
        "/admin/inscriptions/accepter/999999/",
        "/admin/inscriptions/annuler/abc/",
        "/admin/inscriptions/present/-1/",
        "/admin/inscriptions/inspect/999999/",
        "/admin/inscriptions/inspect/99999999999999999999999/",
        "/admin/inscriptions/history/999999/",
        "/admin/inscriptions/session/999999/emargement/",
        "/admin/inscriptions/session/abc/emargement/",
        f"/admin/inscriptions/supprimer-tout/{ines.pk}/",
    ):
        assert client.post(url).status_code == 404, url
        assert client.get(url).status_code == 404, url


def test_actions_need_post_with_csrf_and_a_safe_next(client, data):
    client.force_login(data["users"]["editeur"])
    nora = data["registrations"]["nora"]
    client.get(action_url("accepter", nora))
    assert status_of(nora) == Status.PENDING, "GET only shows the confirmation page"
    assert client.put(action_url("accepter", nora)).status_code == 405
    csrf_client = type(client)(enforce_csrf_checks=True)
    csrf_client.force_login(data["users"]["editeur"])
    assert csrf_client.post(action_url("accepter", nora)).status_code == 403
    assert status_of(nora) == Status.PENDING
    response = client.post(action_url("refuser", nora), {"next": "https://ailleurs.example/"})
    assert response["Location"] == LIST
    assert status_of(nora) == Status.REFUSED


def test_inspect_view_shows_the_details_and_the_actions(client, data):
    client.force_login(data["users"]["editeur"])
    nora = data["registrations"]["nora"]
    back = f"{LIST}?status__exact={Status.PENDING}"
    page = text(client.get(f"/admin/inscriptions/inspect/{nora.pk}/", {"next": back}))
    for expected in (
        "Nora Haddad",
        "nora.haddad@exemple.fr",
        "Violences conjugales : repérer et orienter",
        "Session de printemps",
        "En attente de validation",
        "Protection de l'enfance",
        "Cambrésis",
    ):
        assert expected in page
    assert f'href="{back}"' in page, "back to the list as it was"
    assert f"/admin/inscriptions/accepter/{nora.pk}/?next=" in page
    assert f"/admin/inscriptions/history/{nora.pk}/" in page


# --- Sessions and attendance sheet ----------------------------------------------------------------


def test_attendance_sheet_lists_confirmed_participants_and_counts(client, data):
    session = data["parole_session"]
    start_session_now(session)
    Registration.objects.filter(pk=data["registrations"]["hugo"].pk).update(attendance="present")
    client.force_login(data["users"]["editeur"])
    response = client.get(f"/admin/inscriptions/session/{session.pk}/emargement/")
    assert response.status_code == 200
    page = text(response)
    assert "CARPENTIER Inès" in page and "DELATTRE Hugo" in page
    assert "Vandamme" not in page, "people waiting do not sign"
    for other in ("Haddad", "Lemaire", "Brunet"):
        assert other not in page
    assert "Recueillir la parole de l'enfant" in page and "Maison départementale" in page
    assert "Signature" in page and "@media print" in page
    assert 'data-count="confirmed">2<' in page and "/ 2 places" in page
    assert 'data-count="waiting">1<' in page
    assert 'data-count="pending">0<' in page
    assert 'data-count="attended">1<' in page
    assert f"{LIST}?formation={session.page_id}&session={session.pk}" in page


def test_sessions_list_shows_counts_and_links(client, data):
    client.force_login(data["users"]["moderateur"])
    page = text(client.get(SESSIONS))
    for session in (data["parole_session"], data["conjugales_session"], data["other_parole_session"]):
        assert f"/admin/inscriptions/session/{session.pk}/emargement/" in page
        assert f"{LIST}?formation={session.page_id}&session={session.pk}" in page
    assert "Recueillir la parole de l'enfant" in page and "Session de printemps" in page
    row = page.split(f'data-object-pk="{data["conjugales_session"].pk}"')[1].split("</tr>")[0]
    assert "<strong" in row and ">2</strong>" in row, "requests to decide stand out"
    page = text(client.get(SESSIONS, {"formation": data["conjugales"].pk}))
    assert "Session de printemps" in page and "Session d'automne" not in page


# --- Cost of the lists ----------------------------------------------------------------------------


def fill(session, count):
    for _ in range(count):
        index = next(PEOPLE)
        person = User.objects.create_user(
            f"charge{index}@exemple.fr", "x", first_name="Charge", last_name=f"N{index}", service="pmi"
        )
        service.register(person, session.pk)


PEOPLE = itertools.count(1)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
        body(response)  # a streamed export queries while it is read
    return len(context.captured_queries)


def test_list_queries_do_not_grow_with_the_number_of_registrations(client, data):
    page = make_training("Formation très demandée", "tres-demandee")
    session = make_session(page)
    client.force_login(data["users"]["moderateur"])
    fill(session, 5)
    urls = [LIST, f"{LIST}?session={session.pk}", f"{LIST}?export=csv", f"{LIST}?export=xlsx"]
    client.get(LIST)  # warm caches (content types, site, permissions)
    few = [count_queries(client, url) for url in urls]
    fill(session, 25)
    assert Registration.objects.filter(session=session).count() == 30
    many = [count_queries(client, url) for url in urls]
    assert many == few


def test_sessions_list_queries_do_not_grow_with_the_number_of_sessions(client, data):
    page = make_training("Formation en série", "en-serie")
    client.force_login(data["users"]["editeur"])
    client.get(SESSIONS)
    few = count_queries(client, SESSIONS)
    for days in range(11, 19):
        fill(make_session(page, days=days), 2)
    many = count_queries(client, SESSIONS)
    assert many == few, (few, many)


# --- Snippets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("account", ["editeur", "moderateur"])
def test_providers_and_speakers_are_snippets_for_editors(client, data, account):
    client.force_login(data["users"][account])
    page = text(client.get("/admin/snippets/trainings/provider/", {"q": "SOLFA"}))
    assert "SOLFA" in page and "CIDFF" not in page
    assert client.get("/admin/snippets/trainings/speaker/").status_code == 200
    assert client.get("/admin/snippets/trainings/provider/add/").status_code == 200
