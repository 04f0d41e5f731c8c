"""``access`` itself: one ``exclude_restricted`` for every listing (own and ancestors'
restrictions, a fixed number of queries), and the registry of the pages holding documents."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from access.documents import document_holders
from access.rules import exclude_restricted
from library.models import ResourcePage
from webinars.models import WebinarPage

from .conftest import make_document, make_resource, make_webinar, restrict

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = {}
    return request


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_a_page_under_a_restricted_section_is_hidden_from_those_refused(library_index, toolbox, demo_users):
    make_resource(library_index, title="Guide ouvert")
    make_resource(toolbox, title="Outil de la boîte")  # no restriction of its own
    resources = ResourcePage.objects.live()
    assert titles(exclude_restricted(resources)) == ["Guide ouvert"]
    assert titles(exclude_restricted(resources, request_for(demo_users["professionnel"]))) == ["Guide ouvert"]
    for role in ("referent", "editeur", "admin"):
        assert titles(exclude_restricted(resources, request_for(demo_users[role]))) == [
            "Guide ouvert",
            "Outil de la boîte",
        ]
    # On the toolbox itself the visitor has passed its restriction.
    assert titles(exclude_restricted(resources.child_of(toolbox), within=toolbox)) == ["Outil de la boîte"]


def test_a_login_restriction_hides_from_anonymous_visitors_only(library_index, demo_users):
    page = make_resource(library_index, title="Réservé aux connectés")
    restrict(page, "login")
    resources = ResourcePage.objects.live()
    assert titles(exclude_restricted(resources, request_for(None))) == []
    assert titles(exclude_restricted(resources, request_for(demo_users["professionnel"]))) == [
        "Réservé aux connectés"
    ]


@pytest.mark.parametrize("role", ["anonymous", "professionnel", "referent", "admin"])
def test_the_number_of_queries_does_not_grow_with_the_pages(library_index, toolbox, demo_users, role):
    user = None if role == "anonymous" else demo_users[role]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            list(exclude_restricted(ResourcePage.objects.live(), request_for(user)))
        return len(captured)

    for number in range(2):
        restrict(make_resource(library_index, title=f"Guide {number}"), "login")
        make_resource(toolbox, title=f"Outil {number}")
    exclude_restricted(ResourcePage.objects.live())  # the restrictions' list, then cached
    few = queries()
    for number in range(2, 12):
        restrict(make_resource(library_index, title=f"Guide {number}"), "referents")
        make_resource(toolbox, title=f"Outil {number}")
    exclude_restricted(ResourcePage.objects.live())
    assert queries() == few == 1


def test_resources_decide_before_webinars_for_a_document_both_hold(
    client, library_index, toolbox, webinar_index, demo_users
):
    """A file offered by a private resource stays private, even if a public webinar shows it
    too (the holders' declared order, not the order hooks happen to run in)."""
    assert [holder.model for holder in document_holders()] == [ResourcePage, WebinarPage]
    slides = make_document("Diaporama partagé.", title="Diaporama partagé")
    restrict(make_resource(library_index, title="Ressource privée", documents=[slides]), "referents")
    make_webinar(webinar_index, title="Webinaire public", documents=[slides])
    client.force_login(demo_users["professionnel"])
    assert client.get(slides.url).status_code == 403
    client.force_login(demo_users["referent"])
    assert client.get(slides.url).status_code == 200
