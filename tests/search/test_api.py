"""The partners' API (/api/v2/): public content only whoever asks, the portal's French search,
read-only, and bad input answered with a 400 in JSON, never a 500."""

import datetime
from urllib.parse import urlsplit

import pytest

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from demo.builders.common import ensure_page, get_home_page
from tests.library.conftest import make_document, make_resource
from tests.webinars.conftest import make_webinar, online_session
from trainings.models import Provider, Session, TrainingCatalogPage, TrainingPage
from webinars.models import WebinarIndexPage

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "professionnel", "referent", "editeur"]
ENDPOINTS = ["pages", "documents", "images"]


@pytest.fixture
def content(library_index, toolbox, private_collection):
    files = {
        "public": make_document("Le violentometre gradue les comportements.", title="Violentomètre"),
        "private": make_document(
            "Trame confidentielle des referents.", title="Trame privée", collection=private_collection
        ),
        "toolbox": make_document("Grille interne des referents.", title="Grille des référents"),
        "loose": make_document("Un document rattaché à rien.", title="Document libre"),
    }
    pages = {
        "public": make_resource(
            library_index,
            title="Guide du repérage",
            intro="Repérer les situations de danger.",
            themes=["reperage"],
            documents=[files["public"], files["private"]],
        ),
        "conjugal": make_resource(
            library_index, title="Les violences conjugales", intro="Comprendre le cycle de l'emprise."
        ),
        "toolbox": make_resource(
            toolbox,
            title="Trame réservée sur le repérage",
            intro="Outil des référents pour le repérage.",
            documents=[files["toolbox"]],
        ),
    }
    return {"files": files, "pages": pages}


@pytest.fixture
def as_role(client, demo_users):
    def login(role):
        if role != "anonymous":
            client.force_login(demo_users[role])
        return client

    return login


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    return response.status_code, response.json()


def titles(client, endpoint, **params):
    status, data = get_json(client, f"/api/v2/{endpoint}/", limit=20, **params)
    assert status == 200, data
    return {item["title"] for item in data["items"]}


# --- Who sees what --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_pages_are_public_pages_only_whoever_asks(as_role, content, role):
    client = as_role(role)
    listed = titles(client, "pages", type="library.ResourcePage")
    assert {"Guide du repérage", "Les violences conjugales"} <= listed
    assert "Trame réservée sur le repérage" not in listed
    everything = titles(client, "pages")
    assert "Boîte à outils des référents" not in everything
    assert "Trame réservée sur le repérage" not in everything
    assert not any("co-formation" in title for title in everything)

    toolbox_page = content["pages"]["toolbox"]
    status, data = get_json(client, f"/api/v2/pages/{toolbox_page.pk}/")
    assert status == 404 and "message" in data
    status, _ = get_json(client, f"/api/v2/pages/{toolbox_page.get_parent().pk}/")
    assert status == 404
    status, _ = get_json(client, "/api/v2/pages/", descendant_of=toolbox_page.get_parent().pk)
    assert status == 400  # the toolbox is not a page the API knows
    assert client.get("/api/v2/pages/find/", {"html_path": toolbox_page.url}).status_code == 404

    public = content["pages"]["public"]
    status, data = get_json(client, f"/api/v2/pages/{public.pk}/")
    assert status == 200 and data["title"] == "Guide du repérage"


@pytest.mark.parametrize("role", ROLES)
def test_documents_are_downloadable_ones_only_whoever_asks(as_role, content, role):
    client = as_role(role)
    listed = titles(client, "documents")
    assert {"Violentomètre", "Document libre"} <= listed
    assert "Trame privée" not in listed  # restricted collection
    assert "Grille des référents" not in listed  # attached only to a toolbox resource

    for key in ("private", "toolbox"):
        status, data = get_json(client, f"/api/v2/documents/{content['files'][key].pk}/")
        assert status == 404 and "message" in data
    status, data = get_json(client, f"/api/v2/documents/{content['files']['public'].pk}/")
    assert status == 200 and data["title"] == "Violentomètre"


