"""The site maps: sitemap.xml on the portal's real address, and the HTML "Plan du site"."""

import re

import pytest

from wagtail.models import Page, Site

from demo.builders.common import ensure_page
from home.models import ContentPage

pytestmark = pytest.mark.django_db

SITE_URL = "https://vif.lenord.fr"


def site_map_html(client):
    response = client.get("/plan-du-site/")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<div class="site-map">') : html.index("</main>")]


def test_sitemap_xml_locations_use_site_url_whatever_the_host_or_site_record(client, site_skeleton, settings):
    settings.SITE_URL = SITE_URL
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.filter(is_default_site=True).update(hostname="interne.example", port=8080)
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert locations, "the site map lists pages"
    assert all(location.startswith(SITE_URL + "/") for location in locations), locations
    assert f"{SITE_URL}/" in locations
    assert f"{SITE_URL}/mentions-legales/" in locations


def test_canonical_link_uses_site_url(client, site_skeleton, settings):
    settings.SITE_URL = SITE_URL
    html = client.get("/mentions-legales/").content.decode()
    assert f'<link rel="canonical" href="{SITE_URL}/mentions-legales/">' in html


def test_footer_plan_du_site_opens_the_html_site_map(client, site_skeleton):
    html = client.get("/").content.decode()
    assert '<a href="/plan-du-site/">Plan du site</a>' in html
    assert 'href="/sitemap.xml"' not in html


def test_html_site_map_lists_public_pages_and_hides_restricted_and_drafts(client, site_skeleton):
    draft = ensure_page(
        Page.objects.get(slug="a-propos"), ContentPage, "brouillon", title="Page en brouillon"
    )
    draft.unpublish()
    ensure_page(Page.objects.get(slug="a-propos"), ContentPage, "equipe", title="L'équipe de l'ODPE")
    assert "<title>Plan du site — Portail VIF Nord</title>" in client.get("/plan-du-site/").content.decode()
    html = site_map_html(client)
    assert "<h1>Plan du site</h1>" in html
    for title, url in [
        ("Ressources", "/ressources/"),
        ("Formations", "/formations/"),
        ("Mentions légales", "/mentions-legales/"),
        ("À propos du portail", "/a-propos/"),
        ("L&#x27;équipe de l&#x27;ODPE", "/a-propos/equipe/"),
    ]:
        assert f'<a href="{url}">{title}</a>' in html, title
    assert "Page en brouillon" not in html
    assert "Boîte à outils des référents</a>" not in html, "the referents' toolbox is restricted"
    assert "Animer un temps de co-formation" not in html


def test_html_site_map_hides_restricted_pages_from_logged_in_visitors_too(client, site_skeleton, demo_users):
    client.force_login(demo_users["referent"])
    html = site_map_html(client)
    assert "Boîte à outils des référents</a>" not in html
    assert "Animer un temps de co-formation" not in html


def test_html_site_map_counts_listing_pages_instead_of_listing_them(client, site_skeleton):
    import datetime

    from trainings.models import SeminarIndexPage, SeminarPage

    seminars = SeminarIndexPage.objects.get()
    for number in range(3):
        seminars.add_child(
            instance=SeminarPage(
                title=f"Séminaire numéro {number}",
                slug=f"seminaire-{number}",
                date=datetime.date(2025, 6, 1 + number),
            )
        )
    html = site_map_html(client)
    assert '<a href="/seminaires/">Séminaires</a> (3 pages)' in html
    assert "Séminaire numéro 1" not in html


def test_html_site_map_follows_content_changes(client, site_skeleton):
    client.get("/plan-du-site/")
    ensure_page(Page.objects.get(slug="a-propos"), ContentPage, "nouveau", title="Une page toute neuve")
    assert "Une page toute neuve" in site_map_html(client)


def test_html_site_map_is_shared_by_the_page_cache(client, site_skeleton, settings):
    settings.PAGE_CACHE_SECONDS = 600
    response = client.get("/plan-du-site/")
    assert "public" in response["Cache-Control"] and "s-maxage=600" in response["Cache-Control"]
