"""Plays per webinar, for editors (Rapports › Lectures des webinaires): counted without any
personal data, per month (see ``webinars.views.count_play``)."""

import datetime

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.tables import DateColumn, NumberColumn, TitleColumn

from home.reports import EditorialReportView

from .models import PlayCount, WebinarPage


def month_start(day, months_back=0):
    year, month = day.year, day.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1)


class PlaysView(EditorialReportView):
    page_title = "Lectures des webinaires"
    header_icon = "media"
    index_url_name = "webinars_reports:plays"
    index_results_url_name = "webinars_reports:plays_results"
    filename_prefix = "lectures-webinaires"
    list_export = ["title", "date", "plays_this_month", "plays_last_month", "plays_total"]
    export_headings = {
        "title": "Webinaire",
        "date": "Date",
        "plays_this_month": "Ce mois-ci",
        "plays_last_month": "Mois précédent",
        "plays_total": "Depuis l'origine",
    }
    columns = [
        TitleColumn(
            "title",
            label="Webinaire",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        DateColumn("date", label="Date"),
        NumberColumn("plays_this_month", label="Ce mois-ci"),
        NumberColumn("plays_last_month", label="Mois précédent"),
        NumberColumn("plays_total", label="Depuis l'origine"),
    ]

    def get_queryset(self):
        today = timezone.localdate()

        def month_count(month):
            counts = PlayCount.objects.filter(webinar=OuterRef("pk"), month=month).values("count")[:1]
            return Coalesce(Subquery(counts, output_field=IntegerField()), 0)

        return (
            WebinarPage.objects.filter(Q(video__isnull=False) | ~Q(external_video_url=""))
            .annotate(
                plays_total=Coalesce(Sum("play_counts__count"), 0),
                plays_this_month=month_count(month_start(today)),
                plays_last_month=month_count(month_start(today, 1)),
            )
            .order_by("-plays_total", "-date")
        )
