"""The page tree's and the collections' roots are called "Root" by Wagtail's own migrations;
editors see them in the page explorer's breadcrumb and every collection filter: "Racine"."""

from django.db import migrations

ROOT_NAMES = {"Root": "Racine"}


def rename_roots(apps, schema_editor, names=ROOT_NAMES):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    for old, new in names.items():
        Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
        Collection.objects.filter(depth=1, name=old).update(name=new)


def restore_roots(apps, schema_editor):
    rename_roots(apps, schema_editor, {new: old for old, new in ROOT_NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_contactpage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_roots, restore_roots)]
