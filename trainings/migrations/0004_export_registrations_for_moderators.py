"""Exporting registrations (names, e-mail addresses, attendance of everyone registered) is
kept to the ODPE moderators: editors still see and handle registrations in the back office,
but the ``export_registration`` permission that 0002 gave them is withdrawn (README, « Rôles et circuit de validation »)."""

from django.db import migrations

EDITORS = "Éditeurs ODPE"
MODERATORS = "Modérateurs ODPE"


def export_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="trainings", model="registration")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="export_registration",
        defaults={"name": "Peut exporter les inscriptions"},
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = export_permission(apps)
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(permission)
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = export_permission(apps)
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0003_registration_ordering"), ("accounts", "0002_editorial_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
