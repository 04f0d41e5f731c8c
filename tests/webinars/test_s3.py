"""Webinar videos and slides on S3 (a real S3 API: moto_server, see the ``s3_bucket`` fixture).

The page's privacy is checked by Django; an allowed viewer is then redirected to a presigned
URL, on which the browser's player seeks with Range requests answered by S3 itself."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.library.conftest import make_document
from tests.webinars.conftest import video_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_webinar(webinar_factory, demo_users, s3_bucket):
    slides = make_document(title="Diaporama réservé")
    return webinar_factory(title="Webinaire réservé", access="referents", documents=[slides])


def test_the_video_is_stored_as_a_private_object(private_webinar, s3_bucket):
    key = private_webinar.video.file.name
    assert key.startswith("media/")
    assert key in s3_bucket.object_keys()
    stored = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=key)
    assert stored["Body"].read() == video_bytes()
    assert requests.get(f"{s3_bucket.endpoint}/{s3_bucket.name}/{key}", timeout=10).status_code == 403


def test_the_video_of_a_private_webinar_is_refused_to_those_not_allowed(client, demo_users, private_webinar):
    url = private_webinar.url + "video/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/?next=")
    client.force_login(demo_users["professionnel"])
    response = client.get(url)
    assert response.status_code == 403
    assert "Location" not in response


def test_a_referent_is_redirected_to_a_presigned_url_that_honours_range_requests(
    client, demo_users, private_webinar, s3_bucket, settings
):
    client.force_login(demo_users["referent"])
    page = client.get(private_webinar.url)
    assert page.status_code == 200
    assert s3_bucket.endpoint not in page.content.decode()  # the player uses the page's route

    response = client.get(private_webinar.url + "video/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == s3_bucket.endpoint
    assert location.path == f"/{s3_bucket.name}/{private_webinar.video.file.name}"
    query = parse_qs(location.query)
    assert query["X-Amz-Expires"] == [str(settings.WEBINAR_VIDEO_URL_EXPIRE)]
    assert query["X-Amz-Signature"][0]

    data = video_bytes()
    ranged = requests.get(response["Location"], headers={"Range": "bytes=100-199"}, timeout=10)
    assert ranged.status_code == 206
    assert ranged.content == data[100:200]
    assert ranged.headers["Content-Range"] == f"bytes 100-199/{len(data)}"
    whole = requests.get(response["Location"], timeout=10)
    assert whole.status_code == 200
    assert whole.content == data
    assert whole.headers["Content-Type"] == "video/webm"

    download = requests.get(client.get(private_webinar.url + "video/?telecharger=1")["Location"], timeout=10)
    assert download.headers["Content-Disposition"] == f'attachment; filename="{private_webinar.slug}.webm"'


def test_slides_of_a_private_webinar_follow_its_privacy(client, demo_users, private_webinar, s3_bucket):
    slides = private_webinar.documents.get().document
    assert client.get(slides.url)["Location"].startswith("/compte/connexion/?next=")
    client.force_login(demo_users["professionnel"])
    assert client.get(slides.url).status_code == 403
    client.force_login(demo_users["referent"])
    response = client.get(slides.url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{s3_bucket.endpoint}/{s3_bucket.name}/{slides.file.name}?")
    assert requests.get(response["Location"], timeout=10).content == slides.file.open("rb").read()


def test_deleting_a_video_deletes_its_object(private_webinar, s3_bucket, django_capture_on_commit_callbacks):
    media = private_webinar.video
    key = media.file.name
    assert key in s3_bucket.object_keys()
    with django_capture_on_commit_callbacks(execute=True):
        media.delete()
    assert key not in s3_bucket.object_keys()
