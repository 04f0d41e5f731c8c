"""The trainings' demo content: a catalogue, sessions and registrations in every state."""

import pytest

from django.db.models import F
from django.utils import timezone

from wagtail.models import Page, Revision

from accounts.models import Territory
from demo.builders import trainings as trainings_demo
from trainings.models import Provider, Registration, SeminarPage, Session, Speaker, TrainingPage

pytestmark = pytest.mark.django_db

Status = Registration.Status


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sessions": Session.objects.count(),
        "registrations": Registration.objects.count(),
        "speakers": Speaker.objects.count(),
        "statuses": sorted(Registration.objects.values_list("pk", "status", "attendance")),
    }


def test_catalogue_sessions_and_registrations(demo_content):
    now = timezone.now()
    trainings = TrainingPage.objects.live().filter(url_path__startswith="/accueil/formations/")
    assert trainings.count() >= 15
    assert set(trainings.values_list("provider__name", flat=True)) == set(
        Provider.objects.values_list("name", flat=True)
    )
    for training in trainings:
        assert training.intro and training.objectives and training.programme and training.themes.exists()
    assert {"presentiel", "distanciel", "hybride"} <= set(trainings.values_list("format", flat=True))
    assert trainings.filter(related_resources__isnull=False).exists()

    sessions = Session.objects.filter(page__in=trainings).with_counts()
    assert sessions.filter(starts_at__gte=now).count() >= 10
    assert sessions.filter(starts_at__lt=now).count() >= 5
    assert set(sessions.exclude(territory="").values_list("territory", flat=True)) == set(Territory.values)
    assert set(sessions.values_list("registration_mode", flat=True)) == set(Session.Mode.values)
    assert (
        sessions.filter(registration_mode=Session.Mode.EXTERNAL)
        .exclude(external_registration_url="")
        .exists()
    )
    assert not sessions.filter(registration_mode=Session.Mode.EXTERNAL, external_registration_url="").exists()
    assert sessions.filter(online=True).exclude(join_url="").exists()

    upcoming = sessions.filter(starts_at__gte=now)
    full = upcoming.filter(capacity__isnull=False, confirmed_count=F("capacity"), waiting_count__gt=0)
    assert full.exists(), "a full upcoming session with a waiting list"
    assert upcoming.filter(capacity__gt=F("confirmed_count"), confirmed_count__gt=0).exists()
    assert upcoming.filter(registration_mode=Session.Mode.VALIDATION, pending_count__gt=0).exists()
    # Capacity is never exceeded, and past sessions have their attendance.
    assert not sessions.filter(capacity__lt=F("confirmed_count")).exists()
    past = Registration.objects.filter(session__starts_at__lt=now, status=Status.CONFIRMED)
    assert past.filter(attendance=Registration.Attendance.PRESENT).exists()
    assert past.filter(attendance=Registration.Attendance.ABSENT).exists()
    assert not past.filter(attendance="").exists()

    for email in ("referent@exemple.fr", "professionnel@exemple.fr"):
        mine = Registration.objects.filter(user__email=email)
        assert mine.filter(session__starts_at__gte=now, status__in=Registration.ACTIVE).count() >= 2, email
        assert mine.filter(session__starts_at__lt=now, attendance=Registration.Attendance.PRESENT).exists(), (
            email
        )
    assert Registration.objects.filter(user__email="professionnel@exemple.fr", status=Status.WAITING).exists()
    # The registrations carry the person's service and territory, for the statistics.
    assert not Registration.objects.filter(service="").exists()


def test_seminars_and_a_second_run_creates_nothing(demo_content, django_assert_max_num_queries):
    today = timezone.localdate()
    seminar = SeminarPage.objects.get(title="Séminaire annuel des référents VIF 2026")
    assert seminar.live and seminar.venue == "Hôtel du Département, Lille"
    assert seminar.address == "51 rue Gustave Delory, 59000 Lille"
    if today.year == 2026 and today.month < 12:
        assert seminar.date > today
    speakers = {
        speaker.pk
        for block in seminar.programme
        if block.block_type == "slot"
        for speaker in block.value["speakers"]
    }
    assert len(speakers) >= 6
    assert {block.block_type for block in seminar.programme} == {"slot", "pause"}
    session = seminar.sessions.with_counts().get()
    assert session.capacity == 150 and session.registration_mode == Session.Mode.OPEN
    assert session.confirmed_count >= 3
    assert Registration.objects.filter(session=session, user__email="referent@exemple.fr").exists()

    previous = SeminarPage.objects.get(title="Séminaire annuel des référents VIF 2025")
    assert previous.date < today
    assert "document" in {block.block_type for block in previous.materials}
    assert previous.sessions.get().registrations.filter(attendance=Registration.Attendance.PRESENT).exists()

    before = counts()
    with django_assert_max_num_queries(10):
        trainings_demo.build()
    assert counts() == before
