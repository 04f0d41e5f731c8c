from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Run-time wiring: health probe, request-id logging, security headers, database-outage
    handling, S3 storage, search-index retries, safe CSV exports. Django and Wagtail only."""

    name = "operations"
    verbose_name = "Exploitation"

    def ready(self):
        from .spreadsheets import protect_admin_exports

        protect_admin_exports()
