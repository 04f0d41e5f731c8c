"""``manage.py import_resources``: CSV/XLSX import of resources into the library."""

import datetime
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from django.conf import settings
from django.core.management.base import CommandError

from wagtail.models import Page

from demo.builders.common import ensure_page, get_home_page
from importing.rows import read_table
from library.models import LibraryDocument, LibraryIndexPage, ResourcePage
from tests import helpers

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "library" / "samples"
PDF_SENTENCE = "Poser la question des violences à chaque consultation de PMI, même sans signe d'alerte."
HEADER = [
    "title",
    "summary",
    "resource_type",
    "themes",
    "audiences",
    "organisation",
    "published",
    "url",
    "file",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def library():
    return ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")


def row(title, resource_type="Guide", published="2024-03-01", **fields):
    return {"title": title, "resource_type": resource_type, "published": published, **fields}


def write_csv(path, rows, delimiter=",", encoding="utf-8", header=HEADER):
    return helpers.write_csv(path, rows, header, delimiter=delimiter, encoding=encoding)


def run(path, *args):
    """Run the command; returns (stdout, stderr, CommandError or None)."""
    return helpers.run_command("import_resources", str(path), *args)


def resources():
    return ResourcePage.objects.order_by("title")


def get(title):
    return ResourcePage.objects.get(title=title)


def names(queryset):
    return sorted(term.name for term in queryset.all())


def test_good_csv_imports_published_resources(library, tmp_path):
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row(
                "Violences conjugales : le guide du repérage en PMI",
                summary="Repérer, poser la question, orienter.",
                themes="Violences conjugales; Repérage",
                audiences="PMI; Encadrement",
                organisation="Département du Nord",
                url="https://lenord.fr/vif",
            ),
            row(
                "Fiche réflexe : que faire face à une révélation de violences ?",
                resource_type="Fiche réflexe",
                published="2023-11-20",
            ),
            row(
                "Affiche 3919",
                resource_type="Support de communication",
                themes="Prévention",
                audiences="CeGIDD",
            ),
        ],
    )
    out, err, error = run(path)

    assert error is None, err
    assert err == ""
    assert "3 ressource(s) créée(s), 0 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert resources().count() == 3
    guide = get("Violences conjugales : le guide du repérage en PMI")
    assert guide.live and not guide.has_unpublished_changes
    assert guide.get_parent().specific == library
    assert guide.slug == "violences-conjugales-le-guide-du-reperage-en-pmi"
    assert guide.intro == "Repérer, poser la question, orienter."
    assert guide.resource_type.name == "Guide"
    assert names(guide.themes) == ["Repérage", "Violences conjugales"]
    assert names(guide.audiences) == ["Encadrement", "PMI"]
    assert guide.organisation == "Département du Nord"
    assert guide.published_on == datetime.date(2024, 3, 1)
    assert guide.external_url == "https://lenord.fr/vif"
    assert guide.files.count() == 0
    # What is published is what was imported (the live revision carries the M2M too).
    revision_page = guide.live_revision.as_object()
    assert names(revision_page.themes) == ["Repérage", "Violences conjugales"]
    fiche = get("Fiche réflexe : que faire face à une révélation de violences ?")
    assert fiche.resource_type.name == "Fiche réflexe"
    assert fiche.published_on == datetime.date(2023, 11, 20)
    assert fiche.themes.count() == 0 and fiche.external_url == ""


def test_semicolon_delimiter_and_bom(library, tmp_path):
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row("Guide PMI, édition 2024", themes="Inceste;Auteurs", audiences="PMI"),
            row("Étude, rapport et synthèse", resource_type="Étude ou rapport"),
        ],
        delimiter=";",
        encoding="utf-8-sig",
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    out, err, error = run(path)

    assert error is None, err
    assert "2 ressource(s) créée(s)" in out
    assert names(get("Guide PMI, édition 2024").themes) == ["Auteurs", "Inceste"]
    assert get("Étude, rapport et synthèse").resource_type.name == "Étude ou rapport"


