from django import template
from django.utils import timezone

from access.rules import exclude_restricted
from trainings.models import Registration, Session, TrainingPage

register = template.Library()


@register.inclusion_tag("trainings/includes/my_registrations.html", takes_context=True)
def my_registrations(context):
    """The registrations of the logged-in person, for "Mon espace"."""
    request = context["request"]
    registrations = list(
        Registration.objects.filter(user=request.user)
        .select_related("session__page")
        .order_by("session__starts_at")
    )
    now = timezone.now()
    return {
        "upcoming": [r for r in registrations if r.session.starts_at >= now and r.is_active],
        "past": [r for r in registrations if r.session.starts_at < now or not r.is_active][::-1],
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("trainings/includes/upcoming_sessions.html", takes_context=True)
def upcoming_sessions(context, count=4):
    """The next sessions of public trainings that one can still register for, for the home page."""
    next_ones = (
        Session.objects.open_for_registration()
        .filter(page__in=exclude_restricted(TrainingPage.objects.live()).values("pk"))
        .order_by("starts_at", "pk")
        .values("pk")[:count]
    )
    # Registrations counted for these few sessions only, not for every upcoming one.
    sessions = (
        Session.objects.filter(pk__in=next_ones)
        .select_related("page")
        .with_counts()
        .order_by("starts_at", "pk")
    )
    return {"sessions": list(sessions), "request": context.get("request")}
