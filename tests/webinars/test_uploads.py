"""Uploading a webinar video through wagtailmedia's admin (and its chooser): a real video
is accepted and stored with the site's storage; anything else is refused with a clear French
message, never a 500."""

import pytest
from wagtailmedia.models import Media

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from .conftest import video_bytes

pytestmark = pytest.mark.django_db


def upload(client, name, content, media_type="video", url_name="wagtailmedia:add", prefix=""):
    data = {
        "title": "Enregistrement du webinaire",
        "file": SimpleUploadedFile(name, content),
        "collection": str(Collection.get_first_root_node().pk),
        "duration": "12",
        "tags": "",
    }
    if prefix:
        data = {f"{prefix}-{key}": value for key, value in data.items()}
    return client.post(reverse(url_name, args=[media_type]), data)


@pytest.fixture
def editor_client(client, demo_users):
    client.force_login(demo_users["editeur"])
    return client


def errors_of(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_an_editor_uploads_a_webm_video(editor_client):
    response = upload(editor_client, "webinaire.webm", video_bytes())
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.type == "video"
    assert media.file.read(4) == b"\x1a\x45\xdf\xa3"


def test_an_mp4_is_recognised_by_its_bytes(editor_client):
    mp4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
    assert upload(editor_client, "webinaire.mp4", mp4).status_code == 302


def test_a_text_file_renamed_mp4_is_refused(editor_client):
    response = upload(editor_client, "webinaire.mp4", b"Ceci n'est pas une video.\n" * 10)
    assert response.status_code == 200
    assert "n'est pas une vidéo lisible" in errors_of(response)
    assert not Media.objects.exists()


def test_a_pdf_is_refused_for_its_extension(editor_client):
    response = upload(editor_client, "diaporama.pdf", b"%PDF-1.7\n")
    assert response.status_code == 200
    message = errors_of(response)
    assert "Format non accepté (« .pdf »)" in message
    assert "WEBM" in message and "MP4" in message
    assert "extension" not in str(response.context["form"].non_field_errors()).lower()


def test_a_file_over_the_limit_is_refused(editor_client, settings):
    settings.WEBINAR_VIDEO_MAX_UPLOAD_SIZE = 10 * 1024
    response = upload(editor_client, "webinaire.webm", video_bytes())
    assert response.status_code == 200
    assert "la limite est de 10 ko" in errors_of(response)
    assert not Media.objects.exists()


def test_the_default_limit_is_500_mb():
    from portal.settings import base

    assert base.WEBINAR_VIDEO_MAX_UPLOAD_SIZE == 500 * 1024 * 1024


def test_the_chooser_upload_applies_the_same_checks(editor_client):
    response = upload(
        editor_client,
        "webinaire.webm",
        b"not a video",
        url_name="wagtailmedia:chooser_upload",
        prefix="media-chooser-upload",
    )
    assert response.status_code == 200
    assert not Media.objects.exists()
    response = upload(
        editor_client,
        "webinaire.webm",
        video_bytes(),
        url_name="wagtailmedia:chooser_upload",
        prefix="media-chooser-upload",
    )
    assert response.status_code == 200
    assert Media.objects.count() == 1


def test_an_audio_file_must_be_audio(editor_client):
    response = upload(editor_client, "son.mp3", b"hello", media_type="audio")
    assert response.status_code == 200
    assert "n'est pas un fichier audio lisible" in errors_of(response)
    assert (
        upload(editor_client, "son.mp3", b"ID3\x04\x00" + b"\x00" * 40, media_type="audio").status_code == 302
    )


def test_a_professional_cannot_upload(client, demo_users):
    client.force_login(demo_users["professionnel"])
    response = upload(client, "webinaire.webm", video_bytes())
    assert response.status_code in (302, 403)
    assert not Media.objects.exists()
