from django import template

from wagtail.models import BaseViewRestriction

register = template.Library()

RESTRICTION_LABELS = {
    BaseViewRestriction.LOGIN: "Réservé aux professionnels connectés",
    BaseViewRestriction.GROUPS: "Réservé aux référents VIF",
    BaseViewRestriction.PASSWORD: "Protégé par un mot de passe",
}


@register.filter
def restriction_label(restriction):
    return RESTRICTION_LABELS.get(getattr(restriction, "restriction_type", None), "")


@register.filter
def duration(minutes):
    """« 45 min », « 1 h », « 1 h 30 »."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}\u00a0min"
    return f"{hours}\u00a0h" + (f"\u00a0{rest:02d}" if rest else "")
