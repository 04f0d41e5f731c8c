"""What visitors look for, without who they are: one row per normalised query and per day."""

from django.db import models

MAX_LOGGED_QUERY_LENGTH = 200


class QueryDailyStat(models.Model):
    """How many times a query was searched on a day, and how many results it last found.

    No user, no IP address, no session, no time of day: nothing here points to a person
    (see ``search.querylog.record``, which also refuses queries that look like an e-mail
    address or a phone number). Purged after a year by ``manage.py purge_search_log``."""

    query = models.CharField("recherche", max_length=MAX_LOGGED_QUERY_LENGTH)
    day = models.DateField("jour")
    hits = models.PositiveIntegerField("nombre de recherches", default=0)
    last_result_count = models.PositiveIntegerField("nombre de résultats (dernière recherche)", default=0)

    class Meta:
        verbose_name = "recherche"
        verbose_name_plural = "recherches"
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_querydailystat_query_day")
        ]
        indexes = [models.Index(fields=["day"], name="search_querydailystat_day")]
        ordering = ["-day", "-hits"]

    def __str__(self):
        return f"{self.query} — {self.day:%d/%m/%Y} : {self.hits}"