def test_headers_match_ignoring_case_accents_and_order(library, tmp_path):
    path = tmp_path / "ressources.csv"
    path.write_text(
        "PUBLISHED,Titre,Type de ressource,Thèmes,publics,Remarques\n2024-01-02,Un guide,guide,handicap,pmi,à relire\n",
        encoding="utf-8",
    )
    out, err, error = run(path)

    assert error is None, err
    assert err.splitlines() == ["Colonne(s) ignorée(s) : « Remarques »"]
    page = get("Un guide")
    assert page.resource_type.name == "Guide"
    assert names(page.themes) == ["Handicap"] and names(page.audiences) == ["PMI"]


def test_xlsx_with_date_cells(library, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["Guide XLSX", "Résumé", "Guide", "Repérage", "PMI", "ODPE", datetime.datetime(2024, 2, 29)])
    sheet.append(["Fiche texte", None, "Fiche réflexe", None, None, None, "2023-05-06"])
    sheet.append(["Fiche date seule", None, "Fiche réflexe", None, None, None, datetime.date(2022, 1, 31)])
    sheet.append([])
    sheet.append(["Mauvaise date", None, "Guide", None, None, None, "06/05/2023"])
    path = tmp_path / "ressources.xlsx"
    workbook.save(path)

    out, err, error = run(path)

    assert error is not None
    assert err.splitlines() == ["Ligne 6 : date de publication invalide « 06/05/2023 » (attendu AAAA-MM-JJ)"]
    assert "3 ressource(s) créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur." in out
    assert get("Guide XLSX").published_on == datetime.date(2024, 2, 29)
    assert get("Guide XLSX").intro == "Résumé"
    assert get("Fiche texte").published_on == datetime.date(2023, 5, 6)
    assert get("Fiche date seule").published_on == datetime.date(2022, 1, 31)


def test_terms_match_ignoring_case_and_accents(library, tmp_path):
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row(
                "Casse et accents",
                resource_type="GUIDE",
                themes="reperage ; VIOLENCES CONJUGALES; personnes agees; lgbt+",
                audiences="protection de l’enfance;cegidd",
            ),
            row("Type accentué", resource_type="etude ou rapport", audiences="Protection de l'enfance"),
        ],
    )
    out, err, error = run(path)

    assert error is None, err
    page = get("Casse et accents")
    assert page.resource_type.name == "Guide"
    assert names(page.themes) == ["LGBT+", "Personnes âgées", "Repérage", "Violences conjugales"]
    # Excel's curly apostrophe matches the seeded straight one.
    assert names(page.audiences) == ["CeGIDD", "Protection de l'enfance"]
    assert get("Type accentué").resource_type.name == "Étude ou rapport"
    assert names(get("Type accentué").audiences) == ["Protection de l'enfance"]


def test_bad_rows_reported_with_line_numbers_and_good_rows_imported(library, tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "present.txt").write_text("Texte du guide présent.", encoding="utf-8")
    (tmp_path / "script.exe").write_bytes(b"MZ")
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row("Bonne ressource 1"),  # line 2
            row("Bonne ressource 2", file="guides/present.txt"),  # line 3
            row("Brochure", resource_type="Brochure"),  # line 4
            row("Thème inconnu", themes="Repérage; Cyberviolences"),  # line 5
            row("Public inconnu", audiences="Gendarmerie"),  # line 6
            row("Mauvaise date", published="31/02/2024"),  # line 7
            row("Lien invalide", url="www.exemple.fr"),  # line 8
            row("Fichier absent", file="guides/absent.pdf"),  # line 9
            row("Extension", file="script.exe"),  # line 10
            row("", summary="Sans titre"),  # line 11
            row("Sans type", resource_type=""),  # line 12
            row("Sans date", published=""),  # line 13
            row("Résumé long", summary="x" * 601),  # line 14
            row("Date impossible", published="2024-02-30"),  # line 15
            row("bonne ressource 1"),  # line 16: same title as line 2
        ],
    )
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 4 : type de ressource inconnu « Brochure »",
        "Ligne 5 : thème inconnu « Cyberviolences »",
        "Ligne 6 : public inconnu « Gendarmerie »",
        "Ligne 7 : date de publication invalide « 31/02/2024 » (attendu AAAA-MM-JJ)",
        "Ligne 8 : lien invalide « www.exemple.fr » (adresse complète attendue, commençant par https://)",
        "Ligne 9 : fichier introuvable « guides/absent.pdf »",
        "Ligne 10 : extension de fichier non autorisée « script.exe » (acceptées : "
        + ", ".join(settings.WAGTAILDOCS_EXTENSIONS)
        + ")",
        "Ligne 11 : titre manquant",
        "Ligne 12 : type de ressource manquant",
        "Ligne 13 : date de publication manquante",
        "Ligne 14 : résumé trop long (601 caractères, 600 au maximum)",
        "Ligne 15 : date de publication invalide « 2024-02-30 » (attendu AAAA-MM-JJ)",
        "Ligne 16 : « bonne ressource 1 » figure déjà ligne 2 du fichier",
    ]
    assert "2 ressource(s) créée(s), 0 mise(s) à jour, 13 ligne(s) en erreur." in out
    assert isinstance(error, CommandError)
    assert "13 ligne(s) en erreur" in str(error) and "les lignes valides ont été importées" in str(error)
    assert sorted(resources().values_list("title", flat=True)) == ["Bonne ressource 1", "Bonne ressource 2"]
    assert get("Bonne ressource 2").files.get().document.extracted_text == "Texte du guide présent."


