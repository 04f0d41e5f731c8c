"""Access matrix: who sees public and private resources and files, through every door."""

import pytest

from tests.library.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "professionnel", "referent", "editeur", "moderateur", "admin"]
ALLOWED_PRIVATE = {"referent", "editeur", "moderateur", "admin"}


@pytest.fixture
def library(library_index, toolbox, private_collection, demo_users):
    public_doc = make_document("Guide public du repérage.", title="Guide public")
    private_doc = make_document(
        "Trame confidentielle des référents.", title="Trame privée", collection=private_collection
    )
    misfiled_doc = make_document("Outil rangé dans la mauvaise collection.", title="Outil mal rangé")
    public = make_resource(library_index, title="Ressource publique", documents=[public_doc])
    private = make_resource(toolbox, title="Outil privé des référents", documents=[private_doc, misfiled_doc])
    return {
        "public_page": public.url,
        "toolbox_page": toolbox.url,
        "private_page": private.url,
        "public_file": public_doc.url,
        "private_file": private_doc.url,
        "misfiled_file": misfiled_doc.url,
    }


def login(client, demo_users, role):
    if role != "anonymous":
        client.force_login(demo_users[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", ["public_page", "public_file"])
def test_public_content_is_open_to_all(client, library, demo_users, role, target):
    login(client, demo_users, role)
    assert client.get(library[target]).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", ["toolbox_page", "private_page", "private_file", "misfiled_file"])
def test_private_content_matrix(client, library, demo_users, role, target):
    login(client, demo_users, role)
    response = client.get(library[target])
    if role in ALLOWED_PRIVATE:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/connexion/?next=")
    else:
        assert response.status_code == 403
        assert "réservé" in response.content.decode().lower()
        assert b"confidentielle" not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_private_titles_never_leak_through_listings_feed_sitemap_or_search(client, library, demo_users, role):
    login(client, demo_users, role)
    for url in [
        "/ressources/",
        "/ressources/flux/",
        "/ressources/flux/atom/",
        "/sitemap.xml",
        "/recherche/?q=outil",
        "/",
    ]:
        body = client.get(url).content.decode()
        assert "Outil privé des référents" not in body, url
    assert "Ressource publique" in client.get("/ressources/").content.decode()


@pytest.mark.parametrize("role", sorted(ALLOWED_PRIVATE))
def test_the_toolbox_lists_its_private_tools_to_those_allowed(client, library, demo_users, role):
    login(client, demo_users, role)
    body = client.get(library["toolbox_page"]).content.decode()
    assert "Outil privé des référents" in body
    assert "annuaire des référents" in body


def test_logged_in_professional_gets_no_redirect_loop_on_private_files(client, library, demo_users):
    client.force_login(demo_users["professionnel"])
    response = client.get(library["private_file"], follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 0


def test_unpublished_resource_hides_its_only_file(client, library_index, demo_users):
    document = make_document("Version de travail.", title="Brouillon de guide")
    page = make_resource(library_index, title="Guide en préparation", documents=[document])
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert client.get(document.url).status_code == 302
