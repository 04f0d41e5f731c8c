"""ODPE editors and moderators grant and revoke the referent status."""

from django.db import migrations

from accounts.permissions import grant_permissions

MANAGE_REFERENTS = ("accounts", "user", "manage_referents", "Peut attribuer ou retirer le statut de référent VIF")


def grant(apps, schema_editor):
    grant_permissions(apps, ["Éditeurs ODPE", "Modérateurs ODPE"], [MANAGE_REFERENTS])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_profile_and_directory")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
