from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Ressources"

    def ready(self):
        from access.documents import register_document_holder

        from .models import ResourcePage

        # Resources decide first: a file offered by a resource follows that resource.
        register_document_holder(ResourcePage, "files__document", order=10)
