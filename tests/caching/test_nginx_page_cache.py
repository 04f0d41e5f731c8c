"""The page cache end to end: a real nginx (deploy/nginx/portal.conf, ngx_cache_purge) in
front of the live app, purged by Wagtail when content is published or unpublished."""

import urllib.error
import urllib.request

import pytest

from library.models import LibraryIndexPage
from scripts import nginx_conf
from tests.conftest import require_service
from tests.library.conftest import make_resource

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITE_HOST = "localhost"  # the default Wagtail site's hostname: pages' URLs and purges use it


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    require_service(not nginx_conf.missing(), nginx_conf.missing() or "nginx")
    upstream = live_server.url.removeprefix("http://")
    (tmp_path / "static").mkdir()
    with nginx_conf.NginxProcess([upstream], tmp_path / "static", prefix=tmp_path / "nginx") as proxy:
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {"BACKEND": "caching.frontend_cache.NginxPurgeBackend", "LOCATION": proxy.url}
        }
        yield proxy


def fetch(nginx, path, cookies=None):
    request = urllib.request.Request(nginx.url + path, headers={"Host": SITE_HOST})  # noqa: S310 - local nginx
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - local nginx
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def resource(site_skeleton):
    library = LibraryIndexPage.objects.get()
    return make_resource(library, title="Guide du repérage, première édition")


def test_second_anonymous_request_is_served_by_nginx(nginx, resource):
    status, headers, body = fetch(nginx, resource.url)
    assert status == 200
    assert headers["X-Cache-Status"] == "MISS"
    status, headers, body_again = fetch(nginx, resource.url)
    assert headers["X-Cache-Status"] == "HIT"
    assert body_again == body


def test_published_change_is_visible_to_the_next_anonymous_request(nginx, resource):
    library_url = resource.get_parent().url
    for url in (resource.url, library_url, "/"):
        fetch(nginx, url)
        assert fetch(nginx, url)[1]["X-Cache-Status"] == "HIT", url

    resource.title = "Guide du repérage, deuxième édition"
    resource.save_revision().publish()

    status, headers, body = fetch(nginx, resource.url)
    assert status == 200
    assert "deuxième édition" in body
    assert "première édition" not in body
    # Listings show it too: the library and the home page's latest resources.
    assert "deuxième édition" in fetch(nginx, library_url)[2]
    assert "deuxième édition" in fetch(nginx, "/")[2]


def test_unpublished_page_is_gone_at_the_next_request(nginx, resource):
    fetch(nginx, resource.url)
    assert fetch(nginx, resource.url)[1]["X-Cache-Status"] == "HIT"
    resource.unpublish()
    status, headers, body = fetch(nginx, resource.url)
    assert status == 404
    assert "première édition" not in fetch(nginx, resource.get_parent().url)[2]


def test_logged_in_users_are_never_served_from_the_cache(nginx, resource, client, demo_users):
    fetch(nginx, resource.url)
    assert fetch(nginx, resource.url)[1]["X-Cache-Status"] == "HIT"
    for role in ("professionnel", "referent"):
        client.force_login(demo_users[role])
        session = {"sessionid": client.cookies["sessionid"].value}
        for _ in range(2):
            status, headers, body = fetch(nginx, "/", cookies=session)
            assert status == 200
            assert headers["X-Cache-Status"] == "BYPASS"
            assert "Se déconnecter" in body, "the logged-in page, not the anonymous copy"
        client.logout()
    # …and what they saw was never stored for the anonymous visitors.
    status, headers, body = fetch(nginx, "/")
    assert "Se déconnecter" not in body


def test_search_with_a_query_is_never_cached(nginx, resource):
    for _ in range(2):
        status, headers, body = fetch(nginx, "/recherche/?q=rep%C3%A9rage")
        assert status == 200
        assert headers["X-Cache-Status"] != "HIT"
    assert "première édition" in body


def test_only_the_app_server_may_purge(nginx, resource):
    request = urllib.request.Request(nginx.url + resource.url, method="PURGE", headers={"Host": SITE_HOST})  # noqa: S310
    fetch(nginx, resource.url)
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - local nginx
        assert response.status == 200  # from 127.0.0.1: allowed
    assert fetch(nginx, resource.url)[1]["X-Cache-Status"] == "MISS"


def test_purge_from_elsewhere_is_refused(live_server, site_skeleton, tmp_path):
    require_service(not nginx_conf.missing(), nginx_conf.missing() or "nginx")
    (tmp_path / "static").mkdir()
    upstream = live_server.url.removeprefix("http://")
    with nginx_conf.NginxProcess([upstream], tmp_path / "static", purge_allow="192.0.2.1") as proxy:
        fetch(proxy, "/")
        assert fetch(proxy, "/")[1]["X-Cache-Status"] == "HIT"
        request = urllib.request.Request(proxy.url + "/", method="PURGE", headers={"Host": SITE_HOST})  # noqa: S310
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)  # noqa: S310 - local nginx
        assert refused.value.code == 403
        assert fetch(proxy, "/")[1]["X-Cache-Status"] == "HIT"
