"""iCalendar (.ics): one file per session, the agenda of upcoming sessions, and the
attachment of registration e-mails. Built with the ``icalendar`` library."""

import datetime

from icalendar import Calendar, Event

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .schedule import session_days


def _calendar():
    calendar = Calendar()
    calendar.add("prodid", "-//Département du Nord//Portail VIF Nord//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Formations VIF — Département du Nord")
    return calendar


def session_events(session, include_join_url=False):
    """The session's events: one for a session within a day; one per day, with that day's
    hours, for a session spanning several days (trainings/schedule.py), so that a two-day
    training is not one 32-hour block in the agenda."""
    page = session.page
    days = session_days(session)
    title = page.title if not session.label else f"{page.title} — {session.label}"
    location = "En ligne" if session.online else ", ".join(p for p in (session.place, session.address) if p)
    description = page.intro or ""
    if include_join_url and session.join_url:
        description += f"\n\nLien de connexion : {session.join_url}"
    url = f"{settings.SITE_URL}{page.url}" if page.url and page.url.startswith("/") else page.full_url or ""
    stamp = timezone.now()
    events = []
    for number, (starts, ends) in enumerate(days, start=1):
        event = Event()
        if len(days) == 1:
            event.add("uid", f"session-{session.pk}@portail-vif-nord")
            event.add("summary", title)
        else:
            event.add("uid", f"session-{session.pk}-jour-{number}@portail-vif-nord")
            event.add("summary", f"{title} (jour {number} sur {len(days)})")
        # In UTC, as before: a TZID would need its VTIMEZONE component.
        event.add("dtstart", starts.astimezone(datetime.UTC))
        event.add("dtend", ends.astimezone(datetime.UTC))
        event.add("dtstamp", stamp)
        if location:
            event.add("location", location)
        event.add("description", description.strip())
        event.add("url", url)
        events.append(event)
    return events


def sessions_calendar(sessions, include_join_url=False):
    calendar = _calendar()
    for session in sessions:
        for event in session_events(session, include_join_url=include_join_url):
            calendar.add_component(event)
    return calendar.to_ical()


def calendar_response(sessions, filename):
    response = HttpResponse(sessions_calendar(sessions), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
