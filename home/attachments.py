"""One shape for the files attached to a page (a resource's files, a webinar's slides): an
ordered link to a document of the site's document model, with an optional label."""

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


def attached_document_field(related_name):
    """The link to the document; the document cannot be deleted while a page holds it."""
    return models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name="document",
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class AttachedDocument(Orderable):
    """A concrete model adds ``page = ParentalKey(...)`` and
    ``document = attached_document_field("...")``."""

    label = models.CharField(
        "intitulé", max_length=200, blank=True, help_text="Par défaut, le titre du document."
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.label or self.document.title
