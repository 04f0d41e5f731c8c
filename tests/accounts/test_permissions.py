"""accounts.permissions: the one place where data migrations give or withdraw the
editorial groups' permissions (accounts 0004 and 0007, trainings 0004)."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP
from accounts.permissions import grant_permissions, revoke_permissions

pytestmark = pytest.mark.django_db

NEW = ("accounts", "user", "test_new_permission", "Permission créée par la migration")


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_grant_creates_a_missing_permission_and_skips_missing_groups():
    grant_permissions(apps, [MODERATORS_GROUP, "Groupe absent"], [NEW])
    permission = Permission.objects.get(codename="test_new_permission")
    assert permission.name == "Permission créée par la migration"
    assert permission.content_type.app_label == "accounts"
    assert "test_new_permission" in codenames(MODERATORS_GROUP)
    assert "test_new_permission" not in codenames(EDITORS_GROUP)
    assert not Group.objects.filter(name="Groupe absent").exists()
    # Run again: no duplicate, the existing name is kept.
    grant_permissions(apps, [MODERATORS_GROUP], [(*NEW[:3], "Autre nom")])
    assert Permission.objects.filter(codename="test_new_permission").get().name == permission.name


def test_revoke_withdraws_only_from_the_named_groups():
    grant_permissions(apps, [EDITORS_GROUP, MODERATORS_GROUP], [NEW])
    revoke_permissions(apps, [EDITORS_GROUP], [NEW])
    assert "test_new_permission" not in codenames(EDITORS_GROUP)
    assert "test_new_permission" in codenames(MODERATORS_GROUP)


def test_the_export_migration_runs_forwards_and_backwards_with_the_helper():
    migration = importlib.import_module("trainings.migrations.0004_export_registrations_for_moderators")
    migration.backwards(apps, None)
    assert "export_registration" in codenames(EDITORS_GROUP)
    migration.forwards(apps, None)
    assert "export_registration" not in codenames(EDITORS_GROUP)
    assert {"export_registration", "export_referents", "manage_referents"} <= codenames(MODERATORS_GROUP)
    assert "manage_referents" in codenames(EDITORS_GROUP)