def test_the_privileges_exist_but_the_api_ignores_them(as_role, content):
    """A referent may open the toolbox and its files on the site, not through the API."""
    client = as_role("referent")
    assert client.get(content["pages"]["toolbox"].url).status_code == 200
    assert client.get(content["files"]["private"].url).status_code == 200
    assert "Trame privée" not in titles(client, "documents")


def test_documents_follow_the_webinars_privacy(client, content):
    index = ensure_page(get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires")
    private_slides = make_document("Diaporama réservé", title="Diaporama réservé")
    public_slides = make_document("Diaporama public", title="Diaporama public")
    shared_slides = make_document("Diaporama partagé", title="Diaporama partagé")
    make_webinar(index, access="referents", video=False, documents=[private_slides, shared_slides])
    make_webinar(index, access="login", video=False, documents=[public_slides])
    make_webinar(index, access="public", video=False, documents=[shared_slides])

    listed = titles(client, "documents")
    assert "Diaporama partagé" in listed
    assert "Diaporama réservé" not in listed
    assert "Diaporama public" not in listed  # its only webinar needs a log-in
    assert client.get(f"/api/v2/documents/{private_slides.pk}/").status_code == 404


def test_a_draft_resource_does_not_publish_its_files(client, library_index):
    document = make_document("Brouillon", title="Fichier d'un brouillon")
    page = make_resource(library_index, title="Ressource retirée", documents=[document])
    page.unpublish()
    assert "Ressource retirée" not in titles(client, "pages")
    assert "Fichier d'un brouillon" not in titles(client, "documents")


@pytest.mark.parametrize("role", ROLES)
def test_images_in_public_collections_only(as_role, private_collection, role):
    image_model = get_image_model()
    image_model.objects.create(title="Affiche publique", file=get_test_image_file("affiche.png"))
    image_model.objects.create(
        title="Schéma réservé", file=get_test_image_file("schema.png"), collection=private_collection
    )
    hidden = image_model.objects.get(title="Schéma réservé")
    client = as_role(role)
    listed = titles(client, "images")
    assert "Affiche publique" in listed
    assert "Schéma réservé" not in listed
    assert client.get(f"/api/v2/images/{hidden.pk}/").status_code == 404


def test_a_sub_collection_of_a_restricted_one_is_private_too(client, private_collection):
    child = private_collection.add_child(name="Sous-dossier")
    make_document("Texte", title="Fichier du sous-dossier", collection=child)
    assert "Fichier du sous-dossier" not in titles(client, "documents")


# --- Fields -------------------------------------------------------------------------------------


def test_a_resource_exposes_its_description_and_downloadable_files(client, content):
    page = content["pages"]["public"]
    status, data = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert status == 200
    assert data["meta"]["type"] == "library.ResourcePage"
    assert data["meta"]["html_url"].endswith(page.url)
    assert data["intro"] == "Repérer les situations de danger."
    assert data["published_on"] == "2025-03-01"
    assert data["resource_type"] == "Guide"
    assert data["themes"] == ["Repérage"]
    files = data["files"]
    assert [item["title"] for item in files] == ["Violentomètre"]  # not the restricted one
    assert files[0]["format"] == "PDF"
    assert files[0]["size"] > 0
    assert files[0]["detail_url"].endswith(f"/api/v2/documents/{content['files']['public'].pk}/")
    download = client.get(urlsplit(files[0]["download_url"]).path)
    assert download.status_code == 200


def test_listing_fields_for_one_page_type(client, content):
    status, data = get_json(
        client, "/api/v2/pages/", type="library.ResourcePage", fields="intro,resource_type,files"
    )
    assert status == 200
    guide = next(item for item in data["items"] if item["title"] == "Guide du repérage")
    assert guide["intro"] == "Repérer les situations de danger."
    assert guide["resource_type"] == "Guide"
    assert guide["files"][0]["title"] == "Violentomètre"


def test_events_expose_their_dates_but_never_the_join_link(client):
    index = ensure_page(get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires")
    webinar = make_webinar(
        index,
        title="Webinaire à venir",
        days=14,
        video=False,
        sessions=[online_session()],
        intro="En direct.",
    )
    status, data = get_json(client, f"/api/v2/pages/{webinar.pk}/")
    assert status == 200
    assert data["intro"] == "En direct."
    assert datetime.datetime.fromisoformat(data["date"]) == webinar.date
    assert len(data["dates"]) == 1 and data["dates"][0]["online"] is True
    assert "secret" not in str(data) and "join_url" not in str(data)
    assert get_json(client, "/api/v2/pages/", fields="join_url")[0] == 400

    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    training = TrainingPage(
        title="Emprise et mécanismes", slug="emprise", provider=Provider.objects.get(name="SOLFA")
    )
    catalog.add_child(instance=training)
    training.save_revision().publish()
    starts = timezone.now() + datetime.timedelta(days=3)
    Session.objects.create(page=training, starts_at=starts, ends_at=starts + datetime.timedelta(hours=7))
    status, data = get_json(client, f"/api/v2/pages/{training.pk}/")
    assert status == 200
    assert [session["online"] for session in data["dates"]] == [False]
    assert data["format"] == "presentiel"


def test_documents_expose_their_format(client, content):
    document = content["files"]["public"]
    status, data = get_json(client, f"/api/v2/documents/{document.pk}/")
    assert status == 200
    assert data["meta"]["file_extension"] == "pdf"
    assert data["meta"]["download_url"].endswith(document.url)
    assert "extracted_text" not in data


# --- Search -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_search_is_french_and_public(as_role, content, role):
    client = as_role(role)
    found = titles(client, "pages", search="reperage")
    assert "Guide du repérage" in found
    assert "Trame réservée sur le repérage" not in found


def test_search_handles_plurals(client, content):
    assert "Les violences conjugales" in titles(client, "pages", search="violence")
    assert "Les violences conjugales" in titles(client, "pages", search="conjugal")


def test_search_reaches_the_text_of_files(client, content):
    assert titles(client, "documents", search="violentometre") == {"Violentomètre"}
    assert "Guide du repérage" in titles(client, "pages", search="violentometre")
    # The words of a private file find nothing
    assert titles(client, "documents", search="confidentielle") == set()
    assert titles(client, "documents", search="grille interne") == set()


def test_search_quotes_make_phrases(client, content):
    assert "Les violences conjugales" in titles(client, "pages", search='"violences conjugales"')
    assert "Les violences conjugales" not in titles(client, "pages", search='"conjugales violences"')


def test_only_stop_words_find_nothing(client, content):
    status, data = get_json(client, "/api/v2/pages/", search="de la le")
    assert status == 200 and data == {"meta": {"total_count": 0}, "items": []}


def test_search_operator(client, content):
    # A word no content holds is left out (issue 14), whatever the operator.
    assert "Guide du repérage" in titles(client, "pages", search="reperage zzzinconnu")
    assert "Guide du repérage" in titles(client, "pages", search="reperage zzzinconnu", search_operator="or")
    assert titles(client, "pages", search="zzzinconnu") == set()
    assert "Guide du repérage" in titles(client, "pages", search="reperage danger", search_operator="and")


def test_search_with_an_explicit_order(client, content):
    found = titles(client, "pages", search="violence OR reperage", search_operator="or", order="title")
    assert "Guide du repérage" in found


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 200,
        "violence AND (NOT x) OR 1=1; DROP TABLE",
        "repérage*?~^:[]{}!\\/",
        "<script>alert(1)</script>",
        "l'",
        "’",
        "live:false",
        "'",
        'violence "de"',  # a quoted phrase of stop words next to a word
        '"de la" reperage',
        '"de" "la"',
    ],
)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_odd_searches_are_answered(client, content, endpoint, query):
    status, data = get_json(client, f"/api/v2/{endpoint}/", search=query)
    assert status == 200, data
    assert "items" in data


