"""Every page type renders in the editor's preview, in "voir le brouillon" and in the
moderator's preview of a revision, from data that was never saved to the page's tables:
Wagtail holds the page's relations (sessions, files, chapters, themes, related pages) in
memory there (modelcluster's FakeQuerySet), so a template or ``get_context`` that asks them
for queryset methods (``.live()``, ``.with_counts()``…) fails with a 500.

The data is posted the way the editor does it: the edit form as rendered, with a changed
title, an added theme and, for pages with sessions, a new session."""

import datetime
import json

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail import blocks
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from demo.builders.common import ensure_page, get_home_page
from home.models import ContactPage, ContentPage, HomePage, Theme
from library.models import LibraryIndexPage, ResourcePage, ResourceType, ToolboxPage
from tests.library.conftest import make_document, make_resource
from tests.trainings.conftest import make_session, make_training
from tests.webinars.conftest import make_webinar, online_session
from trainings.models import (
    Provider,
    SeminarIndexPage,
    SeminarPage,
    Session,
    Speaker,
    TrainingCatalogPage,
    TrainingPage,
)
from webinars.models import WebinarIndexPage, WebinarPage

EVERY_PAGE_TYPE = [
    HomePage,
    ContentPage,
    ContactPage,
    LibraryIndexPage,
    ToolboxPage,
    ResourcePage,
    TrainingCatalogPage,
    TrainingPage,
    SeminarIndexPage,
    SeminarPage,
    WebinarIndexPage,
    WebinarPage,
]


def test_every_page_type_is_covered():
    def all_subclasses(model):
        for subclass in model.__subclasses__():
            yield subclass
            yield from all_subclasses(subclass)

    concrete = {
        model
        for model in all_subclasses(Page)
        if not model._meta.abstract and model.is_creatable and model._meta.app_label != "wagtailcore"
    }
    assert concrete == set(EVERY_PAGE_TYPE)


def theme():
    return Theme.objects.order_by("name").first()


def build_resource(parent=None, title="Fiche réflexe ordonnance de protection"):
    library = LibraryIndexPage.objects.get()
    other = make_resource(library, title="Guide du repérage", themes=[theme().slug])
    resource = make_resource(
        parent or library,
        title=title,
        themes=[theme().slug],
        documents=[make_document("Texte de la fiche.", title="La fiche en PDF")],
    )
    resource.related_resources.add(other)
    resource.save_revision().publish()
    return resource


def build_training():
    training = make_training(
        TrainingCatalogPage.objects.get(), title="Emprise et mécanismes des violences", themes=[theme().slug]
    )
    training.related_resources.add(build_resource())
    make_session(training, days=20, label="Session de printemps")
    make_session(training, days=-20, label="Session d'hiver")
    training.save_revision().publish()
    return training


def build_seminar():
    seminar = SeminarPage(
        title="Journée départementale des référents",
        slug="journee-des-referents",
        date=timezone.localdate() + datetime.timedelta(days=40),
    )
    SeminarIndexPage.objects.get().add_child(instance=seminar)
    make_session(seminar, days=40, hours=7, capacity=120)
    seminar.save_revision().publish()
    return seminar


def build_webinar(training=None):
    speaker, _ = Speaker.objects.get_or_create(name="Karim Benali")
    webinar = make_webinar(
        WebinarIndexPage.objects.get(),
        title="Le questionnaire de repérage",
        days=10,
        speakers=[speaker.name],
        themes=[theme().slug],
        sessions=[online_session(days=10)],
        documents=[make_document("Diaporama.", title="Le diaporama")],
    )
    webinar.related_resources.add(build_resource(title="Fiche réflexe du webinaire"))
    webinar.related_trainings.add(training or build_training())
    webinar.save_revision().publish()
    return webinar


def build_training_named_by_a_webinar():
    training = build_training()
    build_webinar(training)
    return training


BUILDERS = {
    HomePage: get_home_page,
    ContentPage: lambda: ensure_page(
        ensure_page(get_home_page(), ContentPage, "a-propos", title="À propos"),
        ContentPage,
        "equipe",
        title="L'équipe",
    ).get_parent(),
    ContactPage: lambda: (
        ContactPage.objects.first() or ensure_page(get_home_page(), ContactPage, "contact", title="Contact")
    ),
    LibraryIndexPage: lambda: build_resource().get_parent(),
    ToolboxPage: lambda: build_resource(ToolboxPage.objects.get(), title="Trame d'animation").get_parent(),
    ResourcePage: build_resource,
    TrainingCatalogPage: lambda: build_training().get_parent(),
    TrainingPage: build_training_named_by_a_webinar,
    SeminarIndexPage: lambda: build_seminar().get_parent(),
    SeminarPage: build_seminar,
    WebinarIndexPage: lambda: build_webinar().get_parent(),
    WebinarPage: build_webinar,
}


@pytest.fixture
def page_of(site_skeleton):
    """One page of the given type, with related items, files, chapters and sessions (past and upcoming)."""

    def build(model):
        return model.objects.get(pk=BUILDERS[model]().pk)

    return build


