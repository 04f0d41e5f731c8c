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
