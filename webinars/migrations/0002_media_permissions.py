"""Editors and moderators upload webinar videos: wagtailmedia's collection permissions for the
portal's editorial roles (wagtailmedia's own migration grants them to Wagtail's stock
"Editors"/"Moderators" groups, which the portal removes)."""

from django.db import migrations

EDITORS = "Éditeurs ODPE"
MODERATORS = "Modérateurs ODPE"
PERMISSIONS = {
    EDITORS: ["add_media", "change_media"],
    MODERATORS: ["add_media", "change_media", "delete_media"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailmedia", model="media")
    for group_name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def revoke(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name__in=list(PERMISSIONS),
        permission__content_type__app_label="wagtailmedia",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("webinars", "0001_initial"),
        ("accounts", "0002_editorial_roles"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
