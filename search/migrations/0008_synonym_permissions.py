"""ODPE editors and moderators manage the synonyms and abbreviations (Recherche › Synonymes et
sigles): adding, changing and deleting, like the promoted results they already manage
(0003): a synonym changes how the search reads a query, not what a page says, so it needs
no moderation. Referents and professionals have no admin access."""

from django.db import migrations

from accounts.permissions import grant_permissions, revoke_permissions

GROUPS = ["Éditeurs ODPE", "Modérateurs ODPE"]
PERMISSIONS = [
    ("search", "synonym", "add_synonym", "Can add synonyme ou sigle"),
    ("search", "synonym", "change_synonym", "Can change synonyme ou sigle"),
    ("search", "synonym", "delete_synonym", "Can delete synonyme ou sigle"),
]


def grant(apps, schema_editor):
    grant_permissions(apps, GROUPS, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, GROUPS, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_seed_synonyms"), ("accounts", "0002_editorial_roles")]

    operations = [migrations.RunPython(grant, revoke)]
