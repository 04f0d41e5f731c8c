"""Chapters of a webinar recording, with their times (« mm:ss » or « hh:mm:ss »)."""

import re

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable

from .pages import WebinarPage

CHAPTER_TIME = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def parse_chapter_time(value):
    """Seconds of "mm:ss" or "hh:mm:ss", or None."""
    match = CHAPTER_TIME.match((value or "").strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def format_chapter_time(seconds):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def validate_chapter_time(value):
    if parse_chapter_time(value) is None:
        raise ValidationError(
            f"« {value} » n'est pas un minutage valide : écrivez « mm:ss » ou « hh:mm:ss », "
            "par exemple 05:30 ou 1:02:15.",
            code="invalid_chapter_time",
        )


class WebinarChapter(Orderable):
    page = ParentalKey(WebinarPage, related_name="chapters", on_delete=models.CASCADE)
    start = models.CharField(
        "début",
        max_length=9,
        validators=[validate_chapter_time],
        help_text="« mm:ss » ou « hh:mm:ss ».",
    )
    title = models.CharField("titre", max_length=200)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = "chapitre"
        verbose_name_plural = "chapitres"

    def __str__(self):
        return f"{self.start} {self.title}"

    @property
    def start_seconds(self):
        return parse_chapter_time(self.start)

    @property
    def timecode(self):
        """The normalised time, as used in shareable links: #t=05:30."""
        return format_chapter_time(self.start_seconds or 0)
