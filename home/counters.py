"""One shape for the monthly counters (library downloads, webinar plays): a row per counted
object and per month, no IP, no user, no time of day; one increment that stays right when two
requests count at the same time."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


def one_row_per_month(counted_field, name):
    """The unique constraint a concrete counter declares: one row per counted object and month
    (what ``MonthlyCounter.increment`` relies on when two requests count at once)."""
    return models.UniqueConstraint(counted_field, "month", name=name)


class MonthlyCounter(models.Model):
    """A concrete counter declares one foreign key, to what it counts, its own ``count``
    verbose name and ``constraints = [one_row_per_month(...)]``."""

    month = models.DateField("mois")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["-month"]

    def __str__(self):
        return f"{getattr(self, self.counted_field())} — {self.month:%m/%Y} : {self.count}"

    @classmethod
    def counted_field(cls):
        """The name of the foreign key to what is counted (the counter's only one)."""
        return next(field.name for field in cls._meta.fields if field.many_to_one)

    @classmethod
    def increment(cls, counted):
        """One more this month for ``counted``: an UPDATE when the month's row exists, else a
        creation; when a concurrent request created the row meanwhile, the UPDATE again."""
        month = timezone.localdate().replace(day=1)
        counted_field = cls.counted_field()
        rows = cls.objects.filter(**{counted_field: counted, "month": month})
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**{counted_field: counted, "month": month, "count": 1})
        except IntegrityError:  # created meanwhile by a concurrent request
            rows.update(count=F("count") + 1)
