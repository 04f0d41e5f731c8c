"""Helpers for data migrations that give permissions to the editorial groups.

Importable from migrations, so only historical models (``apps.get_model``) are used, and
nothing here may depend on the current models: a migration run from scratch sees the
database as it was at that migration. Permissions are created when missing, because
Django creates them only after ``migrate`` (``post_migrate``), too late for a migration.

A permission is given as ``(app_label, model, codename, name)``; ``name`` is used only
when the permission does not exist yet.
"""


def get_permission(apps, app_label, model, codename, name):
    """The permission ``app_label.codename`` on ``model``, created (with its content type)
    if missing."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _groups_and_permissions(apps, group_names, permissions):
    Group = apps.get_model("auth", "Group")
    resolved = [get_permission(apps, *permission) for permission in permissions]
    return Group.objects.filter(name__in=list(group_names)), resolved


def grant_permissions(apps, group_names, permissions):
    """Give ``permissions`` to the groups named ``group_names`` that exist (a missing group
    is skipped: the roles migration creates the groups)."""
    groups, resolved = _groups_and_permissions(apps, group_names, permissions)
    for group in groups:
        group.permissions.add(*resolved)


def revoke_permissions(apps, group_names, permissions):
    """Withdraw ``permissions`` from the groups named ``group_names`` that exist."""
    groups, resolved = _groups_and_permissions(apps, group_names, permissions)
    for group in groups:
        group.permissions.remove(*resolved)
