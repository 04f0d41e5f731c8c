"""Exporting registrations (names, e-mail addresses, attendance of everyone registered) is
kept to the ODPE moderators: editors still see and handle registrations in the back office,
but the ``export_registration`` permission that 0002 gave them is withdrawn (README, « Rôles et circuit de validation »)."""

from django.db import migrations

from accounts.permissions import grant_permissions, revoke_permissions

EDITORS = "Éditeurs ODPE"
MODERATORS = "Modérateurs ODPE"
EXPORT_REGISTRATION = ("trainings", "registration", "export_registration", "Peut exporter les inscriptions")


def forwards(apps, schema_editor):
    revoke_permissions(apps, [EDITORS], [EXPORT_REGISTRATION])
    grant_permissions(apps, [MODERATORS], [EXPORT_REGISTRATION])


def backwards(apps, schema_editor):
    grant_permissions(apps, [EDITORS], [EXPORT_REGISTRATION])


class Migration(migrations.Migration):
    dependencies = [("trainings", "0003_registration_ordering"), ("accounts", "0002_editorial_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
