"""Which responses a shared cache (nginx, a CDN) may keep: the app says it in Cache-Control
(caching/headers.py). Anonymous public pages: "public, s-maxage"; everything personal,
private, with a form or a search query: never shared."""

import pytest

from django.utils.cache import get_max_age

from wagtail.models import Page

from library.models import LibraryDocument, LibraryIndexPage, ResourcePage, ToolboxPage
from trainings.models import SeminarPage, TrainingPage
from webinars.models import WebinarIndexPage, WebinarPage

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {
        part.strip().split("=")[0]: part.strip()
        for part in response.get("Cache-Control", "").split(",")
        if part
    }


def is_shared(response):
    directives = cache_control(response)
    return "public" in directives and "s-maxage" in directives


def is_never_shared(response):
    directives = cache_control(response)
    return not is_shared(response) and bool({"private", "no-store", "no-cache"} & set(directives))


def public_url(model):
    page = model.objects.live().public().order_by("path").first()
    assert page is not None, f"no public {model.__name__} in the demo content"
    return page.url


@pytest.fixture
def public_pages(demo_content):
    return {
        "accueil": "/",
        "bibliothèque": public_url(LibraryIndexPage),
        "ressource": public_url(ResourcePage),
        "formation": public_url(TrainingPage),
        "séminaire": public_url(SeminarPage),
        "webinaires": public_url(WebinarIndexPage),
        "flux": public_url(LibraryIndexPage) + "flux/",
        "plan du site": "/sitemap.xml",
    }


def test_anonymous_public_pages_are_shared(client, public_pages, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert is_shared(response), (name, url, response.get("Cache-Control"))
        assert "s-maxage=600" in response["Cache-Control"]
        assert get_max_age(response) == 0, "browsers revalidate; only the shared cache keeps the page"
        # A shared copy must not depend on the visitor's cookies or language header.
        assert "cookie" not in response.get("Vary", "").lower(), (name, url)
        assert not response.cookies, (name, url)


def test_lifetime_comes_from_the_environment_setting(client, demo_content, settings):
    settings.PAGE_CACHE_SECONDS = 42
    assert "s-maxage=42" in client.get("/")["Cache-Control"]
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/")
    assert is_never_shared(response), response["Cache-Control"]


def test_public_webinar_page_is_shared_unless_it_carries_a_form(client, demo_content):
    """A webinar page with a player carries the play counter's CSRF token: never shared.
    Without a player (an upcoming webinar) it is an ordinary public page."""
    seen = set()
    for page in WebinarPage.objects.live().public():
        response = client.get(page.url)
        assert response.status_code == 200
        has_form = b"csrfmiddlewaretoken" in response.content
        assert is_shared(response) is not has_form, (page.url, response["Cache-Control"])
        seen.add(has_form)
    assert seen, "no public webinar in the demo content"


def test_logged_in_users_never_get_shared_pages(client, public_pages, demo_users):
    client.force_login(demo_users["professionnel"])
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert is_never_shared(response), (name, url, response.get("Cache-Control"))


def test_anonymous_visitor_with_a_session_cookie_is_not_shared(client, public_pages):
    client.cookies["sessionid"] = "nimportequoi"
    assert is_never_shared(client.get(public_pages["ressource"]))


def test_private_toolbox_is_never_shared_even_for_its_referents(client, demo_content, demo_users):
    toolbox = ToolboxPage.objects.live().first()
    tool = Page.objects.descendant_of(toolbox).live().first()
    anonymous = client.get(toolbox.url)
    assert anonymous.status_code == 302
    assert is_never_shared(anonymous)
    client.force_login(demo_users["referent"])
    for url in (toolbox.url, tool.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_never_shared(response), (url, response.get("Cache-Control"))


def test_search_with_a_query_is_never_shared(client, demo_content):
    response = client.get("/recherche/", {"q": "repérage"})
    assert response.status_code == 200
    assert is_never_shared(response)
    assert not is_shared(client.get("/ressources/", {"page": "2"}))


@pytest.mark.parametrize(
    "url", ["/compte/connexion/", "/compte/inscription/", "/compte/mot-de-passe/oubli/", "/admin/"]
)
def test_forms_and_account_pages_are_never_shared(client, demo_content, url):
    response = client.get(url)
    assert response.status_code in (200, 302), url
    assert is_never_shared(response), (url, response.get("Cache-Control"))


def test_registration_form_is_never_shared(client, demo_content, demo_users):
    client.force_login(demo_users["professionnel"])
    page = next(p for p in TrainingPage.objects.live().public() if p.upcoming_sessions().exists())
    response = client.get(page.url)
    assert b"csrfmiddlewaretoken" in response.content, "the registration form is on the page"
    assert is_never_shared(response), response.get("Cache-Control")


def test_documents_are_never_shared(client, demo_content, demo_users):
    """Downloads are counted and follow their collection's privacy: always through the app."""
    private = next(doc for doc in LibraryDocument.objects.all() if doc.collection.get_view_restrictions())
    public = next(doc for doc in LibraryDocument.objects.all() if not doc.collection.get_view_restrictions())
    assert is_never_shared(client.get(public.url))
    client.force_login(demo_users["referent"])
    response = client.get(private.url)
    assert response.status_code == 200
    assert not is_shared(response), response.get("Cache-Control")


def test_posts_and_errors_are_never_shared(client, demo_content):
    assert is_never_shared(client.get("/page-qui-n-existe-pas/"))
    assert is_never_shared(client.post("/", {}))
