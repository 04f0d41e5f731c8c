import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.builders.common import ensure_page, rich, stream
from home.models import ContactPage, ContentPage, HomePage
from library.models import LibraryIndexPage, ToolboxPage
from trainings.models import SeminarIndexPage, TrainingCatalogPage
from webinars.models import WebinarIndexPage

pytestmark = pytest.mark.django_db


def test_home_page_shows_intro_navigation_and_emergency_numbers(client, demo_content):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert 'href="#contenu"' in html
    for label in [
        "Ressources",
        "Webinaires",
        "Formations",
        "Séminaires",
        "Boîte à outils des référents",
        "Recherche",
    ]:
        assert label in html
    for number in ["3919", "119", "114", "17"]:
        assert f">{number}<" in html or f"{number}</a>" in html or number in html
    assert 'href="tel:3919"' in html
    assert "Trouver un outil" in html  # featured tiles from the demo content
    assert "Mentions légales" in html and "Données personnelles" in html


def test_content_page_renders_every_shared_block(client, home_page):
    page = ensure_page(
        home_page,
        ContentPage,
        "tous-les-blocs",
        title="Tous les blocs",
        intro="Une page d'essai.",
        body=stream(
            ("heading", {"text": "Un titre de section", "level": "h2"}),
            ("paragraph", rich("Du texte <strong>riche</strong>.")),
            ("callout", {"kind": "warning", "title": "Attention", "text": rich("Encadré.")}),
            ("quote", {"text": "Une citation.", "source": "Une source"}),
            (
                "accordion",
                {"title": "FAQ", "items": [{"title": "Une question ?", "body": rich("Une réponse.")}]},
            ),
            (
                "table",
                {
                    "data": [["Colonne A", "Colonne B"], ["1", "2"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            ),
        ),
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Un titre de section</h2>" in html
    assert "<strong>riche</strong>" in html
    assert "callout--warning" in html
    assert "<blockquote><p>Une citation.</p></blockquote>" in html
    assert "<summary>Une question ?</summary>" in html
    assert '<th scope="col">Colonne A</th>' in html


def test_title_and_meta_description_come_from_the_promote_tab(client, home_page):
    page = ensure_page(
        home_page,
        ContentPage,
        "promu",
        title="Titre de la page",
        seo_title="Titre pour les moteurs",
        search_description="Description pour les moteurs de recherche.",
    )
    html = client.get(page.url).content.decode()
    assert "<title>Titre pour les moteurs — Portail VIF Nord</title>" in html
    assert '<meta name="description" content="Description pour les moteurs de recherche.">' in html


def test_unknown_url_gives_french_404(client, db):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert '<html lang="fr"' in html


def test_server_error_gives_french_500_without_stack_trace(client, home_page, monkeypatch):
    def broken_serve(self, request, *args, **kwargs):
        raise RuntimeError("secret interne du serveur")

    monkeypatch.setattr(HomePage, "serve", broken_serve)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Erreur du serveur" in html or "erreur" in html.lower()
    assert "secret interne" not in html
    assert "Traceback" not in html
    assert '<html lang="fr"' in html


def test_sitemap_lists_public_pages_only(client, site_skeleton):
    draft = ensure_page(Page.objects.get(slug="a-propos"), ContentPage, "brouillon", title="Brouillon")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/ressources/" in xml
    assert "/mentions-legales/" in xml
    assert "/boite-a-outils/" not in xml, "the referents' toolbox is private"
    assert "animer-un-temps-de-co-formation" not in xml
    assert "/brouillon/" not in xml


def test_robots_txt_points_at_the_sitemap_and_hides_private_areas(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: " in body and body.strip().endswith("/sitemap.xml")
    assert "Disallow: /admin/" in body


def test_site_tree_urls_are_stable(client, site_skeleton):
    for url in [
        "/ressources/",
        "/webinaires/",
        "/formations/",
        "/seminaires/",
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
        "/a-propos/",
        "/feuille-de-route/",
        "/recherche/",
    ]:
        assert client.get(url).status_code == 200, url


class TestPageTypesInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()  # a superuser
        self.home = HomePage.objects.get()

    def test_home_page_accepts_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                LibraryIndexPage,
                ToolboxPage,
                TrainingCatalogPage,
                SeminarIndexPage,
                WebinarIndexPage,
                ContactPage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_an_editor_can_create_a_content_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Nouvelle page",
                    "slug": "nouvelle-page",
                    "intro": "Résumé",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Titre", "level": "h2"}),
                            ("paragraph", rich_text("<p>Texte</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_content_pages_cannot_be_created_under_the_library_index(self):
        self.assertCanNotCreateAt(LibraryIndexPage, ContentPage)
