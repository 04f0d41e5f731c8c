"""Exporting the referents' network (personal data of every member) is a permission of its
own, given to the ODPE moderators by default; editors keep granting the referent status
(``manage_referents``) but no longer export the list (README, « Rôles et circuit de validation »)."""

from django.db import migrations

MODERATORS = "Modérateurs ODPE"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="user")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="export_referents",
        defaults={"name": "Peut exporter le réseau des référents (données personnelles)"},
    )
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_export_referents_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
