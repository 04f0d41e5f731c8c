"""Documents and images on S3 (a real S3 API: moto_server, see the ``s3_bucket`` fixture).

Documents are private objects: Django checks who asks, then redirects to a presigned URL
that expires; the bucket never lets anyone read them without a signature. Image renditions
are public objects under ``public/``, with stable URLs that cached pages can keep."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from django.core.files.base import ContentFile
from django.template import Context, Template

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from library.models import DownloadCount, LibraryDocument
from tests.library.conftest import make_document, make_pdf, make_resource

pytestmark = pytest.mark.django_db


def plain_url(bucket, key):
    """The object's address without a signature: what a guessed or leaked link would be."""
    return f"{bucket.endpoint}/{bucket.name}/{key}"


def assert_presigned_for(location, bucket, key, expires):
    parts = urlsplit(location)
    assert f"{parts.scheme}://{parts.netloc}" == bucket.endpoint
    assert parts.path == f"/{bucket.name}/{key}"
    query = parse_qs(parts.query)
    assert query["X-Amz-Expires"] == [str(expires)]
    assert query["X-Amz-Signature"][0]


def public_acl_grants(bucket, key):
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    return [grant for grant in grants if "AllUsers" in grant["Grantee"].get("URI", "")]


def test_a_document_uploaded_through_the_admin_lands_in_the_bucket_as_a_private_object(
    client, demo_users, s3_bucket
):
    client.force_login(demo_users["editeur"])
    data = make_pdf("Fiche reflexe ecoute active.")
    upload = ContentFile(data, name="fiche.pdf")
    response = client.post(
        "/admin/documents/add/",
        {"title": "Fiche écoute", "file": upload, "collection": 1, "language": "fr", "tags": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LibraryDocument.objects.get(title="Fiche écoute")
    assert document.file.name.startswith("documents/fiche")
    assert s3_bucket.object_keys() == [document.file.name]
    stored = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=document.file.name)
    assert stored["ContentType"] == "application/pdf"
    assert stored["Body"].read() == data
    # The text was extracted from the object on S3, as from a local file.
    assert "ecoute active" in document.extracted_text
    assert public_acl_grants(s3_bucket, document.file.name) == []
    assert requests.get(plain_url(s3_bucket, document.file.name), timeout=10).status_code == 403


def test_a_public_document_is_counted_then_redirected_to_a_presigned_url_that_downloads_it(
    client, library_index, s3_bucket
):
    data = make_pdf("Guide public du repérage.")
    document = make_document(title="Guide public", content=data)
    page = make_resource(library_index, title="Ressource publique", documents=[document])

    html = client.get(page.url).content.decode()
    assert document.url in html  # the portal's own address, never the bucket's
    assert s3_bucket.endpoint not in html

    response = client.get(document.url)
    assert response.status_code == 302
    assert_presigned_for(response["Location"], s3_bucket, document.file.name, expires=300)
    assert "no-store" in response["Cache-Control"]  # no shared cache may hand it to others
    assert DownloadCount.objects.get(document=document).count == 1

    download = requests.get(response["Location"], timeout=10)
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("inline")

    # Formats a browser does not show are downloaded under their own name.
    sheet = make_document(title="Tableau", extension="csv", content=b"commune;nombre\nLille;12\n")
    make_resource(library_index, documents=[sheet])
    download = requests.get(client.get(sheet.url)["Location"], timeout=10)
    assert download.content == b"commune;nombre\nLille;12\n"
    assert download.headers["Content-Disposition"] == f'attachment; filename="{sheet.filename}"'


@pytest.fixture
def private_document(toolbox, private_collection, s3_bucket):
    data = make_pdf("Trame confidentielle des référents.")
    document = make_document(title="Trame privée", collection=private_collection, content=data)
    make_resource(toolbox, title="Outil privé des référents", documents=[document])
    return document, data


def test_a_private_document_is_never_handed_to_an_anonymous_visitor(client, private_document, s3_bucket):
    document, _ = private_document
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/?next=")
    assert not DownloadCount.objects.filter(document=document).exists()
    # The bucket refuses the object to anyone without a signature (moto enforces this: 403).
    assert requests.get(plain_url(s3_bucket, document.file.name), timeout=10).status_code == 403
    assert public_acl_grants(s3_bucket, document.file.name) == []


def test_a_private_document_is_refused_to_a_professional_who_is_not_a_referent(
    client, demo_users, private_document, s3_bucket
):
    document, _ = private_document
    client.force_login(demo_users["professionnel"])
    response = client.get(document.url)
    assert response.status_code == 403
    assert "Location" not in response
    assert s3_bucket.endpoint not in response.content.decode()


def test_a_referent_gets_the_private_document_through_a_presigned_url(
    client, demo_users, private_document, s3_bucket
):
    document, data = private_document
    client.force_login(demo_users["referent"])
    response = client.get(document.url)
    assert response.status_code == 302
    assert_presigned_for(response["Location"], s3_bucket, document.file.name, expires=300)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    download = requests.get(response["Location"], timeout=10)
    assert download.status_code == 200
    assert download.content == data
    assert DownloadCount.objects.get(document=document).count == 1


def test_deleting_a_document_deletes_its_object(
    client, demo_users, s3_bucket, django_capture_on_commit_callbacks
):
    document = make_document(title="Document périmé")
    key = document.file.name
    assert s3_bucket.object_keys() == [key]
    client.force_login(demo_users["editeur"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/documents/delete/{document.pk}/")
    assert response.status_code == 302
    assert not LibraryDocument.objects.filter(pk=document.pk).exists()
    assert s3_bucket.object_keys() == []


def test_image_renditions_are_public_with_stable_urls_and_originals_stay_private(
    s3_bucket, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="Affiche", file=get_test_image_file(filename="affiche.png"))
    original = image.file.name
    assert original.startswith("original_images/affiche")

    html = Template("{% load wagtailimages_tags %}{% image image fill-80x60 %}").render(
        Context({"image": image})
    )
    rendition = image.get_rendition("fill-80x60")
    key = f"public/{rendition.file.name}"
    assert s3_bucket.object_keys() == sorted([original, key])
    assert rendition.url == plain_url(s3_bucket, key)  # no signature, nothing that expires
    assert f'src="{rendition.url}"' in html

    fetched = requests.get(rendition.url, timeout=10)  # anonymous, as a visitor's browser
    assert fetched.status_code == 200
    assert fetched.headers["Content-Type"] == "image/png"
    assert fetched.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert requests.get(plain_url(s3_bucket, original), timeout=10).status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert s3_bucket.object_keys() == []
