"""Exporting the referents' network (personal data of every member) is a permission of its
own, given to the ODPE moderators by default; editors keep granting the referent status
(``manage_referents``) but no longer export the list (README, « Rôles et circuit de validation »)."""

from django.db import migrations

from accounts.permissions import grant_permissions

MODERATORS = "Modérateurs ODPE"
EXPORT_REFERENTS = (
    "accounts",
    "user",
    "export_referents",
    "Peut exporter le réseau des référents (données personnelles)",
)


def grant(apps, schema_editor):
    grant_permissions(apps, [MODERATORS], [EXPORT_REFERENTS])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_export_referents_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
