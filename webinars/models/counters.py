"""Plays per webinar and per month."""

from django.db import models

from home.counters import MonthlyCounter, one_row_per_month

from .pages import WebinarPage


class PlayCount(MonthlyCounter):  # plays per webinar and per month
    webinar = models.ForeignKey(WebinarPage, on_delete=models.CASCADE, related_name="play_counts")
    count = models.PositiveIntegerField("lectures", default=0)

    class Meta(MonthlyCounter.Meta):
        verbose_name = "lectures du mois"
        verbose_name_plural = "lectures par mois"
        constraints = [one_row_per_month("webinar", "webinars_playcount_webinar_month")]
