"""What a change purges from the page cache (caching/frontend_cache.py), without nginx: a
recording backend stands in for it (the real one is exercised in test_nginx_page_cache)."""

import pytest

from wagtail.contrib.frontend_cache.backends import BaseBackend

from home.models import ContentPage, Theme
from library.models import LibraryIndexPage, ResourcePage, ToolboxPage
from tests.library.conftest import make_resource

pytestmark = pytest.mark.django_db

purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)


@pytest.fixture
def cache_purges(settings, site_skeleton):
    """Purges recorded from now on (fixtures listed before this one built content unseen)."""
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    purged.clear()
    yield purged
    purged.clear()


@pytest.fixture
def resource(site_skeleton):
    return make_resource(LibraryIndexPage.objects.get(), title="Guide du repérage")


def paths(urls):
    return {url.removeprefix("http://localhost") for url in urls}


def test_publishing_purges_every_public_page_once_per_transaction(
    resource, cache_purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resource.title = "Guide du repérage, mis à jour"
        resource.save_revision().publish()
        ContentPage.objects.live().first().save_revision().publish()
    done = paths(cache_purges)
    library = LibraryIndexPage.objects.get().url
    assert {"/", library, library + "flux/", library + "flux/atom/", resource.url, "/sitemap.xml"} <= done
    # Private pages are never cached, so never purged.
    toolbox = ToolboxPage.objects.get()
    assert toolbox.url not in done
    assert len([url for url in cache_purges if paths([url]) == {"/"}]) <= 2, (
        "one site purge (+ Wagtail's own)"
    )


def test_unpublishing_and_moving_purge_the_former_addresses(
    resource, cache_purges, django_capture_on_commit_callbacks
):
    old_url = resource.url
    with django_capture_on_commit_callbacks(execute=True):
        resource.unpublish()
    assert old_url in paths(cache_purges)

    with django_capture_on_commit_callbacks(execute=True):
        other = make_resource(LibraryIndexPage.objects.get(), title="Ressource déplacée")
    old_url = other.url
    cache_purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        other.move(ContentPage.objects.live().public().first(), pos="last-child")
    other.refresh_from_db()
    assert {old_url, other.url} <= paths(cache_purges)


def test_renaming_a_theme_purges(cache_purges, django_capture_on_commit_callbacks):
    theme = Theme.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        theme.name = theme.name + " (renommé)"
        theme.save()
    assert "/" in paths(cache_purges)


def test_nothing_is_sent_without_a_cache(settings, resource, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ResourcePage.objects.get(pk=resource.pk).save_revision().publish()
    assert purged == []
    assert not any("frontend_cache" in getattr(cb, "__module__", "") for cb in callbacks)