def test_every_problem_of_a_row_is_reported(library, tmp_path):
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row("Bonne"),
            row(
                "Tout faux",
                resource_type="Brochure",
                themes="Inceste; Cyber",
                audiences="Police",
                published="2024-13-01",
                url="pas une adresse",
                file="absent.pdf",
            ),
        ],
    )
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 3 : type de ressource inconnu « Brochure »",
        "Ligne 3 : thème inconnu « Cyber »",
        "Ligne 3 : public inconnu « Police »",
        "Ligne 3 : date de publication invalide « 2024-13-01 » (attendu AAAA-MM-JJ)",
        "Ligne 3 : lien invalide « pas une adresse » (adresse complète attendue, commençant par https://)",
        "Ligne 3 : fichier introuvable « absent.pdf »",
    ]
    assert "1 ressource(s) créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur." in out
    assert error is not None
    assert list(resources().values_list("title", flat=True)) == ["Bonne"]


def test_blank_lines_count_but_are_not_errors(library, tmp_path):
    path = tmp_path / "ressources.csv"
    path.write_text(
        "title,resource_type,published\n\nPremière,Guide,2024-01-01\n,,\nSeconde,Brochure,2024-01-01\n",
        encoding="utf-8",
    )
    out, err, error = run(path)

    assert err.splitlines() == ["Ligne 5 : type de ressource inconnu « Brochure »"]
    assert "1 ressource(s) créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur." in out


def test_rerun_is_idempotent_and_applies_updates(library, tmp_path):
    shutil.copy(SAMPLES / "reperage-violences-pmi.pdf", tmp_path / "guide.pdf")
    rows = [
        row("Guide du repérage", summary="Première version.", themes="Repérage", file="guide.pdf"),
        row(
            "Fiche réflexe", resource_type="Fiche réflexe", audiences="PMI; CeGIDD", url="https://lenord.fr/"
        ),
    ]
    path = write_csv(tmp_path / "ressources.csv", rows)
    out, err, error = run(path)
    assert error is None, err
    page_count, document_count = Page.objects.count(), LibraryDocument.objects.count()
    revisions = {page.pk: page.revisions.count() for page in resources()}
    assert document_count == 1

    out, err, error = run(path)
    assert error is None, err
    assert "0 ressource(s) créée(s), 2 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert Page.objects.count() == page_count
    assert LibraryDocument.objects.count() == document_count
    # Nothing changed: no new revision cluttering the history.
    assert {page.pk: page.revisions.count() for page in resources()} == revisions

    # Same titles, modulo case and spaces; new summary, themes, audiences, no URL.
    rows[0].update(title="  GUIDE DU REPÉRAGE ", summary="Deuxième version.", themes="Inceste; Auteurs")
    rows[1].update(audiences="Encadrement", url="")
    write_csv(path, rows)
    out, err, error = run(path, "--verbosity", "2")
    assert error is None, err
    assert "0 ressource(s) créée(s), 2 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert "Ligne 2 : mise à jour « GUIDE DU REPÉRAGE »" in out
    assert Page.objects.count() == page_count
    assert LibraryDocument.objects.count() == document_count
    guide = ResourcePage.objects.get(pk=min(revisions))
    assert guide.title == "GUIDE DU REPÉRAGE"
    assert guide.slug == "guide-du-reperage"
    assert guide.intro == "Deuxième version."
    assert names(guide.themes) == ["Auteurs", "Inceste"]
    assert guide.files.count() == 1
    fiche = get("Fiche réflexe")
    assert names(fiche.audiences) == ["Encadrement"]
    assert fiche.external_url == ""
    assert fiche.revisions.count() == revisions[fiche.pk] + 1


