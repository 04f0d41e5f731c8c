"""The editorial roles manage registrations, providers and speakers; seed the providers the
roadmap names (action 19)."""

from django.db import migrations

PROVIDERS = [
    ("DU Violences conjugales", "universite", "Diplôme universitaire consacré aux violences au sein du couple."),
    ("SOLFA", "association", "Association lilloise d'accueil et d'accompagnement des femmes victimes de violences."),
    ("CIDFF", "association", "Centres d'information sur les droits des femmes et des familles du Nord."),
    ("Planning familial 59 (PF59)", "association", "Éducation à la vie affective, relationnelle et sexuelle."),
    ("Département du Nord — ODPE", "departement", "Observatoire départemental de la protection de l'enfance."),
]
EDITOR = {
    ("trainings", "registration"): ["view", "change", "export"],
    ("trainings", "provider"): ["add", "change"],
    ("trainings", "speaker"): ["add", "change"],
}
MODERATOR = {
    ("trainings", "registration"): ["view", "change", "export"],
    ("trainings", "provider"): ["add", "change", "delete"],
    ("trainings", "speaker"): ["add", "change", "delete"],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Provider = apps.get_model("trainings", "Provider")

    for group_name, grants in (("Éditeurs ODPE", EDITOR), ("Modérateurs ODPE", MODERATOR)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for (app_label, model), actions in grants.items():
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"{action} {model}"}
                )
                group.permissions.add(permission)

    for name, kind, description in PROVIDERS:
        Provider.objects.get_or_create(name=name, defaults={"kind": kind, "description": description})


class Migration(migrations.Migration):
    dependencies = [("trainings", "0001_initial"), ("accounts", "0002_editorial_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
