"""Give the editorial roles the library's permissions, and seed the taxonomies that the
roadmap names (editors can then rename, add or remove terms)."""

from django.db import migrations
from django.utils.text import slugify

RESOURCE_TYPES = [
    "Guide",
    "Fiche réflexe",
    "Étude ou rapport",
    "Outil de repérage",
    "Support de communication",
    "Texte de référence",
    "Vidéo",
    "Lien",
]
THEMES = [
    "Violences conjugales",
    "Enfants co-victimes",
    "Inceste",
    "Auteurs",
    "Handicap",
    "Personnes âgées",
    "LGBT+",
    "Prévention",
    "Repérage",
    "Parcours de sortie",
]
AUDIENCES = [
    "PMI",
    "Centres de santé sexuelle",
    "Service social de proximité",
    "Protection de l'enfance",
    "CeGIDD",
    "Partenaires associatifs",
    "Encadrement",
]

EDITOR = ["add", "change"]
MODERATOR = ["add", "change", "delete"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()

    for group_name, actions in (("Éditeurs ODPE", EDITOR), ("Modérateurs ODPE", MODERATOR)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in [*actions, "choose"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, "library", "librarydocument", f"{action}_librarydocument"),
            )
        for app_label, model in (("home", "theme"), ("home", "audience"), ("library", "resourcetype")):
            for action in actions:
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))

    for app_label, model_name, names in (
        ("library", "ResourceType", RESOURCE_TYPES),
        ("home", "Theme", THEMES),
        ("home", "Audience", AUDIENCES),
    ):
        model = apps.get_model(app_label, model_name)
        for name in names:
            model.objects.get_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("home", "0003_audience_theme"),
        ("accounts", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
