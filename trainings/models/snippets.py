"""Providers and speakers: the people and bodies behind trainings, seminars and webinars."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Provider(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "universite", "Université"
        ASSOCIATION = "association", "Association"
        DEPARTMENT = "departement", "Département du Nord"
        OTHER = "autre", "Autre"

    name = models.CharField("nom", max_length=150, unique=True)
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.ASSOCIATION)
    website = models.URLField("site web", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField("présentation", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "organisme de formation"
        verbose_name_plural = "organismes de formation"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Speaker(index.Indexed, models.Model):
    name = models.CharField("nom", max_length=150)
    role = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("photo")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        verbose_name = "intervenant"
        verbose_name_plural = "intervenants"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
