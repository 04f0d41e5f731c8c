"""When a session takes place, day by day, and how to say it in French.

A session stores one start and one end. When they fall on different days with the end
time after the start time (9:00 on Thursday to 17:00 on Friday), the session is a
multi-day training with the same hours every day: 9:00–17:00 on Thursday and again on
Friday, not 32 hours in a row. Calendars (one event per day), the confirmation page and
the personal-data export read it from here."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

# Beyond this many days, a single start and end cannot describe the real timetable (a
# university course spread over months): the session stays one block.
MAX_DAILY_DAYS = 14


def session_days(session):
    """The local ``(start, end)`` of each day of ``session``, in order."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    day_count = (ends.date() - starts.date()).days + 1
    if day_count == 1 or ends.time() <= starts.time() or day_count > MAX_DAILY_DAYS:
        return [(starts, ends)]
    days = []
    for offset in range(day_count):
        day = starts.date() + datetime.timedelta(days=offset)
        days.append(
            (
                timezone.make_aware(datetime.datetime.combine(day, starts.time())),
                timezone.make_aware(datetime.datetime.combine(day, ends.time())),
            )
        )
    return days


def _day(moment):
    return date_format(moment, "l j F Y")


def _time(moment):
    return date_format(moment, "H\\hi")


def session_dates(session):
    """« le jeudi 12 mars 2026 » or « du jeudi 12 mars 2026 au vendredi 13 mars 2026 »."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    if starts.date() == ends.date():
        return f"le {_day(starts)}"
    return f"du {_day(starts)} au {_day(ends)}"


def session_when(session):
    """The dates with the hours: « le jeudi 12 mars 2026 de 09h00 à 17h00 », « du … au …,
    de 09h00 à 17h00 chaque jour », or « du … à 20h00 au … à 02h00 »."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    if starts.date() == ends.date():
        return f"le {_day(starts)} de {_time(starts)} à {_time(ends)}"
    if len(session_days(session)) > 1:
        return f"du {_day(starts)} au {_day(ends)}, de {_time(starts)} à {_time(ends)} chaque jour"
    return f"du {_day(starts)} à {_time(starts)} au {_day(ends)} à {_time(ends)}"


def session_place(session):
    if session.online:
        return "En ligne"
    return ", ".join(
        part for part in (session.place, session.address, session.get_territory_display()) if part
    )


def session_description(session):
    """One readable line: training, label, dates and hours, place (or « En ligne »)."""
    parts = [session.page.title]
    if session.label:
        parts.append(session.label)
    when = session_when(session)
    parts.append(when[0].upper() + when[1:])
    parts.append(session_place(session) or "Lieu à préciser")
    return " — ".join(parts)
