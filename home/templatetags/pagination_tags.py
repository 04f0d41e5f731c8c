from django import template

register = template.Library()


@register.filter
def elided_page_range(paginator, number):
    """First, last and the pages within two of ``number``; a longer gap becomes the
    paginator's ELLIPSIS (a gap of a single page shows that page). Only the pages shown are
    produced, so a listing of 800 pages costs the same as one of 8."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
