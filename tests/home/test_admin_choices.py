"""Choosing several themes, audiences or related items in the page editor needs no
Ctrl-click: themes and audiences are checkboxes, related items a checkbox list that can be
filtered; no page type's form has a multiple <select> left."""

import re

import pytest

from django.urls import reverse

from wagtail.models import Page

from home.models import Audience, Theme
from library.models import LibraryIndexPage, ResourcePage
from tests.library.conftest import make_resource
from trainings.models import TrainingCatalogPage, TrainingPage
from webinars.models import WebinarIndexPage, WebinarPage

pytestmark = pytest.mark.django_db

CREATABLE = [
    (ResourcePage, LibraryIndexPage),
    (TrainingPage, TrainingCatalogPage),
    (WebinarPage, WebinarIndexPage),
]


@pytest.fixture
def editor(client, site_skeleton, demo_users):
    client.force_login(demo_users["editeur"])
    return demo_users["editeur"]


def create_form(client, model, parent_model):
    parent = parent_model.objects.get()
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def checkbox_values(content, name):
    return set(re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', content))


@pytest.mark.parametrize(("model", "parent_model"), CREATABLE)
def test_themes_and_audiences_are_checkboxes(client, editor, model, parent_model):
    content = create_form(client, model, parent_model)
    assert checkbox_values(content, "themes") == {
        str(pk) for pk in Theme.objects.values_list("pk", flat=True)
    }
    assert checkbox_values(content, "audiences") == {
        str(pk) for pk in Audience.objects.values_list("pk", flat=True)
    }


@pytest.mark.parametrize(("model", "parent_model"), CREATABLE)
def test_related_items_are_a_filterable_checkbox_list(client, editor, model, parent_model):
    resource = make_resource(LibraryIndexPage.objects.get(), title="Guide du repérage")
    content = create_form(client, model, parent_model)
    assert str(resource.pk) in checkbox_values(content, "related_resources")
    assert "data-portal-checkbox-filter" in content


def test_no_page_form_has_a_multiple_select(client, editor):
    for page in Page.objects.filter(depth__gt=1).specific():
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert not re.search(r"<select[^>]*\bmultiple\b", response.content.decode()), type(page).__name__
    for model, parent_model in CREATABLE:
        assert not re.search(r"<select[^>]*\bmultiple\b", create_form(client, model, parent_model))


def test_checked_boxes_are_saved(client, editor):
    resource = make_resource(LibraryIndexPage.objects.get(), title="Guide du repérage")
    from tests.portal.test_preview import edit_form_data

    data = edit_form_data(client, resource)
    themes = list(Theme.objects.values_list("pk", flat=True)[:2])
    data.setlist("themes", [str(pk) for pk in themes])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[resource.pk]), {key: data.getlist(key) for key in data}
    )
    assert response.status_code == 302
    saved = ResourcePage.objects.get(pk=resource.pk).get_latest_revision_as_object()
    assert sorted(theme.pk for theme in saved.themes.all()) == sorted(themes)
