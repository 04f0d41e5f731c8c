"""The access matrix: every demo role × every restrictable page type × public / logged-in only /
referent-only, through every door: the page, its files and media, and every listing, feed,
site map, search and API where a restricted item must not appear (``access``).

A new page type is covered by one line in ``conftest.KINDS``."""

from urllib.parse import quote

import pytest

from .conftest import ALLOWED, CASES, KINDS, ROLES, log_in, make_item

pytestmark = pytest.mark.django_db

# Where restricted content must never appear, whoever asks: they show what an anonymous
# visitor may see.
EVERYONE_S_VIEW = [
    "/",
    "/ressources/",
    "/ressources/flux/",
    "/ressources/flux/atom/",
    "/formations/",
    "/seminaires/",
    "/sitemap.xml",
    "/plan-du-site/",
    "/recherche/?q=zorglub",
    "/recherche/suggestions/?q=zorglub",
    "/api/v2/pages/?search=zorglub&limit=20",
    "/api/v2/documents/?search=fichier&limit=20",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "audience"), CASES)
def test_the_page_and_its_files(client, request, demo_users, kind, audience, role):
    item = make_item(request, kind, audience)
    log_in(client, demo_users, role)
    for target in ("page", *KINDS[kind].files):
        url = item.url(target)
        response = client.get(url)
        if role in ALLOWED[audience]:
            assert response.status_code == 200, (target, response.status_code)
        elif role == "anonymous":
            assert response.status_code == 302, (target, response.status_code)
            assert response["Location"].startswith("/compte/connexion/?next=")
            assert quote(url, safe="") in response["Location"] or url in response["Location"]
        else:
            assert response.status_code == 403, (target, response.status_code)
            assert "réservé" in response.content.decode().lower()
            assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
            if target == "document":
                assert response.content[:4] != b"%PDF"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "audience"), [case for case in CASES if case[1] != "public"])
def test_a_restricted_title_never_leaks(client, request, demo_users, every_section, kind, audience, role):
    item = make_item(request, kind, audience)
    log_in(client, demo_users, role)
    for url in EVERYONE_S_VIEW:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = response.content.decode()
        assert item.title not in body, url
        assert item.page.url not in body, url
        if item.document is not None:
            assert item.document.title not in body, url
    own_listing = client.get(request.getfixturevalue(KINDS[kind].parent).url)
    shown = item.title in own_listing.content.decode()
    assert shown == (KINDS[kind].listed_to_those_allowed and role in ALLOWED[audience])


@pytest.mark.parametrize("kind", [kind for kind, spec in KINDS.items() if "public" in spec.audiences])
def test_a_public_item_is_listed(client, request, every_section, kind):
    """The leak checks above look at listings that do list what is public."""
    item = make_item(request, kind, "public")
    assert item.title in client.get(request.getfixturevalue(KINDS[kind].parent).url).content.decode()
    assert item.page.url in client.get("/sitemap.xml").content.decode()
    assert item.title in client.get("/api/v2/pages/?search=zorglub&limit=20").content.decode()
    assert item.title in client.get("/recherche/?q=zorglub").content.decode()
    if item.document is not None:
        assert (
            item.document.title in client.get("/api/v2/documents/?search=fichier&limit=20").content.decode()
        )
