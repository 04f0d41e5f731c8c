"""Slides are library documents: a document attached only to a private webinar cannot be
downloaded by guessing its address; attached to something the visitor may see, it can."""

import pytest

from accounts.groups import restrict_to_referents
from demo.builders.common import ensure_page, get_home_page
from library.models import LibraryIndexPage, ToolboxPage
from tests.library.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_index(db):
    return ensure_page(get_home_page(), LibraryIndexPage, "ressources", title="Ressources")


@pytest.fixture
def toolbox(db):
    page = ensure_page(get_home_page(), ToolboxPage, "boite-a-outils", title="Boîte à outils des référents")
    restrict_to_referents(page)
    return page


@pytest.fixture
def slides(db):
    return make_document("Diaporama du webinaire", title="Diaporama")


def download(client, document, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def test_slides_of_a_referent_webinar(client, webinar_factory, slides, demo_users):
    webinar_factory(access="referents", documents=[slides])
    anonymous = download(client, slides)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/compte/connexion/?next=")
    refused = download(client, slides, demo_users["professionnel"])
    assert refused.status_code == 403
    assert refused.context["restricted_page_title"] == "Diaporama"
    allowed = download(client, slides, demo_users["referent"])
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content).startswith(b"%PDF")


def test_slides_also_offered_by_a_public_resource(client, webinar_factory, slides, library_index, demo_users):
    webinar_factory(access="referents", documents=[slides])
    make_resource(library_index, documents=[slides])
    assert download(client, slides).status_code == 200
    assert download(client, slides, demo_users["professionnel"]).status_code == 200


def test_slides_also_attached_to_a_public_webinar(client, webinar_factory, slides):
    webinar_factory(access="login", documents=[slides])
    webinar_factory(access="public", documents=[slides])
    assert download(client, slides).status_code == 200


def test_slides_of_a_private_resource_stay_private(client, webinar_factory, slides, toolbox, demo_users):
    """The library's rule runs first and still applies: a toolbox file stays the referents',
    even when a webinar for all professionals shows it too."""
    webinar_factory(access="login", documents=[slides])
    make_resource(toolbox, documents=[slides])
    assert download(client, slides, demo_users["professionnel"]).status_code == 403
    assert download(client, slides, demo_users["referent"]).status_code == 200
    client.logout()
    assert download(client, slides).status_code == 302


def test_slides_of_a_draft_webinar(client, webinar_factory, slides, demo_users):
    webinar_factory(publish=False, documents=[slides])
    assert download(client, slides, demo_users["professionnel"]).status_code == 403
    assert download(client, slides, demo_users["editeur"]).status_code == 200  # checking the draft


def test_documents_of_nothing_webinar_related_are_untouched(client, slides):
    assert download(client, slides).status_code == 200


def test_the_page_lists_its_slides(client, webinar_factory, slides):
    webinar = webinar_factory(documents=[slides])
    html = client.get(webinar.url).content.decode()
    assert slides.url in html
    assert "Diaporama" in html
