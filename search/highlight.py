"""Result snippets: the passage of a page's text that matches the query, with the matching
words in <mark>, compared the French way (stems, no accents)."""

import itertools
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
    # Tokens are analysed lazily, up to the end of the excerpt: a page's text runs to
    # 20,000 characters of documents, and the excerpt needs the first match and its width.
    found = _matching(text, set(analyze(query)))
    first = next(found, None)
    start = 0
    if first is not None:
        start = max(0, first.start() - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    matches = [] if first is None else [first, *itertools.takewhile(lambda match: match.end() <= end, found)]
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


def _matching(text, wanted):
    for match in TOKEN.finditer(text):
        word = match.group().lower()
        if fold_accents(word) not in STOP_WORDS and stem(word) in wanted:
            yield match
