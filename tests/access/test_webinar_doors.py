"""Who sees what: every demo role × public / logged-in-only / referent-only webinar × the page,
its video, its captions and its slides. The raw media address of a video never appears in
the HTML; a draft webinar's files are not served."""

from urllib.parse import quote

import pytest

from tests.library.conftest import make_document

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "professionnel", "referent", "editeur", "moderateur", "admin"]
# The referent-only webinars use the toolbox's groups: referents and the editorial staff.
ALLOWED = {
    "public": set(ROLES),
    "login": set(ROLES) - {"anonymous"},
    "referents": {"referent", "editeur", "moderateur", "admin"},
}
TARGETS = ["page", "video", "captions", "slides"]


@pytest.fixture
def webinars(webinar_factory, demo_users):
    return {
        access: webinar_factory(
            title=f"Webinaire {access}", access=access, documents=[make_document(f"Diaporama {access}")]
        )
        for access in ALLOWED
    }


def url_of(webinar, target):
    if target == "page":
        return webinar.url
    if target == "video":
        return webinar.url + "video/"
    if target == "captions":
        return webinar.url + "sous-titres/"
    return webinar.documents.first().document.url


@pytest.mark.parametrize("access", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, webinars, demo_users, role, access):
    if role != "anonymous":
        client.force_login(demo_users[role])
    webinar = webinars[access]
    for target in TARGETS:
        url = url_of(webinar, target)
        response = client.get(url)
        if role in ALLOWED[access]:
            assert response.status_code == 200, (role, access, target, response.status_code)
            if target == "video":
                assert response["Content-Type"] == "video/webm"
                assert b"".join(response.streaming_content)[:4] == b"\x1a\x45\xdf\xa3"
            if target == "captions":
                assert response["Content-Type"].startswith("text/vtt")
                assert response.content.startswith(b"WEBVTT")
        elif role == "anonymous":
            assert response.status_code == 302, (role, access, target)
            assert response["Location"].startswith("/compte/connexion/?next=")
            assert quote(url, safe="") in response["Location"] or url in response["Location"]
        else:
            assert response.status_code == 403, (role, access, target, response.status_code)
            assert response.context["restricted_page_title"] in (
                webinar.title,
                webinar.documents.first().document.title,
            )
            assert "Accès réservé" in response.content.decode()


@pytest.mark.parametrize("access", list(ALLOWED))
def test_the_raw_media_address_never_appears_in_the_html(client, webinars, demo_users, access):
    client.force_login(demo_users["admin"])
    webinar = webinars[access]
    html = client.get(webinar.url).content.decode()
    assert webinar.video.file.url not in html
    assert webinar.video.file.name not in html
    assert "/media/" not in html
    assert f'src="{webinar.url}video/"' in html
    assert (
        f'<track kind="captions" srclang="fr" label="Français" src="{webinar.url}sous-titres/" default>'
        in html
    )


def test_private_files_are_not_cached_by_shared_caches(client, webinars, demo_users):
    client.force_login(demo_users["referent"])
    for access in ("login", "referents"):
        response = client.get(webinars[access].url + "video/")
        assert response["Cache-Control"].startswith("private")
        assert client.get(webinars[access].url + "sous-titres/")["Cache-Control"].startswith("private")
    assert "private" not in client.get(webinars["public"].url + "video/")["Cache-Control"]


def test_a_draft_webinar_serves_nothing(client, webinar_factory, demo_users):
    draft = webinar_factory(publish=False)
    client.force_login(demo_users["admin"])
    for suffix in ("", "video/", "sous-titres/"):
        assert client.get(f"/webinaires/{draft.slug}/{suffix}").status_code == 404


def test_no_video_or_no_captions_is_a_404(client, webinar_factory):
    webinar = webinar_factory(video=None, captions="")
    assert client.get(webinar.url).status_code == 200
    assert client.get(webinar.url + "video/").status_code == 404
    assert client.get(webinar.url + "sous-titres/").status_code == 404


def test_the_video_survives_a_missing_file(client, webinar_factory):
    webinar = webinar_factory()
    webinar.video.file.storage.delete(webinar.video.file.name)
    response = client.get(webinar.url)
    assert response.status_code == 200
    assert "<video" not in response.content.decode()
    assert "Transcription" in response.content.decode() or webinar.transcript == ""


def test_downloads_are_attachments(client, webinar_factory):
    webinar = webinar_factory()
    response = client.get(webinar.url + "video/?telecharger=1")
    assert response["Content-Disposition"].startswith("attachment")
    response = client.get(webinar.url + "sous-titres/?telecharger=1")
    assert response["Content-Disposition"] == f'attachment; filename="{webinar.slug}.vtt"'
