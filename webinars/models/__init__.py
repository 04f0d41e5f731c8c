"""Webinars of the ODPE (roadmap action 18): live sessions people register for, then the
recording with synchronised captions, a transcript and chapters (RGAA 4.1, criteria 4.x).

A ``WebinarPage`` is a ``trainings.EventPage``: its live sessions, registrations and e-mails
(with the joining link, sent only to those registered) are the trainings' own. Its video,
captions and play counter are served by routes of the page itself, so they follow the
page's privacy: see ``views.py`` and ``access.rules``."""

from .chapters import (  # noqa: F401
    CHAPTER_TIME,
    WebinarChapter,
    format_chapter_time,
    parse_chapter_time,
    validate_chapter_time,
)
from .counters import PlayCount  # noqa: F401
from .documents import WebinarDocument  # noqa: F401
from .pages import WebinarIndexPage, WebinarPage  # noqa: F401

__all__ = [
    "CHAPTER_TIME",
    "parse_chapter_time",
    "format_chapter_time",
    "validate_chapter_time",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarChapter",
    "WebinarDocument",
    "PlayCount",
]
