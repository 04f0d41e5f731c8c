"""Template tags of the portal's admin templates (templates/wagtailadmin/)."""

from django import template

from home.admin_creation import new_creation_token

register = template.Library()


@register.simple_tag
def creation_token():
    """A fresh token for one rendered page create form (home/admin_creation.py)."""
    return new_creation_token()
