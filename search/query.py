"""From what a person typed to a search query: quotes make phrases, the rest is plain text."""

from wagtail.search.utils import parse_query_string

MAX_QUERY_LENGTH = 200


def clean_query_string(raw):
    """Trimmed, bounded, with unbalanced quotes dropped (a lone ``"`` is a typo, not a phrase)."""
    text = " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        text = text.replace('"', " ").strip()
    return text


def build_query(raw, operator="and"):
    """``(filters, query)`` for ``queryset.search(query)``; ``filters`` holds ``key:value``
    pairs typed in the box (ignored by the portal, kept for future use)."""
    filters, query = parse_query_string(clean_query_string(raw), operator=operator)
    return filters, query


def has_search_terms(raw):
    """False when what was typed holds nothing to look for (empty, or only stop words like
    "de la"): every backend would then answer differently (all or nothing), so we don't ask."""
    from .french import analyze

    return bool(analyze(clean_query_string(raw).replace('"', " ")))


def search(queryset, raw, operator="and"):
    if not has_search_terms(raw):
        return queryset.none()
    _, query = build_query(raw, operator=operator)
    return queryset.search(query)
