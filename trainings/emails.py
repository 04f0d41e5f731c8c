"""Registration e-mails, in French (text and HTML), with the session's .ics attached."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .calendar import sessions_calendar

SUBJECTS = {
    "confirmed": "Inscription confirmée : {title}",
    "waiting": "Liste d'attente : {title}",
    "pending": "Demande d'inscription reçue : {title}",
    "promoted": "Une place s'est libérée : {title}",
    "refused": "Demande d'inscription non retenue : {title}",
    "cancelled": "Inscription annulée : {title}",
    "reminder": "Rappel : {title} dans 3 jours",
}


def send_registration_email(registration, kind):
    """``kind`` is one of SUBJECTS. The joining link of an online session goes only to
    people whose place is confirmed."""
    user = registration.user
    if user is None or not user.email:
        return False
    session = registration.session
    page = session.page
    confirmed = registration.status == registration.Status.CONFIRMED
    context = {
        "registration": registration,
        "session": session,
        "page": page,
        "user": user,
        "kind": kind,
        "site_url": settings.SITE_URL,
        "show_join_url": confirmed and bool(session.join_url),
    }
    message = EmailMultiAlternatives(
        subject=f"[Portail VIF Nord] {SUBJECTS[kind].format(title=page.title)}",
        body=render_to_string("trainings/emails/registration.txt", context),
        to=[user.email],
    )
    message.attach_alternative(render_to_string("trainings/emails/registration.html", context), "text/html")
    if kind not in ("refused", "cancelled"):
        message.attach(
            f"session-{session.pk}.ics",
            sessions_calendar([session], include_join_url=confirmed),
            "text/calendar",
        )
    message.send()
    return True
