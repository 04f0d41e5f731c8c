"""Demo accounts for local use (documented in the README). Never run in production."""

import unicodedata

from allauth.account.models import EmailAddress
from faker import Faker

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import REFERENTS_GROUP, Territory, User
from demo.builders.common import content

DEMO_PASSWORD = "demo-vif-2026"  # noqa: S105 - documented demo password, local use only

# The accounts and the referents' jobs, in French, are data: demo/content/accounts.yaml.
DEMO_ACCOUNTS = content("accounts")["accounts"]
REFERENT_JOBS = content("accounts")["referent_jobs"]  # by service


def ascii_slug(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(" ", "-")


def ensure_user(email, first_name, last_name, password=DEMO_PASSWORD, groups=(), superuser=False, **profile):
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(
            email,
            password,
            first_name=first_name,
            last_name=last_name,
            data_consent_at=timezone.now(),
            **profile,
        )
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
    return user


def demo_referents(count=12):
    """A dozen referents spread over the eight territories, reproducible (seeded Faker)."""
    fake = Faker("fr_FR")
    fake.seed_instance(2026)
    territories = list(Territory)
    services = list(REFERENT_JOBS)
    referents = []
    for index in range(count):
        first_name, last_name = fake.first_name(), fake.last_name()
        service = services[index % len(services)]
        referents.append(
            {
                "email": f"{ascii_slug(first_name)}.{ascii_slug(last_name)}@exemple.fr",
                "first_name": first_name,
                "last_name": last_name,
                "service": service,
                "territory": territories[index % len(territories)],
                "job_title": REFERENT_JOBS[service][index % len(REFERENT_JOBS[service])],
                "directory_listed": index % 6 != 5,  # a few prefer not to be listed
                "directory_email": index % 4 != 3,
                "directory_phone": f"03 20 {10 + index:02d} {20 + index:02d} {30 + index:02d}"
                if index % 3 == 0
                else "",
            }
        )
    return referents


def build():
    users = [
        ensure_user(
            f"{account['name']}@exemple.fr",
            account["first_name"],
            account["last_name"],
            groups=[account["group"]] if account["group"] else [],
            superuser=account["superuser"],
            service=account["service"],
            territory=account["territory"],
            job_title=account["job_title"],
            directory_listed=account["group"] == REFERENTS_GROUP,
        )
        for account in DEMO_ACCOUNTS
    ]
    for referent in demo_referents():
        users.append(ensure_user(groups=[REFERENTS_GROUP], **referent))
    return users
