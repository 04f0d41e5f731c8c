"""The monthly counter shared by the library's downloads and the webinars' plays: one row per
object and month, and a count that stays right when a concurrent request created the row."""

import contextlib
from types import SimpleNamespace

import pytest

from django.utils import timezone

from home import counters
from home.counters import MonthlyCounter
from library.models import DownloadCount
from tests.library.conftest import make_document

pytestmark = pytest.mark.django_db


def test_both_counters_share_the_monthly_counter():
    assert issubclass(DownloadCount, MonthlyCounter)
    from webinars.models import PlayCount

    assert issubclass(PlayCount, MonthlyCounter)


def test_increment_counts_in_one_row_per_month():
    document = make_document("Guide.")
    for _ in range(3):
        DownloadCount.increment(document)
    row = DownloadCount.objects.get(document=document)
    assert (row.month, row.count) == (timezone.localdate().replace(day=1), 3)


def test_increment_when_a_concurrent_request_created_the_row_meanwhile(monkeypatch):
    document = make_document("Guide.")
    real_atomic = counters.transaction.atomic

    @contextlib.contextmanager
    def atomic_after_a_concurrent_creation():
        # The other request creates the month's row between our UPDATE and our INSERT.
        DownloadCount.objects.create(document=document, month=timezone.localdate().replace(day=1), count=1)
        with real_atomic():
            yield

    monkeypatch.setattr(counters, "transaction", SimpleNamespace(atomic=atomic_after_a_concurrent_creation))
    DownloadCount.increment(document)  # our INSERT is refused by the unique constraint
    assert DownloadCount.objects.get(document=document).count == 2