def test_file_attachment_extracts_text_and_reuses_documents(library, tmp_path):
    (tmp_path / "docs").mkdir()
    shutil.copy(SAMPLES / "reperage-violences-pmi.pdf", tmp_path / "docs" / "guide.pdf")
    shutil.copy(SAMPLES / "reperage-violences-pmi.pdf", tmp_path / "copie.pdf")
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row("Guide avec fichier", file="docs/guide.pdf"),
            row("Même contenu, autre nom", file=str(tmp_path / "copie.pdf")),  # absolute path
        ],
    )
    out, err, error = run(path)

    assert error is None, err
    page = get("Guide avec fichier")
    document = page.files.first().document
    assert PDF_SENTENCE in document.extracted_text
    assert document.title == "Guide avec fichier"
    assert document.file_extension == "pdf"
    assert Path(document.file.path).is_file()
    # Same bytes: the second resource reuses the document instead of storing a copy.
    assert LibraryDocument.objects.count() == 1
    assert get("Même contenu, autre nom").files.get().document == document
    # The search index text of the page includes the file's text.
    assert PDF_SENTENCE in page.files_text()


def test_a_different_file_replaces_the_first_file_and_empty_cell_keeps_it(library, tmp_path):
    (tmp_path / "v1.txt").write_text("Version un.", encoding="utf-8")
    (tmp_path / "v2.txt").write_text("Version deux.", encoding="utf-8")
    path = write_csv(tmp_path / "ressources.csv", [row("Guide", file="v1.txt")])
    run(path)
    write_csv(path, [row("Guide", file="v2.txt")])
    out, err, error = run(path)
    assert error is None, err
    page = get("Guide")
    assert [item.document.extracted_text for item in page.files.all()] == ["Version deux."]
    assert LibraryDocument.objects.count() == 2  # the old document stays in the library

    write_csv(path, [row("Guide", file="")])
    out, err, error = run(path)
    assert error is None, err
    assert [item.document.extracted_text for item in get("Guide").files.all()] == ["Version deux."]


def test_dry_run_writes_nothing(library, tmp_path):
    shutil.copy(SAMPLES / "reperage-violences-pmi.pdf", tmp_path / "guide.pdf")
    path = write_csv(
        tmp_path / "ressources.csv",
        [
            row("Guide", file="guide.pdf"),
            row("Fiche", resource_type="Fiche réflexe"),
            row("Erreur", published=""),
        ],
    )
    page_count = Page.objects.count()

    out, err, error = run(path, "--dry-run")

    assert "Simulation (--dry-run), rien n'a été enregistré : " in out
    assert "2 ressource(s) créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur." in out
    assert err.splitlines() == ["Ligne 4 : date de publication manquante"]
    assert error is not None and "rien n'a été enregistré" in str(error)
    assert Page.objects.count() == page_count
    assert LibraryDocument.objects.count() == 0
    assert not (Path(settings.MEDIA_ROOT) / "documents").exists()

    # Once imported, a dry run announces updates and still changes nothing.
    write_csv(path, [row("Guide", file="guide.pdf"), row("Fiche", resource_type="Fiche réflexe")])
    run(path)
    write_csv(path, [row("Guide", file="guide.pdf", summary="Nouveau"), row("Fiche", resource_type="Guide")])
    out, err, error = run(path, "--dry-run")
    assert error is None, err
    assert "0 ressource(s) créée(s), 2 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert get("Guide").intro == "" and get("Fiche").resource_type.name == "Fiche réflexe"


