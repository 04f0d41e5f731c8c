"""ODPE editors and moderators grant and revoke the referent status."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="user")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_referents",
        defaults={"name": "Peut attribuer ou retirer le statut de référent VIF"},
    )
    for group in Group.objects.filter(name__in=["Éditeurs ODPE", "Modérateurs ODPE"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_profile_and_directory")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
