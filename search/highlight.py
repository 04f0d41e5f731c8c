"""Result snippets: the passage of a page's text that matches the query, with the matching
words in <mark>, compared the French way (stems, no accents)."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .french import STOP_WORDS, analyze, fold_accents, stem

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
WIDTH = 240


def snippet(text, query, width=WIDTH):
    """An excerpt of ``text`` around the first word matching ``query``, HTML-safe."""
    text = " ".join(strip_tags(str(text or "")).split())
    if not text:
        return ""
    wanted = set(analyze(query))
    matches = [
        match
        for match in TOKEN.finditer(text)
        if fold_accents(match.group().lower()) not in STOP_WORDS and stem(match.group().lower()) in wanted
    ]
    if matches:
        start = max(0, matches[0].start() - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < matches[0].start() else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[cursor : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece is escaped above