def edit_form_data(client, page):
    """The page's edit form as the browser would post it (StreamFields are built by the
    editor's JavaScript: their current value is posted as the editor posts it)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    form = response.context["form"]
    for name, field in form.fields.items():
        if hasattr(field, "block") and f"{name}-count" not in data:
            data.update(stream_data(name, field.block, form.initial.get(name)))
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    return data


def stream_data(prefix, block, value):
    """The form data the editor's JavaScript posts for a StreamField value (the format of
    wagtail.test.utils.form_data.streamfield, nested blocks included)."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            key = f"{prefix}-{index}"
            data.update({f"{key}-type": child.block_type, f"{key}-deleted": "", f"{key}-order": str(index)})
            data[f"{key}-id"] = child.id or ""
            data.update(stream_data(f"{key}-value", child.block, child.value))
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks if value is not None else [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            key = f"{prefix}-{index}"
            data.update({f"{key}-deleted": "", f"{key}-order": str(index), f"{key}-id": child.id or ""})
            data.update(stream_data(f"{key}-value", block.child_block, child.value))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            data.update(stream_data(f"{prefix}-{name}", child, value.get(name) if value else None))
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value else ""
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    else:
        field = block.field
        data[prefix] = field.widget.format_value(field.prepare_value(block.value_for_form(value))) or ""
    return data


def with_unsaved_changes(page, data):
    """Edit like an editor would before previewing: a new title, one more theme, a new session."""
    title = f"Titre non enregistré ({page._meta.verbose_name})"
    data["title"] = title
    expected = [title]
    if hasattr(page, "themes"):
        extra = Theme.objects.exclude(pk__in=data.getlist("themes")).order_by("name").first()
        data.appendlist("themes", str(extra.pk))
        expected.append(extra.name)
    if "sessions-TOTAL_FORMS" in data:
        index = int(data["sessions-TOTAL_FORMS"])
        starts = timezone.localtime() + datetime.timedelta(days=60)
        new = {
            "label": "Session ajoutée non enregistrée",
            "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (starts + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
            "capacity": "12",
            "registration_mode": Session.Mode.OPEN,
            "territory": "",
            "ORDER": str(index + 1),
            "DELETE": "",
            "id": "",
        }
        for key, value in new.items():
            data[f"sessions-{index}-{key}"] = value
        data["sessions-TOTAL_FORMS"] = str(index + 1)
        expected.append("Session ajoutée non enregistrée")
    return expected


@pytest.fixture
def moderator(client, demo_users):
    client.force_login(demo_users["moderateur"])
    return client


def assert_shows(response, expected, where=""):
    assert response.status_code == 200, (where, response.content[:3000])
    html = response.content.decode()
    for text in expected:
        assert escape(text) in html, (where, text)


@pytest.mark.parametrize("model", EVERY_PAGE_TYPE, ids=lambda model: model.__name__)
def test_every_preview_of_a_page_type(moderator, page_of, model):
    page = page_of(model)
    data = edit_form_data(moderator, page)
    expected = with_unsaved_changes(page, data)

    # The editor's preview panel and its "new tab" view, from data never saved.
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    answer = moderator.post(url, data)
    assert answer.status_code == 200
    assert json.loads(answer.content) == {"is_valid": True, "is_available": True}
    assert_shows(moderator.get(url), expected, "aperçu")
    assert_shows(moderator.get(url, {"in_preview_panel": "true"}), expected, "panneau d'aperçu")

    # Submitted for moderation: the draft and the revision the moderator checks before approving.
    data["action-submit"] = "1"
    response = moderator.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page.refresh_from_db()
    revision = page.get_latest_revision()
    assert revision.content["title"] == expected[0]
    task = page.current_workflow_task
    assert task is not None
    for name, args in (
        ("view_draft", [page.pk]),
        ("revisions_view", [page.pk, revision.pk]),
        ("workflow_preview", [page.pk, task.pk]),
    ):
        assert_shows(moderator.get(reverse(f"wagtailadmin_pages:{name}", args=args)), expected, name)


NEW_PAGES = {
    ContentPage: (HomePage, {}),
    ResourcePage: (LibraryIndexPage, {"resource_type": lambda: ResourceType.objects.first().pk}),
    TrainingPage: (TrainingCatalogPage, {"provider": lambda: Provider.objects.first().pk}),
    SeminarPage: (SeminarIndexPage, {"date": lambda: timezone.localdate().isoformat()}),
    WebinarPage: (WebinarIndexPage, {"date": lambda: timezone.localtime().strftime("%Y-%m-%d %H:%M")}),
}


@pytest.mark.parametrize("model", NEW_PAGES, ids=lambda model: model.__name__)
def test_preview_of_a_page_never_saved(moderator, site_skeleton, model):
    parent_model, fields = NEW_PAGES[model]
    parent = parent_model.objects.get()
    app, name = model._meta.app_label, model._meta.model_name
    response = moderator.get(reverse("wagtailadmin_pages:add", args=[app, name, parent.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    form = response.context["form"]
    for field_name, field in form.fields.items():
        if hasattr(field, "block") and f"{field_name}-count" not in data:
            data.update(stream_data(field_name, field.block, None))
    for key in [key for key in data if "__prefix__" in key]:
        del data[key]
    for field_name, value in fields.items():
        data[field_name] = value()
    if hasattr(model, "related_resources"):
        data.setlist("related_resources", [str(build_resource(title="Ressource déjà publiée").pk)])
    expected = with_unsaved_changes(model(), data)
    if hasattr(model, "related_resources"):
        expected.append("Ressource déjà publiée")

    url = reverse("wagtailadmin_pages:preview_on_add", args=[app, name, parent.pk])
    answer = moderator.post(url, data)
    assert json.loads(answer.content) == {"is_valid": True, "is_available": True}
    assert_shows(moderator.get(url), expected, "aperçu d'une nouvelle page")
