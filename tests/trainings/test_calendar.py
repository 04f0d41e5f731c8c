"""Calendar files (.ics): a session spanning several days is one event per day, with the
day's real hours, not one block running through the nights."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from django.utils import timezone

from trainings import registration as service
from trainings.models import Session

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def events(body):
    calendar = Calendar.from_ical(body)
    return [
        (
            str(event["summary"]),
            event.decoded("dtstart").astimezone(PARIS),
            event.decoded("dtend").astimezone(PARIS),
            str(event["uid"]),
        )
        for event in calendar.walk("VEVENT")
    ]


def session_on(training, starts, ends, **fields):
    return Session.objects.create(page=training, starts_at=starts, ends_at=ends, capacity=10, **fields)


def test_a_two_day_session_is_one_event_per_day_with_its_hours(client, training):
    session = session_on(training, paris(2099, 3, 12, 9, 0), paris(2099, 3, 13, 17, 0), place="Lille")
    response = client.get(f"/inscriptions/session/{session.pk}.ics")
    assert response.status_code == 200
    found = events(response.content)
    title = "Emprise et mécanismes des violences"
    assert [(summary, starts, ends) for summary, starts, ends, _ in found] == [
        (f"{title} (jour 1 sur 2)", paris(2099, 3, 12, 9, 0), paris(2099, 3, 12, 17, 0)),
        (f"{title} (jour 2 sur 2)", paris(2099, 3, 13, 9, 0), paris(2099, 3, 13, 17, 0)),
    ]
    assert len({uid for *_, uid in found}) == 2, "each day is its own event in the agenda"


def test_the_daily_hours_hold_across_a_clock_change(client, training):
    # Summer time starts in the night of Saturday 28 to Sunday 29 March 2099.
    session = session_on(training, paris(2099, 3, 28, 9, 30), paris(2099, 3, 29, 12, 30))
    found = events(client.get(f"/inscriptions/session/{session.pk}.ics").content)
    assert [(starts, ends) for _, starts, ends, _ in found] == [
        (paris(2099, 3, 28, 9, 30), paris(2099, 3, 28, 12, 30)),
        (paris(2099, 3, 29, 9, 30), paris(2099, 3, 29, 12, 30)),
    ]


@pytest.mark.parametrize(
    ("starts", "ends"),
    [
        (paris(2099, 3, 12, 9, 0), paris(2099, 3, 12, 17, 0)),  # within a day
        (paris(2099, 3, 12, 20, 0), paris(2099, 3, 13, 2, 0)),  # an evening into the night
        (paris(2099, 1, 5, 9, 0), paris(2099, 6, 30, 17, 0)),  # a course over months
    ],
)
def test_other_sessions_stay_one_event(client, training, starts, ends):
    session = session_on(training, starts, ends)
    found = events(client.get(f"/inscriptions/session/{session.pk}.ics").content)
    assert [(summary, start, end) for summary, start, end, _ in found] == [
        ("Emprise et mécanismes des violences", starts, ends)
    ]
    assert found[0][3] == f"session-{session.pk}@portail-vif-nord"


def test_the_agenda_and_the_confirmation_email_split_the_days_too(
    client, training, demo_users, mailoutbox, django_capture_on_commit_callbacks
):
    starts = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=20
    )
    session = session_on(training, starts, starts + datetime.timedelta(days=1, hours=8))
    agenda = events(client.get("/formations/agenda/").content)
    assert [summary for summary, *_ in agenda] == [
        "Emprise et mécanismes des violences (jour 1 sur 2)",
        "Emprise et mécanismes des violences (jour 2 sur 2)",
    ]
    with django_capture_on_commit_callbacks(execute=True):
        service.register(demo_users["professionnel"], session.pk)
    [(_, attachment, _)] = mailoutbox[0].attachments
    assert [(start.hour, end.hour) for _, start, end, _ in events(attachment)] == [(9, 17), (9, 17)]
