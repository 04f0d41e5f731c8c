"""RSS/Atom feeds of public resources, resource page, and the editorial care reports."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from tests.library.conftest import make_document, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(library_index, toolbox):
    make_resource(
        library_index,
        title="Guide violences conjugales",
        themes=["violences-conjugales"],
        intro="Repères pour les PMI.",
    )
    make_resource(library_index, title="Étude inceste", themes=["inceste"])
    make_resource(toolbox, title="Trame réservée", themes=["violences-conjugales"])


def test_rss_feed_lists_public_resources(client, resources):
    response = client.get("/ressources/flux/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert set(titles) == {"Guide violences conjugales", "Étude inceste"}


def test_feed_filtered_by_theme(client, resources):
    response = client.get("/ressources/flux/", {"theme": "violences-conjugales"})
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert titles == ["Guide violences conjugales"]
    assert "Violences conjugales" in ET.fromstring(response.content).find("channel").findtext("title")


def test_atom_feed(client, resources):
    response = client.get("/ressources/flux/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"Guide violences conjugales" in response.content and b"Trame r" not in response.content


def test_unknown_theme_feed_is_a_404(client, resources):
    assert client.get("/ressources/flux/", {"theme": "inconnu"}).status_code == 404


def test_listing_advertises_the_feed(client, resources):
    html = client.get("/ressources/?theme=inceste").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/ressources/flux/?theme=inceste"' in html


def test_resource_page_shows_files_with_format_size_and_language(client, library_index):
    document = make_document("Contenu du guide.", title="Guide complet")
    other = make_resource(library_index, title="Fiche liée")
    page = make_resource(
        library_index,
        title="Guide du repérage",
        documents=[document],
        organisation="Département du Nord — ODPE",
        external_url="https://arretonslesviolences.gouv.fr/",
        updated_on=datetime.date(2026, 1, 15),
    )
    page.related_resources.add(other)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Guide complet" in html and "PDF" in html and "français" in html
    assert re.search(r"PDF, \d+(,\d)?\xa0(octets|Ko), français", html)
    assert "Département du Nord — ODPE" in html
    assert "15 janvier 2026" in html
    assert "https://arretonslesviolences.gouv.fr/" in html
    assert "Fiche liée" in html


@pytest.mark.parametrize(
    ("account", "allowed"),
    [("editeur", True), ("moderateur", True), ("admin", True), ("referent", False), ("professionnel", False)],
)
def test_review_report(client, library_index, demo_users, account, allowed):
    make_resource(library_index, title="Guide périmé", review_due=datetime.date(2020, 1, 1))
    make_resource(library_index, title="Guide à jour", review_due=datetime.date(2099, 1, 1))
    client.force_login(demo_users[account])
    response = client.get("/admin/rapports/bibliotheque/a-reexaminer/")
    if not allowed:
        assert response.status_code in (302, 403)
        return
    html = response.content.decode()
    assert "Guide périmé" in html and "Guide à jour" not in html
    export = client.get("/admin/rapports/bibliotheque/a-reexaminer/", {"export": "csv"})
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert "Guide périmé".encode() in content


def test_unattached_documents_report(client, library_index, demo_users):
    attached = make_document("Joint.", title="Document joint")
    make_document("Orphelin.", title="Document orphelin")
    make_resource(library_index, documents=[attached])
    client.force_login(demo_users["editeur"])
    html = client.get("/admin/rapports/bibliotheque/documents-non-rattaches/").content.decode()
    assert "Document orphelin" in html and "Document joint" not in html


def test_admin_resource_listing_filters_by_type(client, library_index, demo_users):
    make_resource(library_index, title="Un guide", resource_type="guide")
    make_resource(library_index, title="Une affiche", resource_type="support-de-communication")
    client.force_login(demo_users["editeur"])
    from library.models import ResourceType

    response = client.get("/admin/ressources/", {"resource_type": ResourceType.objects.get(slug="guide").pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Un guide" in html and "Une affiche" not in html


def test_editors_manage_taxonomies_as_snippets(client, demo_users):
    client.force_login(demo_users["editeur"])
    response = client.post(
        "/admin/snippets/home/theme/add/", {"name": "Violences économiques", "slug": "", "description": ""}
    )
    assert response.status_code == 302
    from home.models import Theme

    assert Theme.objects.get(name="Violences économiques").slug == "violences-economiques"


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (982, "982\xa0octets"),
        (1234, "1,2\xa0Ko"),
        (245_000, "245\xa0Ko"),
        (3_400_000, "3,4\xa0Mo"),
        (None, ""),
    ],
)
def test_file_sizes_read_the_french_way(size, label):
    from home.templatetags.portal_tags import file_size

    assert file_size(size) == label
