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


@register.filter
def filter_count(selection, extra=False):
    """How many filters are active, for the "Filtrer (n)" summary of a listing's filter panel.

    ``selection`` is either the listing's facets (each with options that may be ``selected``)
    or a mapping of parameter name to selected values; ``extra`` adds one for a lone
    on/off filter (the catalogue's "places disponibles")."""

    def get(item, name):
        return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

    if isinstance(selection, dict):
        count = sum(len(values or ()) for values in selection.values())
    else:
        count = sum(
            1
            for facet in selection or ()
            for option in get(facet, "options") or ()
            if get(option, "selected")
        )
    return count + (1 if extra else 0)


@register.filter
def pluriel(count, suffix="s"):
    """The plural ending French puts after a count: none for 0 and 1 ("0 résultat",
    "1 résultat", "2 résultats"), where Django's ``pluralize`` writes "0 résultats"."""
    try:
        number = abs(float(count))
    except (TypeError, ValueError):
        try:
            number = len(count)
        except TypeError:
            return ""
    return suffix if number >= 2 else ""