def test_missing_columns_is_a_command_error(library, tmp_path):
    path = tmp_path / "ressources.csv"
    path.write_text("titre;résumé;thèmes\nUn guide;Résumé;Inceste\n", encoding="utf-8")

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert "Colonne(s) obligatoire(s) absente(s) : resource_type, published." in str(error)
    assert resources().count() == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("absent.csv", None, "Fichier introuvable"),
        ("vide.csv", b"", "est vide"),
        ("cassé.xlsx", b"ceci n'est pas un classeur", "est illisible"),
        ("latin1.csv", "title,resource_type,published\nÉtude,Guide,2024-01-01\n".encode("cp1252"), "UTF-8"),
        ("ancien.xls", b"\xd0\xcf\x11\xe0", "(.xls) de « ancien.xls » n'est pas pris en charge"),
        ("ressources.ods", b"PK", "Format non pris en charge « .ods »"),
    ],
)
def test_unusable_file_is_a_command_error(library, tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert expected in str(error)
    assert resources().count() == 0


def test_missing_library_index_is_a_command_error(db, tmp_path):
    path = write_csv(tmp_path / "ressources.csv", [row("Guide")])

    out, err, error = run(path)

    assert isinstance(error, CommandError)
    assert "La bibliothèque de ressources" in str(error) and "n'existe pas" in str(error)


def test_crash_in_the_middle_of_a_row_leaves_nothing_half_written(library, tmp_path, monkeypatch):
    shutil.copy(SAMPLES / "reperage-violences-pmi.pdf", tmp_path / "guide.pdf")
    path = write_csv(
        tmp_path / "ressources.csv",
        [row("Avant"), row("Boum", file="guide.pdf", themes="Inceste"), row("Après")],
    )
    original = ResourcePage.save_revision

    def save_revision(page, *args, **kwargs):
        if page.title == "Boum":  # the page and its document exist already at this point
            raise RuntimeError("panne simulée")
        return original(page, *args, **kwargs)

    monkeypatch.setattr(ResourcePage, "save_revision", save_revision)
    out, err, error = run(path)

    assert err.splitlines() == [
        "Ligne 3 : enregistrement impossible, rien n'a été écrit (RuntimeError: panne simulée)"
    ]
    assert "2 ressource(s) créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur." in out
    assert error is not None
    assert sorted(resources().values_list("title", flat=True)) == ["Après", "Avant"]
    assert LibraryDocument.objects.count() == 0
    documents_dir = Path(settings.MEDIA_ROOT) / "documents"
    assert not documents_dir.exists() or not any(documents_dir.iterdir())
    # The tree is consistent: "Après" was added after the rolled-back row.
    index = LibraryIndexPage.objects.get(pk=library.pk)
    assert index.numchild == 2
    assert [page.title for page in index.get_children().order_by("path")] == ["Avant", "Après"]


@pytest.mark.parametrize("name", ["ressources-exemple.csv", "ressources-exemple.xlsx"])
def test_shipped_example_files_import_cleanly(library, name):
    out, err, error = run(SAMPLES / name)

    assert error is None, err
    assert err == ""
    assert "8 ressource(s) créée(s), 0 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert resources().count() == 8
    guide = get("Violences conjugales : le guide du repérage en PMI")
    assert PDF_SENTENCE in guide.files.get().document.extracted_text
    assert names(guide.themes) == ["Enfants co-victimes", "Repérage", "Violences conjugales"]
    assert get("Enfants co-victimes de violences conjugales : état des connaissances").published_on == (
        datetime.date(2023, 6, 15)
    )

    out, err, error = run(SAMPLES / name)
    assert "0 ressource(s) créée(s), 8 mise(s) à jour, 0 ligne(s) en erreur." in out
    assert resources().count() == 8 and LibraryDocument.objects.count() == 1


def test_example_files_hold_the_same_rows():
    csv_rows = read_table(SAMPLES / "ressources-exemple.csv").rows
    xlsx_rows = read_table(SAMPLES / "ressources-exemple.xlsx").rows
    as_text = [
        [cell.isoformat() if isinstance(cell, datetime.date) else cell for cell in cells]
        for _, cells in xlsx_rows
    ]
    assert [cells for _, cells in csv_rows] == as_text
    assert (SAMPLES / "reperage-violences-pmi.pdf").stat().st_size < 5 * 1024
