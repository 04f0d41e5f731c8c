"""Editorial roles: who may enter the admin, edit, publish, and the moderation workflow."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP, REFERENTS_GROUP
from demo.builders.common import ensure_page
from home.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    return ensure_page(home_page, ContentPage, "page-editoriale", title="Version publiée")


def edit_form(title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": "page-editoriale",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def test_the_three_roles_exist_with_the_right_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITORS_GROUP,
        MODERATORS_GROUP,
        REFERENTS_GROUP,
    }
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editor_can_edit_but_not_publish(page, demo_users):
    permissions = page.permissions_for_user(demo_users["editeur"])
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_moderator_can_publish(page, demo_users):
    assert page.permissions_for_user(demo_users["moderateur"]).can_publish()


def test_editor_publish_attempt_through_the_admin_does_not_go_live(client, page, demo_users):
    client.force_login(demo_users["editeur"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(url, edit_form("Tentative de publication", "action-publish"))
    page.refresh_from_db()
    assert page.title == "Version publiée"
    assert page.get_latest_revision().content["title"] == "Tentative de publication", "saved as a draft"
    client.logout()
    assert "Tentative de publication" not in client.get("/page-editoriale/").content.decode()


def test_editor_change_goes_live_only_after_moderator_approval(client, page, demo_users):
    editor, moderator = demo_users["editeur"], demo_users["moderateur"]
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form("Version relue", "action-submit")
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Validation ODPE"
    page.refresh_from_db()
    assert page.title == "Version publiée", "nothing goes live before approval"

    task = state.current_task_state.task.specific
    assert [name for name, *_ in task.get_actions(page, editor)] == []
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": "Relu, merci."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "Version relue"
    client.logout()
    assert "Version relue" in client.get("/page-editoriale/").content.decode()


@pytest.mark.parametrize(
    ("account", "admin_access"),
    [("admin", True), ("editeur", True), ("moderateur", True), ("referent", False), ("professionnel", False)],
)
def test_admin_access_is_for_staff_groups_only(client, demo_users, account, admin_access):
    client.force_login(demo_users[account])
    response = client.get("/admin/")
    if admin_access:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/compte/connexion/" in response["Location"] or "/admin/login/" in response["Location"]


def test_anonymous_visitor_is_sent_to_the_admin_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_scheduled_publishing(home_page):
    page = ensure_page(home_page, ContentPage, "programmee", title="Page programmée")
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live, "a future go-live date waits"

    # Let the hour pass: move the scheduled date into the past, as the clock would.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=revision.content)
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
