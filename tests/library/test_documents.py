"""Document text extraction, search inside files, download counts without personal data."""

import datetime
import io
import re

import pytest
from docx import Document as DocxDocument
from odf.opendocument import OpenDocumentText
from odf.text import P
from pypdf import PdfReader, PdfWriter

from django.core.files.base import ContentFile
from django.utils import timezone

from library.models import DownloadCount, LibraryDocument, ResourcePage
from library.text_extraction import extract_text
from tests.library.conftest import make_document, make_pdf, make_resource

pytestmark = pytest.mark.django_db


def docx_bytes(text):
    document = DocxDocument()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(text):
    document = OpenDocumentText()
    document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(text):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(text))))
    writer.encrypt("secret-du-service")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("extension", "builder"),
    [("pdf", make_pdf), ("docx", docx_bytes), ("odt", odt_bytes)],
)
def test_text_is_extracted_from_pdf_docx_and_odt(extension, builder):
    result = extract_text(
        io.BytesIO(builder("Le violentometre mesure la violence dans le couple.")), extension
    )
    assert "violentometre mesure la violence" in result.text
    assert result.warning == ""


@pytest.mark.parametrize(
    ("extension", "content", "warning"),
    [
        ("pdf", b"%PDF-1.4 ceci n'est pas un vrai PDF", "illisible ou endommagé"),
        ("docx", b"PK\x03\x04 faux docx", "illisible ou endommagé"),
        ("odt", b"texte brut", "illisible ou endommagé"),
        ("pdf", None, "protégé par un mot de passe"),
    ],
)
def test_broken_or_encrypted_files_give_a_warning_never_a_crash(extension, content, warning):
    data = content if content is not None else encrypted_pdf_bytes("Texte secret")
    result = extract_text(io.BytesIO(data), extension)
    assert result.text == ""
    assert warning in result.warning


def test_unsupported_formats_are_simply_not_indexed():
    assert extract_text(io.BytesIO(b"a,b\n1,2"), "xlsx") == extract_text(io.BytesIO(b""), "zip")


def test_document_keeps_its_text_and_refreshes_it_when_the_file_changes(db):
    document = make_document("Première version du protocole.")
    assert "Première version" in document.extracted_text or "Premi" in document.extracted_text
    document.file = ContentFile(docx_bytes("Seconde version du protocole."), name="protocole.docx")
    document.file_hash = ""
    document.save()
    document.refresh_from_db()
    assert "Seconde version du protocole." in document.extracted_text


def test_broken_upload_is_accepted_with_a_warning_shown_to_the_editor(client, demo_users):
    document = make_document(content=b"%PDF-1.7 tronque", title="PDF abîmé")
    assert document.pk and document.extraction_warning
    client.force_login(demo_users["editeur"])
    response = client.get(f"/admin/documents/edit/{document.pk}/")
    assert response.status_code == 200
    assert "Attention : Fichier PDF illisible ou endommagé" in response.content.decode()


def test_search_finds_a_resource_by_words_only_inside_its_file(library_index):
    document = make_document("Le protocole ordonnance de protection explique le telephone grave danger.")
    page = make_resource(library_index, title="Protocole départemental", documents=[document])
    results = list(ResourcePage.objects.live().search("telephone grave danger"))
    assert page in results


def test_editor_uploads_a_document_through_the_admin(client, demo_users):
    client.force_login(demo_users["editeur"])
    upload = ContentFile(make_pdf("Fiche reflexe ecoute active."), name="fiche.pdf")
    response = client.post(
        "/admin/documents/add/",
        {"title": "Fiche écoute", "file": upload, "collection": 1, "language": "fr", "tags": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "ecoute active" in LibraryDocument.objects.get(title="Fiche écoute").extracted_text


def test_upload_with_a_forbidden_extension_is_refused_in_french(client, demo_users):
    client.force_login(demo_users["editeur"])
    upload = ContentFile(b"#!/bin/sh\necho pwned", name="script.sh")
    response = client.post(
        "/admin/documents/add/", {"title": "Script", "file": upload, "collection": 1, "language": "fr"}
    )
    assert response.status_code == 200
    assert "extension" in response.content.decode().lower()
    assert not LibraryDocument.objects.filter(title="Script").exists()


def test_downloads_are_counted_per_document_and_month(client, library_index):
    document = make_document("Guide.")
    make_resource(library_index, documents=[document])
    for _ in range(3):
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
    month = timezone.localdate().replace(day=1)
    assert DownloadCount.objects.get(document=document, month=month).count == 3


def test_download_counts_hold_no_personal_data():
    field_names = {field.name for field in DownloadCount._meta.get_fields()}
    assert field_names == {"id", "document", "month", "count"}


def test_refused_downloads_are_not_counted(client, library_index, toolbox, private_collection):
    document = make_document("Privé.", collection=private_collection)
    make_resource(toolbox, documents=[document])
    client.get(document.url)
    assert not DownloadCount.objects.filter(document=document).exists()


@pytest.mark.parametrize(
    ("account", "allowed"),
    [("editeur", True), ("moderateur", True), ("referent", False), ("professionnel", False)],
)
def test_editors_see_download_counts(client, library_index, demo_users, account, allowed):
    document = make_document("Guide.", title="Guide téléchargé")
    make_resource(library_index, documents=[document])
    DownloadCount.objects.create(document=document, month=timezone.localdate().replace(day=1), count=7)
    DownloadCount.objects.create(document=document, month=datetime.date(2024, 1, 1), count=5)
    client.force_login(demo_users[account])
    response = client.get("/admin/rapports/bibliotheque/telechargements/")
    if allowed:
        html = response.content.decode()
        assert response.status_code == 200
        assert "Guide téléchargé" in html
        assert re.search(r">\s*7\s*<", html) and re.search(r">\s*12\s*<", html)
    else:
        assert response.status_code in (302, 403)
