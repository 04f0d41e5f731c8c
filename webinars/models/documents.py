"""Slides and handouts attached to a webinar."""

from django.db import models

from modelcluster.fields import ParentalKey

from home.attachments import AttachedDocument, attached_document_field

from .pages import WebinarPage


class WebinarDocument(AttachedDocument):
    """Slides and handouts: library documents, which follow the webinar's privacy
    (``access.documents``: registered in ``webinars.apps``)."""

    page = ParentalKey(WebinarPage, related_name="documents", on_delete=models.CASCADE)
    document = attached_document_field("webinar_files")

    class Meta(AttachedDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
