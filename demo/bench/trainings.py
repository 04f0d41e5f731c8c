"""A large training catalogue for benchmarks (``generate_bench_data``): trainings with
sessions spread over the territories, and registrations of the bench accounts."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import Territory, User
from demo.bench.library import sentence
from demo.builders.common import ensure_page, get_home_page
from home.models import Audience, Theme
from trainings.models import Provider, Registration, Session, TrainingCatalogPage, TrainingPage


def build(count=500, sessions_per_training=3, registrations=20_000, seed=2026):
    """Create ``count`` trainings ``formation-bench-<n>`` with their sessions, then spread
    ``registrations`` over the sessions (skipped if the catalogue already has them)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
    catalog = ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")
    existing = TrainingPage.objects.child_of(catalog).filter(slug__startswith="formation-bench-").count()
    if existing >= count:
        return existing, Registration.objects.filter(user__email__startswith="bench-").count()
    providers = list(Provider.objects.all()) or [Provider.objects.create(name="Organisme de formation")]
    themes, audiences = list(Theme.objects.all()), list(Audience.objects.all())
    territories = list(Territory.values)
    now = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    sessions = []
    for first in range(existing, count, 100):
        with transaction.atomic():
            for number in range(first, min(first + 100, count)):
                page = TrainingPage(
                    title=f"{sentence(rng, 4)[:-1]} (formation {number})",
                    slug=f"formation-bench-{number}",
                    intro=sentence(rng, 18),
                    provider=rng.choice(providers),
                    objectives="".join(f"<p>{sentence(rng, 14)}</p>" for _ in range(3)),
                    prerequisites=sentence(rng, 10),
                    format=rng.choice(TrainingPage.Format.values),
                    duration_hours=rng.choice([3, 6, 7, 14, 21]),
                    cost=rng.choice(["Gratuit", "150 €", "1 200 €"]),
                    live=True,
                    has_unpublished_changes=False,
                )
                page.themes.set(rng.sample(themes, min(2, len(themes))))
                page.audiences.set(rng.sample(audiences, min(2, len(audiences))))
                catalog.add_child(instance=page)
                for order in range(sessions_per_training):
                    starts_at = now + datetime.timedelta(days=rng.randrange(-400, 300))
                    sessions.append(
                        Session(
                            page=page,
                            sort_order=order,
                            starts_at=starts_at,
                            ends_at=starts_at + datetime.timedelta(hours=7),
                            territory=rng.choice(territories),
                            place="Direction territoriale",
                            address="51 rue Gustave Delory, 59000 Lille",
                            capacity=rng.choice([12, 20, 30, None]),
                            registration_mode=rng.choice([Session.Mode.OPEN, Session.Mode.VALIDATION]),
                        )
                    )
    Session.objects.bulk_create(sessions, batch_size=500)

    users = list(User.objects.filter(email__startswith="bench-").values_list("pk", "service", "territory"))
    if not users or not sessions:
        return count, 0
    per_session = -(-registrations // len(sessions))  # rounded up, then cut to the exact total
    statuses = [Registration.Status.CONFIRMED] * 6 + [
        Registration.Status.PENDING,
        Registration.Status.WAITING,
    ]
    rows = []
    for session in sessions:
        for pk, service, territory in rng.sample(users, min(per_session, len(users))):
            rows.append(
                Registration(
                    session=session,
                    user_id=pk,
                    status=rng.choice(statuses),
                    service=service,
                    territory=territory,
                )
            )
    Registration.objects.bulk_create(rows[:registrations], batch_size=1000)
    return count, min(len(rows), registrations)