# --- Bad input and methods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "endpoint, params",
    [
        ("pages", {"fields": "inexistant"}),
        ("pages", {"fields": "title("}),
        ("pages", {"inexistant": "1"}),
        ("pages", {"limit": "abc"}),
        ("pages", {"limit": "100000"}),
        ("pages", {"limit": "-1"}),
        ("pages", {"offset": "abc"}),
        ("pages", {"offset": "9" * 25}),
        ("pages", {"offset": "²"}),  # str.isdigit() says yes, int() refuses it
        ("pages", {"offset": "٣"}),  # an Arabic-Indic digit
        ("pages", {"limit": "²"}),
        ("pages/find", {"id": "²"}),
        ("pages/find", {"id": "9223372036854775808"}),
        ("pages", {"child_of": "²"}),
        ("pages", {"child_of": "9223372036854775808"}),
        ("pages", {"type": "library.ResourcePage", "themes": "²"}),
        ("documents", {"offset": "²"}),
        ("documents/find", {"id": "²"}),
        ("images", {"offset": "²"}),
        ("pages", {"search": "x" * 2000}),
        ("pages", {"search": '"violences conjugales'}),
        ("pages", {"search": "violence\x00"}),
        ("pages", {"search": "violence", "search_operator": "xor"}),
        ("pages", {"search_operator": "nand"}),
        ("pages", {"search": "violence", "order": "random"}),
        ("pages", {"search": "reperage", "type": "library.ResourcePage", "themes": "1"}),
        ("pages", {"type": "inexistant.Model"}),
        ("pages", {"type": "inexistant"}),
        ("pages", {"type": "library.LibraryDocument"}),
        ("pages", {"order": "inexistant"}),
        ("pages", {"child_of": "abc"}),
        ("pages", {"first_published_at": "abc"}),
        ("pages", {"type": "library.ResourcePage", "published_on": "abc"}),
        ("pages", {"type": "library.ResourcePage", "themes": "abc"}),
        ("pages", {"type": "library.ResourcePage", "files": "abc"}),
        ("pages/find", {"id": "abc"}),
        ("pages", {"rich_text_format": "inexistant"}),
        ("documents", {"fields": "extracted_text"}),
        ("documents", {"limit": "abc"}),
        ("documents", {"offset": "-3"}),
        ("documents", {"search": "x" * 2000}),
        ("documents", {"search": 'a "b'}),
        ("documents", {"search": "a", "search_operator": "xor"}),
        ("documents", {"id": "abc"}),
        ("documents", {"created_at": "abc"}),
        ("documents/find", {"id": "abc"}),
        ("images", {"limit": "100000"}),
        ("images", {"fields": "inexistant"}),
        ("images", {"search": '"'}),
    ],
)
def test_bad_input_is_a_400_in_json(client, content, endpoint, params):
    status, data = get_json(client, f"/api/v2/{endpoint}/", **params)
    assert status == 400, data
    assert data.get("message")


@pytest.mark.parametrize("value", ["9223372036854775808", "9" * 30])
def test_ids_too_large_for_the_database_find_nothing(client, content, value):
    # SQLite refuses the value (a 400), Django on PostgreSQL knows no row can match.
    status, data = get_json(client, "/api/v2/pages/", type="library.ResourcePage", themes=value)
    assert (status, data.get("items")) in ((400, None), (200, [])), data


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_api_is_read_only(as_role, content, endpoint, method):
    client = as_role("editeur")
    send = getattr(client, method)
    assert send(f"/api/v2/{endpoint}/", {}, content_type="application/json").status_code == 405
    detail = {
        "pages": content["pages"]["public"].pk,
        "documents": content["files"]["public"].pk,
        "images": 1,
    }[endpoint]
    assert send(f"/api/v2/{endpoint}/{detail}/", {}, content_type="application/json").status_code == 405


def test_out_of_range_ids_never_break_the_api(client, content):
    # SQLite refuses the number (400), PostgreSQL finds nothing (200): never a 500.
    status, data = get_json(client, "/api/v2/pages/", type="library.ResourcePage", themes="9" * 25)
    assert status in (200, 400), data
