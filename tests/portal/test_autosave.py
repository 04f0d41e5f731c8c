"""Wagtail's autosave creates the page in the background from the create form: a submission
of that same form that reaches the server before the browser learnt the new page's address
(the autosave still running, or its answer not yet applied) must land on that draft, never
answer "Le slug … est déjà utilisé" nor create a second page or duplicate its files."""

import threading

import pytest

from django.core.cache import cache
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from home.admin_creation import CREATION_TOKEN_FIELD, creation_key
from library.models import LibraryIndexPage, ResourceFile, ResourcePage, ResourceType
from tests.library.conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, site_skeleton, demo_users):
    client.force_login(demo_users["editeur"])
    return demo_users["editeur"]


def create_url():
    library = LibraryIndexPage.objects.get()
    return reverse("wagtailadmin_pages:add", args=["library", "resourcepage", library.pk])


def create_form_data(client, title="Fiche réflexe ordonnance de protection", document=None):
    """The create form as the browser posts it, filled in, with one file attached."""
    response = client.get(create_url())
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    data["title"] = title
    data["slug"] = "fiche-reflexe-ordonnance"
    data["resource_type"] = str(ResourceType.objects.order_by("pk").first().pk)
    data["published_on"] = "2025-03-01"
    data["body-count"] = "0"
    document = document or make_document("Texte de la fiche.", title="La fiche en PDF")
    data["files-TOTAL_FORMS"] = "1"
    data["files-0-document"] = str(document.pk)
    data["files-0-ORDER"] = "1"
    data["files-0-id"] = ""
    return data


def autosave(client, data):
    response = client.post(create_url(), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    payload = response.json()
    assert payload["success"], payload
    return payload


def assert_one_draft_with_one_file(title):
    pages = ResourcePage.objects.filter(slug="fiche-reflexe-ordonnance")
    assert pages.count() == 1
    page = pages.get()
    latest = page.get_latest_revision_as_object()
    assert latest.title == title
    assert ResourceFile.objects.filter(page=page).count() == 1
    assert len(latest.files.all()) == 1
    return page


def test_the_create_form_carries_a_token_of_its_own(client, editor):
    first = create_form_data(client)[CREATION_TOKEN_FIELD]
    second = create_form_data(client)[CREATION_TOKEN_FIELD]
    assert first and second and first != second


def test_saving_the_form_after_autosave_created_the_page_lands_on_that_draft(client, editor):
    data = create_form_data(client)
    created = autosave(client, data)

    data["title"] = "Fiche réflexe : l'ordonnance de protection"
    response = client.post(create_url(), data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response.url == reverse("wagtailadmin_pages:edit", args=[created["pk"]])
    page = assert_one_draft_with_one_file("Fiche réflexe : l'ordonnance de protection")
    assert page.pk == created["pk"]
    assert not page.live


def test_publishing_the_form_after_autosave_publishes_that_draft(client, site_skeleton, demo_users):
    client.force_login(demo_users["moderateur"])
    data = create_form_data(client)
    created = autosave(client, data)

    data["action-publish"] = "action-publish"
    response = client.post(create_url(), data)

    assert response.status_code == 302
    page = assert_one_draft_with_one_file("Fiche réflexe ordonnance de protection")
    assert page.pk == created["pk"]
    assert page.live


def test_a_second_autosave_to_the_create_view_updates_the_draft(client, editor):
    data = create_form_data(client)
    created = autosave(client, data)
    data["title"] = "Fiche réflexe (version 2)"
    again = autosave(client, data)

    assert again["pk"] == created["pk"]
    assert again["url"] == reverse("wagtailadmin_pages:edit", args=[created["pk"]])
    assert_one_draft_with_one_file("Fiche réflexe (version 2)")


def test_a_double_click_on_save_creates_one_page(client, editor):
    data = create_form_data(client)
    assert client.post(create_url(), data).status_code == 302
    assert client.post(create_url(), data).status_code == 302
    assert_one_draft_with_one_file("Fiche réflexe ordonnance de protection")


def test_a_submission_arriving_while_the_autosave_runs_waits_for_it(client, editor):
    """The autosave request still running (its upload slow): the submission waits for it
    to finish, then lands on the draft it created."""
    data = create_form_data(client)
    created = autosave(client, data)
    key = creation_key(editor, data[CREATION_TOKEN_FIELD])
    cache.set(key, "pending", 60)  # as if the autosave that created the page had not finished
    finishing = threading.Timer(0.5, lambda: cache.set(key, created["pk"], 3600))
    finishing.start()
    try:
        response = client.post(create_url(), data)
    finally:
        finishing.join()
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[created["pk"]])
    assert_one_draft_with_one_file("Fiche réflexe ordonnance de protection")


def test_an_autosave_of_an_invalid_form_does_not_hold_the_next_submission(client, editor):
    data = create_form_data(client)
    data["title"] = ""
    response = client.post(create_url(), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    data["title"] = "Fiche réflexe ordonnance de protection"
    assert client.post(create_url(), data).status_code == 302
    assert_one_draft_with_one_file("Fiche réflexe ordonnance de protection")


def test_another_form_with_the_same_slug_still_gets_the_slug_error(client, editor):
    """Only the same form lands on the draft: a new page that takes an existing slug is refused."""
    autosave(client, create_form_data(client))
    response = client.post(create_url(), create_form_data(client, title="Une autre fiche"))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert ResourcePage.objects.filter(slug="fiche-reflexe-ordonnance").count() == 1
