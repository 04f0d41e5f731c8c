"""Factories for trainings tests: a catalogue, trainings and sessions relative to now."""

import datetime
import itertools

import pytest

from django.utils import timezone

from demo.builders.common import ensure_page, get_home_page
from trainings.models import Provider, Session, TrainingCatalogPage, TrainingPage

_counter = itertools.count(1)


@pytest.fixture
def catalog(db):
    return ensure_page(get_home_page(), TrainingCatalogPage, "formations", title="Formations")


def make_training(catalog, title=None, provider=None, themes=(), **fields):
    from home.models import Theme

    number = next(_counter)
    page = TrainingPage(
        title=title or f"Formation {number}",
        slug=f"formation-{number}",
        provider=provider or Provider.objects.get(name="SOLFA"),
        **fields,
    )
    page.themes.set(Theme.objects.filter(slug__in=themes))
    catalog.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_session(page, days=10, hours=7, capacity=10, **fields):
    starts = timezone.localtime().replace(microsecond=0) + datetime.timedelta(days=days)
    if (starts + datetime.timedelta(hours=hours)).date() != starts.date():
        # Made in the evening, a day's session would end after midnight and read "du … au …":
        # it starts that morning instead (same day, whatever the hour the suite runs).
        starts = starts.replace(hour=9, minute=0, second=0)
    return Session.objects.create(
        page=page,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        capacity=capacity,
        **fields,
    )


@pytest.fixture
def training(catalog):
    return make_training(
        catalog, title="Emprise et mécanismes des violences", themes=["violences-conjugales"]
    )
