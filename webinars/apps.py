from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    name = "webinars"
    verbose_name = "Webinaires"

    def ready(self):
        from wagtail.signals import page_published

        from access.documents import register_document_holder

        from .models import WebinarPage

        # Slides held by no resource follow their webinars; editors keep access to a draft's.
        register_document_holder(WebinarPage, "documents__document", editors_may_view=True, order=20)
        page_published.connect(reindex_with_children, sender=WebinarPage, dispatch_uid="webinars_reindex")


def reindex_with_children(sender, instance, **kwargs):
    """Index the webinar again once published: the search index is updated when the page row
    is saved, before its chapters are, so a chapter added in this revision would be missed."""
    from modelsearch.index import insert_or_update_object

    insert_or_update_object(instance)
