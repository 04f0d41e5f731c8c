"""One shape for the monthly counters (library downloads, webinar plays): a row per counted
object and per month, no IP, no user, no time of day; one increment that stays right when two
requests count at the same time."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class MonthlyCounter(models.Model):
    """A concrete counter declares the counted object's foreign key, names it in
    ``counted_field``, sets its own ``count`` verbose name and its unique constraint on
    (counted field, month)."""

    counted_field = None  # the name of the foreign key to what is counted

    month = models.DateField("mois")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["-month"]

    def __str__(self):
        return f"{getattr(self, self.counted_field)} — {self.month:%m/%Y} : {self.count}"

    @classmethod
    def increment(cls, counted):
        """One more this month for ``counted``: an UPDATE when the month's row exists, else a
        creation; when a concurrent request created the row meanwhile, the UPDATE again."""
        month = timezone.localdate().replace(day=1)
        rows = cls.objects.filter(**{cls.counted_field: counted, "month": month})
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**{cls.counted_field: counted, "month": month, "count": 1})
        except IntegrityError:  # created meanwhile by a concurrent request
            rows.update(count=F("count") + 1)
