"""Demo accounts for local use (documented in the README). Never run in production."""

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from .models import EDITORS_GROUP, MODERATORS_GROUP, REFERENTS_GROUP, User

DEMO_PASSWORD = "demo-vif-2026"  # noqa: S105 - documented demo password, local use only

DEMO_ACCOUNTS = [
    # (name, first name, last name, group, superuser)
    ("admin", "Camille", "Administratrice", None, True),
    ("editeur", "Élodie", "Martin", EDITORS_GROUP, False),
    ("moderateur", "Karim", "Benali", MODERATORS_GROUP, False),
    ("referent", "Sophie", "Lefebvre", REFERENTS_GROUP, False),
    ("professionnel", "Thomas", "Dubois", None, False),
]


def ensure_user(email, first_name, last_name, password=DEMO_PASSWORD, groups=(), superuser=False):
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        if superuser:
            user = User.objects.create_superuser(email, password, first_name=first_name, last_name=last_name)
        else:
            user = User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
    return user


def build():
    return [
        ensure_user(
            f"{name}@exemple.fr",
            first_name,
            last_name,
            groups=[group] if group else [],
            superuser=superuser,
        )
        for name, first_name, last_name, group, superuser in DEMO_ACCOUNTS
    ]
