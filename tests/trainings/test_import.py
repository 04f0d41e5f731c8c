"""``manage.py import_trainings``: CSV/XLSX import of the training catalogue and its sessions."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import Page, Revision

from demo.builders.accounts import ensure_user
from demo.builders.common import ensure_page, get_home_page
from tests import helpers
from trainings.models import Registration, Session, TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "trainings" / "samples"
HEADER = [
    "title",
    "provider",
    "summary",
    "themes",
    "audiences",
    "format",
    "duration_hours",
    "cost",
    "funded",
    "session_start",
    "session_end",
    "place",
    "territory",
    "capacity",
    "registration",
    "registration_url",
]


@pytest.fixture
def catalog():
    return ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")


def row(title, provider="CIDFF", **fields):
    return {"title": title, "provider": provider, **fields}


def session(start, end, **fields):
    return {"session_start": start, "session_end": end, **fields}


def write_csv(path, rows, delimiter=",", encoding="utf-8", header=HEADER):
    return helpers.write_csv(path, rows, header, delimiter=delimiter, encoding=encoding)


def run(path, *args):
    """Run the command; returns (stdout, stderr, CommandError or None)."""
    return helpers.run_command("import_trainings", str(path), *args)


def at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def get(title):
    return TrainingPage.objects.get(title=title)


def names(queryset):
    return sorted(term.name for term in queryset.all())


def sessions_of(title):
    return list(get(title).sessions.order_by("starts_at"))


def summary(created=0, updated=0, sessions_created=0, sessions_updated=0, errors=0):
    return (
        f"{created} formation(s) créée(s), {updated} mise(s) à jour ; {sessions_created} session(s) "
        f"créée(s), {sessions_updated} mise(s) à jour ; {errors} ligne(s) en erreur."
    )


def test_good_csv_imports_published_trainings_with_their_sessions(catalog, tmp_path):
    reperage = row(
        "Le reperage systématique en PMI",
        provider="Département du Nord — ODPE",
        summary="Poser la question à chaque entretien.",
        themes="Repérage; Violences conjugales",
        audiences="PMI; CeGIDD",
        format="présentiel",
        duration_hours="7",
        cost="Gratuit",
        funded="oui",
    )
    path = write_csv(
        tmp_path / "formations.csv",
        [
            reperage
            | session(
                "2027-02-04 09:00",
                "2027-02-04 17:00",
                place="Direction territoriale du Douaisis",
                territory="Douaisis",
                capacity="20",
                registration="ouverte",
            ),
            reperage
            | session(
                "2027-03-11 09:30", "2027-03-11 16:30", territory="Avesnois", registration="validation"
            ),
            row(
                "Les droits des victimes",
                format="distanciel",
                duration_hours="3,5",
                funded="non",
            )
            | session("2027-01-19 14:00", "2027-01-19 17:30", place="En ligne", capacity="60"),
            row(
                "DU Violences conjugales",
                provider="DU Violences conjugales",
                format="hybride",
                cost="1 450 €",
            )
            | session(
                "2027-01-15 09:00",
                "2027-06-23 17:00",
                place="Université de Lille",
                territory="Métropole-Lille",
                registration="externe",
                registration_url="https://formation-continue.exemple.fr/du",
            ),
            row("Consentement au collège", provider="PF59", themes="Prévention"),
        ],
    )
    out, err, error = run(path)

    assert error is None, err
    assert err == ""
    assert summary(created=4, sessions_created=4) in out
    assert TrainingPage.objects.count() == 4 and Session.objects.count() == 4
    training = get("Le reperage systématique en PMI")
    assert training.live and not training.has_unpublished_changes
    assert training.get_parent().specific == catalog
    assert training.slug == "le-reperage-systematique-en-pmi"
    assert training.provider.name == "Département du Nord — ODPE"
    assert training.intro == "Poser la question à chaque entretien."
    assert names(training.themes) == ["Repérage", "Violences conjugales"]
    assert names(training.audiences) == ["CeGIDD", "PMI"]
    assert training.format == TrainingPage.Format.IN_PERSON
    assert training.duration_hours == Decimal("7.0")
    assert training.cost == "Gratuit" and training.funded_by_department is True
    first, second = sessions_of("Le reperage systématique en PMI")
    assert (first.starts_at, first.ends_at) == (at("2027-02-04 09:00"), at("2027-02-04 17:00"))
    assert first.place == "Direction territoriale du Douaisis" and first.territory == "douaisis"
    assert first.capacity == 20 and first.registration_mode == Session.Mode.OPEN and not first.online
    assert second.starts_at == at("2027-03-11 09:30") and second.territory == "avesnois"
    assert second.capacity is None and second.registration_mode == Session.Mode.VALIDATION
    # The published revision holds both sessions: editing the page in the admin keeps them.
    assert sorted(item["pk"] for item in training.live_revision.content["sessions"]) == [first.pk, second.pk]

    online = get("Les droits des victimes")
    assert online.format == TrainingPage.Format.ONLINE and online.duration_hours == Decimal("3.5")
    assert online.funded_by_department is False
    (online_session,) = sessions_of("Les droits des victimes")
    assert online_session.online and online_session.place == "" and online_session.capacity == 60

    (du_session,) = sessions_of("DU Violences conjugales")
    assert du_session.registration_mode == Session.Mode.EXTERNAL
    assert du_session.external_registration_url == "https://formation-continue.exemple.fr/du"
    assert du_session.ends_at == at("2027-06-23 17:00")

    without_session = get("Consentement au collège")
    assert without_session.provider.name == "Planning familial 59 (PF59)"
    assert without_session.sessions.count() == 0
    assert without_session.format == TrainingPage.Format.IN_PERSON and without_session.duration_hours is None


def test_semicolon_delimiter_bom_and_french_headers(catalog, tmp_path):
    path = tmp_path / "formations.csv"
    path.write_text(
        "\ufeffTitre;Organisme;Thèmes;Publics;Modalité;Durée;Début;Fin;Lieu;Territoire;Places;Inscription;Remarques\n"
        "Accueillir, écouter, orienter;solfa;violences conjugales;service social de proximité;Présentiel;14;"
        "2027-05-03 09:00;2027-05-04 17:00;Accueil de jour, Lille;metropole-lille;15;Ouverte;à relire\n",
        encoding="utf-8",
    )
    out, err, error = run(path)

    assert error is None, err
    assert err.splitlines() == ["Colonne(s) ignorée(s) : « Remarques »"]
    training = get("Accueillir, écouter, orienter")
    assert training.provider.name == "SOLFA"
    assert names(training.themes) == ["Violences conjugales"]
    assert names(training.audiences) == ["Service social de proximité"]
    (item,) = sessions_of("Accueillir, écouter, orienter")
    assert (
        item.place == "Accueil de jour, Lille" and item.territory == "metropole-lille" and item.capacity == 15
    )


def test_names_match_ignoring_case_accents_and_typography(catalog, tmp_path):
    path = write_csv(
        tmp_path / "formations.csv",
        [
            row("A", provider="planning familial 59", format="PRESENTIEL", funded="Oui")
            | session("2027-01-04 09:00", "2027-01-04 12:00", territory="FLANDRE INTERIEURE"),
            row("B", provider="Departement du Nord - ODPE", format="Hybride", funded="VRAI")
            | session("2027-01-05 09:00", "2027-01-05 12:00", territory="Metropole-Roubaix-Tourcoing"),
            row("C", provider="odpe", audiences="protection de l’enfance")
            | session(
                "2027-01-06 09:00",
                "2027-01-06 12:00",
                territory="Cambresis",
                registration="EXTERNE",
                registration_url="https://exemple.fr/c",
            ),
            row("D", provider="du violences conjugales", funded="non"),
        ],
    )
    out, err, error = run(path)

    assert error is None, err
    assert get("A").provider.name == "Planning familial 59 (PF59)" and get("A").funded_by_department
    assert sessions_of("A")[0].territory == "flandre-interieure"
    assert get("B").provider.name == "Département du Nord — ODPE" and get("B").format == "hybride"
    assert sessions_of("B")[0].territory == "metropole-roubaix-tourcoing"
    assert get("C").provider.name == "Département du Nord — ODPE"
    assert names(get("C").audiences) == ["Protection de l'enfance"]
    assert sessions_of("C")[0].registration_mode == Session.Mode.EXTERNAL
    assert get("D").provider.name == "DU Violences conjugales" and not get("D").funded_by_department


def test_xlsx_with_date_and_time_cells(catalog, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(
        ["Cellules", "CIDFF", None, None, None, "distanciel", 3.5, None, None,
         datetime.datetime(2027, 2, 1, 14, 0), datetime.datetime(2027, 2, 1, 17, 30), None, None, 40]
    )  # fmt: skip
    sheet.append(
        ["Texte", "SOLFA", None, None, None, None, 7, None, None, "2027-02-02 09:00", "2027-02-02 17:00"]
    )
    sheet.append([])
    sheet.append(["Date seule", "SOLFA", None, None, None, None, None, None, None, datetime.date(2027, 2, 3),
                  datetime.datetime(2027, 2, 3, 17, 0)])  # fmt: skip
    path = tmp_path / "formations.xlsx"
    workbook.save(path)

    out, err, error = run(path)

    assert error is not None
    assert err.splitlines() == [
        "Ligne 5 : début de session invalide « 2027-02-03 » (attendu AAAA-MM-JJ HH:MM)"
    ]
    assert summary(created=2, sessions_created=2, errors=1) in out
    (cells,) = sessions_of("Cellules")
    assert (cells.starts_at, cells.ends_at) == (at("2027-02-01 14:00"), at("2027-02-01 17:30"))
    assert cells.online and cells.capacity == 40
    assert get("Cellules").duration_hours == Decimal("3.5")
    assert sessions_of("Texte")[0].starts_at == at("2027-02-02 09:00")


def test_bad_rows_reported_with_line_numbers_and_good_rows_imported(catalog, tmp_path):
    start, end = "2027-03-01 09:00", "2027-03-01 17:00"
    path = write_csv(
        tmp_path / "formations.csv",
        [
            row("Bonne formation 1") | session(start, end),  # line 2
            row("Bonne formation 2", provider="SOLFA"),  # line 3
            row("Organisme inconnu", provider="France Victimes"),  # line 4
            row("Sans organisme", provider=""),  # line 5
            row("", summary="Sans titre"),  # line 6
            row("Thème inconnu", themes="Repérage; Cyberviolences"),  # line 7
            row("Format inconnu", format="webinaire"),  # line 8
            row("Durée", duration_hours="deux jours"),  # line 9
            row("Prise en charge", funded="peut-être"),  # line 10
            row("Date invalide") | session("01/03/2027 09:00", end),  # line 11
            row("Date impossible") | session("2027-02-30 09:00", end),  # line 12
            row("Fin seule", session_end=end),  # line 13
            row("Début seul", session_start=start),  # line 14
            row("Fin avant début") | session(end, start),  # line 15
            row("Territoire") | session(start, end, territory="Pas-de-Calais"),  # line 16
            row("Places") | session(start, end, capacity="0"),  # line 17
            row("Places texte") | session(start, end, capacity="vingt"),  # line 18
            row("Mode") | session(start, end, registration="premier arrivé"),  # line 19
            row("Externe sans lien") | session(start, end, registration="externe"),  # line 20
            row("Lien invalide")
            | session(start, end, registration="externe", registration_url="www.exemple.fr"),
            row("Lien sans externe") | session(start, end, registration_url="https://exemple.fr/"),  # line 22
            row("Lieu sans dates", place="Lille", capacity="12"),  # line 23
            row("Résumé long", summary="x" * 601),  # line 24
            row("Bonne formation 1") | session(start, end),  # line 25: same training and session as line 2
            row("Places exposant") | session(start, end, capacity="²"),  # line 26: isdigit() but not int()
        ],
    )
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 4 : organisme inconnu « France Victimes » (organismes enregistrés : CIDFF, "
        "DU Violences conjugales, Département du Nord — ODPE, Planning familial 59 (PF59), SOLFA)",
        "Ligne 5 : organisme manquant",
        "Ligne 6 : titre manquant",
        "Ligne 7 : thème inconnu « Cyberviolences »",
        "Ligne 8 : format inconnu « webinaire » (attendu : présentiel, distanciel ou hybride)",
        "Ligne 9 : durée invalide « deux jours » (nombre d'heures attendu, par exemple 14 ou 3,5)",
        "Ligne 10 : prise en charge invalide « peut-être » (attendu : oui ou non)",
        "Ligne 11 : début de session invalide « 01/03/2027 09:00 » (attendu AAAA-MM-JJ HH:MM)",
        "Ligne 12 : début de session invalide « 2027-02-30 09:00 » (attendu AAAA-MM-JJ HH:MM)",
        "Ligne 13 : début de session manquant (session_start), obligatoire avec session_end",
        "Ligne 14 : fin de session manquante (session_end), obligatoire avec session_start",
        "Ligne 15 : la fin de session (01/03/2027 09:00) précède son début (01/03/2027 17:00)",
        "Ligne 16 : territoire inconnu « Pas-de-Calais » (territoires : Flandre intérieure, Flandre maritime, "
        "Métropole-Lille, Métropole-Roubaix-Tourcoing, Douaisis, Cambrésis, Valenciennois, Avesnois)",
        "Ligne 17 : nombre de places invalide « 0 » (nombre entier, au moins 1 ; vide : sans limite)",
        "Ligne 18 : nombre de places invalide « vingt » (nombre entier, au moins 1 ; vide : sans limite)",
        "Ligne 19 : mode d'inscription inconnu « premier arrivé » (attendu : ouverte, validation ou externe)",
        "Ligne 20 : lien d'inscription manquant (registration_url), obligatoire quand l'inscription est externe",
        "Ligne 21 : lien d'inscription invalide « www.exemple.fr » (adresse complète attendue, commençant par "
        "https://)",
        "Ligne 22 : lien d'inscription (registration_url) donné pour une inscription qui n'est pas externe : "
        "indiquez « externe » dans la colonne registration ou videz le lien",
        "Ligne 23 : informations de session sans dates (place, capacity) : indiquez session_start et session_end",
        "Ligne 24 : résumé trop long (601 caractères, 600 au maximum)",
        "Ligne 25 : « Bonne formation 1 — session du 01/03/2027 09:00 » figure déjà ligne 2 du fichier",
        "Ligne 26 : nombre de places invalide « ² » (nombre entier, au moins 1 ; vide : sans limite)",
    ]
    assert summary(created=2, sessions_created=1, errors=23) in out
    assert isinstance(error, CommandError)
    assert "23 ligne(s) en erreur" in str(error) and "les lignes valides ont été importées" in str(error)
    assert sorted(TrainingPage.objects.values_list("title", flat=True)) == [
        "Bonne formation 1",
        "Bonne formation 2",
    ]
    assert Session.objects.count() == 1


def test_every_problem_of_a_row_is_reported(catalog, tmp_path):
    path = write_csv(
        tmp_path / "formations.csv",
        [
            row("Bonne"),
            row(
                "Tout faux",
                provider="Inconnu",
                audiences="Police",
                format="mixte",
                funded="bof",
                session_start="2027-13-01 09:00",
                territory="Lens",
                capacity="-3",
            ),
        ],
    )
    out, err, error = run(path)

    assert [line.split(" (")[0] for line in err.splitlines()] == [
        "Ligne 3 : organisme inconnu « Inconnu »",
        "Ligne 3 : public inconnu « Police »",
        "Ligne 3 : format inconnu « mixte »",
        "Ligne 3 : prise en charge invalide « bof »",
        "Ligne 3 : début de session invalide « 2027-13-01 09:00 »",
        "Ligne 3 : fin de session manquante",
        "Ligne 3 : territoire inconnu « Lens »",
        "Ligne 3 : nombre de places invalide « -3 »",
    ]
    assert summary(created=1, errors=1) in out
    assert error is not None
    assert list(TrainingPage.objects.values_list("title", flat=True)) == ["Bonne"]


def test_rows_of_one_training_must_repeat_its_columns(catalog, tmp_path):
    path = write_csv(
        tmp_path / "formations.csv",
        [
            row("Formation", cost="Gratuit", themes="Repérage")
            | session("2027-01-04 09:00", "2027-01-04 17:00"),
            row("Formation", cost="Gratuit", themes="Repérage")
            | session("2027-02-04 09:00", "2027-02-04 17:00"),
            row("formation", cost="200 €", provider="SOLFA")
            | session("2027-03-04 09:00", "2027-03-04 17:00"),
        ],
    )
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 4 : « formation » figure déjà ligne 2 avec d'autres informations (titre, organisme, thèmes, "
        "coût) : une formation sur plusieurs lignes (une par session) doit les répéter à l'identique"
    ]
    assert summary(created=1, sessions_created=2, errors=1) in out
    assert len(sessions_of("Formation")) == 2
    assert get("Formation").revisions.count() == 2  # created with its first session, then the second


def test_rerun_is_idempotent_without_duplicate_sessions_and_applies_updates(catalog, tmp_path):
    rows = [
        row("Emprise", provider="SOLFA", summary="Version 1.", themes="Violences conjugales", cost="Gratuit")
        | session("2027-01-11 09:00", "2027-01-12 17:00", territory="Douaisis", capacity="18"),
        row("Emprise", provider="SOLFA", summary="Version 1.", themes="Violences conjugales", cost="Gratuit")
        | session("2027-02-08 09:00", "2027-02-09 17:00", territory="Cambrésis", capacity="18"),
        row("Droits", funded="oui"),
    ]
    path = write_csv(tmp_path / "formations.csv", rows)
    out, err, error = run(path)
    assert error is None, err
    page_count, session_count, revision_count = (
        Page.objects.count(),
        Session.objects.count(),
        Revision.objects.count(),
    )
    assert session_count == 2

    out, err, error = run(path)
    assert error is None, err
    assert summary(updated=2, sessions_updated=2) in out
    assert (Page.objects.count(), Session.objects.count()) == (page_count, session_count)
    assert Revision.objects.count() == revision_count  # nothing changed: no new revision

    # Registrations on a session survive its update; a session the file no longer lists stays.
    first = sessions_of("Emprise")[0]
    user = ensure_user("inscrite@exemple.fr", "Inès", "Martin")
    Registration.objects.create(session=first, user=user)
    admin_session = Session.objects.create(
        page=get("Emprise"), starts_at=at("2027-06-01 09:00"), ends_at=at("2027-06-01 17:00"), sort_order=5
    )
    rows[0].update(title="  EMPRISE ", summary="Version 2.", capacity="24", place="Salle B")
    rows[1].update(title=" EMPRISE", summary="Version 2.")
    rows[1] |= session("2027-03-08 09:00", "2027-03-09 17:00", territory="Avesnois")
    rows[2].update(funded="non")
    write_csv(path, rows)
    out, err, error = run(path, "--verbosity", "2")

    assert error is None, err
    assert summary(updated=2, sessions_created=1, sessions_updated=1) in out
    assert "Ligne 2 : mise à jour « EMPRISE — session du 11/01/2027 09:00 »" in out
    assert Page.objects.count() == page_count
    training = TrainingPage.objects.get(slug="emprise")
    assert training.title == "EMPRISE" and training.intro == "Version 2."
    assert [item.starts_at for item in training.sessions.order_by("starts_at")] == [
        at("2027-01-11 09:00"),
        at("2027-02-08 09:00"),
        at("2027-03-08 09:00"),
        at("2027-06-01 09:00"),
    ]
    first.refresh_from_db()
    assert first.capacity == 24 and first.place == "Salle B" and first.registrations.count() == 1
    assert Session.objects.filter(pk=admin_session.pk).exists()
    assert len(training.live_revision.content["sessions"]) == 4
    assert get("Droits").funded_by_department is False

    out, err, error = run(path)
    assert summary(updated=2, sessions_updated=2) in out
    assert Session.objects.count() == 4


def test_dry_run_writes_nothing(catalog, tmp_path):
    rows = [
        row("Formation") | session("2027-01-04 09:00", "2027-01-04 17:00"),
        row("Formation") | session("2027-02-04 09:00", "2027-02-04 17:00"),
        row("Erreur", provider=""),
    ]
    path = write_csv(tmp_path / "formations.csv", rows)
    page_count, revision_count = Page.objects.count(), Revision.objects.count()

    out, err, error = run(path, "--dry-run", "--verbosity", "2")

    assert "Simulation (--dry-run), rien n'a été enregistré : " in out
    assert summary(created=1, sessions_created=2, errors=1) in out
    assert "Ligne 3 : serait mise à jour « Formation — session du 04/02/2027 09:00 »" in out
    assert err.splitlines() == ["Ligne 4 : organisme manquant"]
    assert error is not None and "rien n'a été enregistré" in str(error)
    assert (Page.objects.count(), Revision.objects.count(), Session.objects.count()) == (
        page_count,
        revision_count,
        0,
    )

    # Once imported, a dry run announces updates and still changes nothing.
    write_csv(path, rows[:2])
    run(path)
    rows[0].update(capacity="12", cost="Gratuit")
    rows[1].update(cost="Gratuit")
    write_csv(
        path, rows[:2] + [row("Formation", cost="Gratuit") | session("2027-05-04 09:00", "2027-05-04 17:00")]
    )
    out, err, error = run(path, "--dry-run")
    assert error is None, err
    assert summary(updated=1, sessions_created=1, sessions_updated=2) in out
    assert get("Formation").cost == "" and Session.objects.count() == 2
    assert all(item.capacity is None for item in Session.objects.all())


def test_missing_columns_is_a_command_error(catalog, tmp_path):
    path = tmp_path / "formations.csv"
    path.write_text("titre;résumé;thèmes\nUne formation;Résumé;Repérage\n", encoding="utf-8")

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert "Colonne(s) obligatoire(s) absente(s) : provider." in str(error)
    assert TrainingPage.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("absent.csv", None, "Fichier introuvable"),
        ("vide.csv", b"", "est vide"),
        ("cassé.xlsx", b"ceci n'est pas un classeur", "est illisible"),
        ("latin1.csv", "title,provider\nÉtude,CIDFF\n".encode("cp1252"), "UTF-8"),
        ("formations.ods", b"PK", "Format non pris en charge « .ods »"),
    ],
)
def test_unusable_file_is_a_command_error(catalog, tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert expected in str(error)
    assert TrainingPage.objects.count() == 0


def test_missing_catalog_is_a_command_error(db, tmp_path):
    path = write_csv(tmp_path / "formations.csv", [row("Formation")])

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert "Le catalogue des formations" in str(error) and "n'existe pas" in str(error)


def test_crash_in_the_middle_of_a_row_leaves_nothing_half_written(catalog, tmp_path, monkeypatch):
    path = write_csv(
        tmp_path / "formations.csv",
        [
            row("Avant"),
            row("Boum", themes="Repérage") | session("2027-01-04 09:00", "2027-01-04 17:00"),
            row("Après"),
        ],
    )
    original = TrainingPage.save_revision

    def save_revision(page, *args, **kwargs):
        if page.title == "Boum":  # the page and its session exist already at this point
            raise RuntimeError("panne simulée")
        return original(page, *args, **kwargs)

    monkeypatch.setattr(TrainingPage, "save_revision", save_revision)
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 3 : enregistrement impossible, rien n'a été écrit (RuntimeError: panne simulée)"
    ]
    assert summary(created=2, errors=1) in out
    assert error is not None
    assert sorted(TrainingPage.objects.values_list("title", flat=True)) == ["Après", "Avant"]
    assert Session.objects.count() == 0
    index = TrainingCatalogPage.objects.get(pk=catalog.pk)
    assert index.numchild == 2
    assert [page.title for page in index.get_children().order_by("path")] == ["Avant", "Après"]


@pytest.mark.parametrize("name", ["formations-exemple.csv", "formations-exemple.xlsx"])
def test_shipped_example_files_import_cleanly(catalog, name):
    out, err, error = run(SAMPLES / name)

    assert error is None, err
    assert err == ""
    assert summary(created=6, sessions_created=6) in out
    assert TrainingPage.objects.count() == 6 and Session.objects.count() == 6
    grossesse = get("Repérer les violences conjugales pendant la grossesse")
    assert grossesse.provider.name == "Département du Nord — ODPE"
    assert [item.territory for item in grossesse.sessions.order_by("starts_at")] == ["douaisis", "avesnois"]
    assert get("Le dépôt de plainte et ses suites").duration_hours == Decimal("3.5")
    assert get("Le dépôt de plainte et ses suites").sessions.get().online
    assert (
        get("Colloque : violences conjugales et santé des femmes").sessions.get().registration_mode
        == "externe"
    )

    out, err, error = run(SAMPLES / name)
    assert summary(updated=6, sessions_updated=6) in out
    assert TrainingPage.objects.count() == 6 and Session.objects.count() == 6


def test_example_files_hold_the_same_trainings(catalog):
    run(SAMPLES / "formations-exemple.csv")
    revisions = Revision.objects.count()

    out, err, error = run(SAMPLES / "formations-exemple.xlsx")

    assert error is None, err
    assert summary(updated=6, sessions_updated=6) in out
    assert Revision.objects.count() == revisions  # the XLSX changed nothing the CSV had imported
