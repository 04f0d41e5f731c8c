from django import template

from home.sitemap import public_url as _public_url

register = template.Library()


@register.filter
def file_size(value):
    """File size as French readers write it: "245 Ko", "1,2 Mo" (decimal units)."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        return ""
    if size < 1000:
        return f"{size}\u00a0octets"
    for unit in ("Ko", "Mo", "Go"):
        size /= 1000
        if size < 1000 or unit == "Go":
            text = f"{size:.0f}" if size >= 10 else f"{size:.1f}".replace(".", ",")
            return f"{text}\u00a0{unit}"
    return ""


@register.filter
def public_url(value):
    """A page's address on the portal's real address (SITE_URL), for canonical links."""
    return _public_url(value)
