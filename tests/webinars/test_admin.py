"""Editing webinars in the admin: page types, tabs, captions upload (validated line by line),
transcript generated from the captions, chapters' times, the video or the external URL."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from webinars.models import WebinarIndexPage, WebinarPage

from .conftest import CAPTIONS, make_media

pytestmark = pytest.mark.django_db

BAD_CAPTIONS = """WEBVTT

1
00:00:00.000 --> 00:00:03.000
Bonjour.

00:01:xx.000 --> 00:01:05.000
Une ligne de temps abîmée.
"""


def form_data(title="Violences et grossesse", chapters=(), **overrides):
    data = {
        "title": title,
        "slug": "violences-et-grossesse",
        "intro": "Repérer pendant la grossesse.",
        "date": "2026-03-12 10:00",
        "duration_minutes": "60",
        "captions": "",
        "transcript": rich_text(""),
        "external_video_url": "",
        "registration_notes": "",
        "chapters": inline_formset([{"start": start, "title": text} for start, text in chapters]),
        "documents": inline_formset([]),
        "sessions": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["webinars", "webinarpage", index.pk])


def vtt_file(text, name="sous-titres.vtt"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/vtt")


@pytest.fixture
def admin_client(client, demo_users):
    client.force_login(demo_users["admin"])
    return client


def test_page_types():
    assert WebinarPage.parent_page_types == ["webinars.WebinarIndexPage"]
    assert WebinarPage.subpage_types == []
    assert WebinarIndexPage.subpage_types == ["webinars.WebinarPage"]
    assert set(WebinarIndexPage.allowed_parent_page_models()) == {HomePage}
    assert WebinarPage.allowed_parent_page_models() == [WebinarIndexPage]
    assert not WebinarPage.can_create_at(Page.objects.get(depth=2).specific)


def test_edit_form_has_tabs_and_the_caption_fields(admin_client, webinar_index):
    response = admin_client.get(add_url(webinar_index))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Contenu", "Enregistrement", "Documents et liens", "Direct et inscriptions"):
        assert tab in html
    assert 'name="captions_file"' in html
    assert "Générer la transcription à partir des sous-titres" in html
    assert 'enctype="multipart/form-data"' in html


def test_create_with_uploaded_captions_and_generated_transcript(admin_client, webinar_index):
    data = form_data(
        chapters=[("00:00", "Introduction"), ("1:02:15", "Conclusion")],
        generate_transcript="on",
        video=str(make_media().pk),
    )
    data["captions_file"] = vtt_file(CAPTIONS)
    data["action-publish"] = "1"
    response = admin_client.post(add_url(webinar_index), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = WebinarPage.objects.get(slug="violences-et-grossesse")
    assert page.live
    assert page.captions.startswith("WEBVTT")
    assert "<b>Karim Benali :</b>" in page.transcript
    assert "ordonnance de protection" in page.transcript
    assert [chapter.start for chapter in page.sorted_chapters()] == ["00:00", "1:02:15"]
    assert page.sorted_chapters()[1].timecode == "1:02:15"


def test_malformed_captions_are_refused_with_the_line_number(admin_client, webinar_index):
    data = form_data()
    data["captions_file"] = vtt_file(BAD_CAPTIONS)
    response = admin_client.post(add_url(webinar_index), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["captions_file"]
    assert "Ligne 7 : horodatage invalide « 00:01:xx.000 --> 00:01:05.000 »" in errors[0]
    assert not WebinarPage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sous-titres.srt", CAPTIONS, "extension .vtt"),
        (
            "sous-titres.vtt",
            "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n",
            "Ligne 1 : le fichier doit commencer",
        ),
        ("image.vtt", None, "UTF-8"),
    ],
)
def test_other_bad_caption_files(admin_client, webinar_index, name, content, message):
    data = form_data()
    upload = (
        SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n\xff\xfe\x00", content_type="image/png")
        if content is None
        else vtt_file(content, name)
    )
    data["captions_file"] = upload
    response = admin_client.post(add_url(webinar_index), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["captions_file"])


def test_caption_file_over_the_limit(admin_client, webinar_index, settings):
    settings.WEBINAR_CAPTIONS_MAX_UPLOAD_SIZE = 100
    data = form_data()
    data["captions_file"] = vtt_file(CAPTIONS)
    response = admin_client.post(add_url(webinar_index), data)
    assert "la limite est de 100 octets" in response.context["form"].errors["captions_file"][0]


def test_captions_typed_in_the_text_box_are_validated_too(admin_client, webinar_index):
    response = admin_client.post(add_url(webinar_index), form_data(captions=BAD_CAPTIONS))
    assert response.status_code == 200
    assert "Ligne 7" in response.context["form"].errors["captions"][0]


def test_generating_a_transcript_needs_captions(admin_client, webinar_index):
    response = admin_client.post(add_url(webinar_index), form_data(generate_transcript="on"))
    assert response.status_code == 200
    assert "Ajoutez d'abord des sous-titres" in response.context["form"].errors["generate_transcript"][0]


@pytest.mark.parametrize("start", ["5:7", "00:61", "1:00:60", "abc", "123:00:00", "1:2:3"])
def test_chapter_times_are_validated(admin_client, webinar_index, start):
    response = admin_client.post(add_url(webinar_index), form_data(chapters=[(start, "Chapitre")]))
    assert response.status_code == 200
    formset = response.context["form"].formsets["chapters"]
    assert "n'est pas un minutage valide" in str(formset.errors)


def test_video_and_external_url_are_exclusive(admin_client, webinar_index):
    data = form_data(
        video=str(make_media().pk), external_video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    response = admin_client.post(add_url(webinar_index), data)
    assert response.status_code == 200
    assert "pas les deux" in str(response.context["form"].errors)


def test_unsupported_external_url(admin_client, webinar_index):
    response = admin_client.post(
        add_url(webinar_index), form_data(external_video_url="https://exemple.fr/video.html")
    )
    assert response.status_code == 200
    assert "Adresse de vidéo non reconnue" in str(response.context["form"].errors["external_video_url"])


def test_an_audio_file_is_not_a_webinar_video(admin_client, webinar_index):
    audio = make_media(name="son.mp3", content=b"ID3\x03\x00\x00\x00\x00\x00\x00")
    audio.type = "audio"
    audio.save()
    response = admin_client.post(add_url(webinar_index), form_data(video=str(audio.pk)))
    assert response.status_code == 200
    assert "fichier audio" in str(response.context["form"].errors)


def test_edit_view_and_revisions_of_an_existing_webinar(admin_client, webinar_factory):
    webinar = webinar_factory()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[webinar.pk]))
    assert response.status_code == 200
    assert "Le repérage" in response.content.decode()


def test_preview_of_a_draft(webinar_factory):
    draft = webinar_factory(publish=False)
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert "Le repérage" in response.content.decode()


def test_the_video_chooser_opens(admin_client):
    response = admin_client.get(reverse("wagtailmedia:chooser"))
    assert response.status_code == 200


def test_an_editor_can_create_a_webinar(client, demo_users, webinar_index):
    client.force_login(demo_users["editeur"])
    data = form_data()
    data["captions_file"] = vtt_file(CAPTIONS)
    data["action-submit"] = "1"
    response = client.post(add_url(webinar_index), data)
    assert response.status_code == 302
    page = WebinarPage.objects.get()
    assert not page.live  # waits for a moderator's approval
    assert page.get_latest_revision().content["captions"].startswith("WEBVTT")
