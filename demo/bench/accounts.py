"""Many accounts for benchmarks (``generate_bench_data``): professionals of every service and
territory, created in bulk, all with an unusable password (nobody logs in with them)."""

import random

from django.contrib.auth.hashers import make_password

from accounts.models import Service, Territory, User

FIRST_NAMES = ["Camille", "Dominique", "Claude", "Alex", "Sacha", "Morgane", "Yanis", "Inès", "Léa", "Hugo"]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Lefebvre",
    "Leroy",
    "Roux",
    "Fournier",
    "Morel",
    "Girard",
    "Lambert",
]


def build(count=2_000, seed=2026):
    """Create ``count`` accounts ``bench-<n>@exemple.fr`` (skipped if they exist)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
    existing = User.objects.filter(email__startswith="bench-").count()
    if existing >= count:
        return existing
    password = make_password(None)  # unusable
    services, territories = list(Service.values), list(Territory.values)
    User.objects.bulk_create(
        [
            User(
                email=f"bench-{number}@exemple.fr",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=password,
                service=rng.choice(services),
                territory=rng.choice(territories),
                job_title="Travailleur·se social·e",
            )
            for number in range(existing, count)
        ],
        batch_size=500,
    )
    return count
