"""iCalendar (.ics): one file per session, the agenda of upcoming sessions, and the
attachment of registration e-mails. Built with the ``icalendar`` library."""

from icalendar import Calendar, Event

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from home.content_cache import public


def _calendar():
    calendar = Calendar()
    calendar.add("prodid", "-//Département du Nord//Portail VIF Nord//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Formations VIF — Département du Nord")
    return calendar


def session_event(session, include_join_url=False):
    page = session.page
    event = Event()
    event.add("uid", f"session-{session.pk}@portail-vif-nord")
    event.add("summary", page.title if not session.label else f"{page.title} — {session.label}")
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("dtstamp", timezone.now())
    location = "En ligne" if session.online else ", ".join(p for p in (session.place, session.address) if p)
    if location:
        event.add("location", location)
    description = page.intro or ""
    if include_join_url and session.join_url:
        description += f"\n\nLien de connexion : {session.join_url}"
    event.add("description", description.strip())
    event.add(
        "url",
        f"{settings.SITE_URL}{page.url}" if page.url and page.url.startswith("/") else page.full_url or "",
    )
    return event


def sessions_calendar(sessions, include_join_url=False):
    calendar = _calendar()
    for session in sessions:
        calendar.add_component(session_event(session, include_join_url=include_join_url))
    return calendar.to_ical()


def calendar_response(sessions, filename):
    response = HttpResponse(sessions_calendar(sessions), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def upcoming_public_sessions():
    from .models import Session, TrainingPage

    public_pages = public(TrainingPage.objects.live()).values("pk")
    return (
        Session.objects.filter(page__in=public_pages, starts_at__gte=timezone.now())
        .select_related("page")
        .order_by("starts_at")
    )
