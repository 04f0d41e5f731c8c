"""The shared base of the editorial admin reports (Rapports): for ODPE editors and moderators
only (``User.is_editorial_staff``, see ``accounts.groups.is_editorial_staff``), exported
files named after the report and the day."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

# Who the editorial staff are is the accounts app's rule (accounts.groups.is_editorial_staff),
# plugged in by its AppConfig.ready: home sits below accounts. Closed until then.
_staff_check = {"test": lambda user: False}


def use_staff_check(test):
    _staff_check["test"] = test


def _editorial_staff(user):
    return _staff_check["test"](user)


class EditorialReportView(ReportView):
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not _editorial_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.filename_prefix}-{timezone.localdate().isoformat()}"


class EditorialMenuItem(MenuItem):
    """A Rapports menu entry shown to the editorial staff only."""

    def is_shown(self, request):
        return _editorial_staff(request.user)
