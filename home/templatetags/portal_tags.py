from django import template

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
