"""CSV exports that a spreadsheet cannot turn into formulas (CSV injection, OWASP).

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading one of those) is run as a formula when the file is
opened: a surname such as ``=HYPERLINK("https://…")`` or a search query typed by a
visitor becomes a live link or a command. OWASP's advice is to prefix such a cell with a
single quote, which spreadsheets show as text and do not evaluate.

Every CSV export goes through :func:`safe_cell`: hand-written ones (the personal-data
download) call :func:`safe_row`; every admin export is built on Wagtail's
``SpreadsheetExportMixin`` (our reports and lists, wagtail-modeladmin's registrations,
Wagtail's own reports, form submissions and search terms), whose cell preprocessing
:func:`protect_admin_exports` wraps once at start-up, so that no export can forget it.
XLSX exports need nothing: Wagtail writes back as a string every cell that openpyxl would
take for a formula."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


def protect_admin_exports():
    """Neutralise the CSV cells of every Wagtail admin export (called from OperationsConfig.ready)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


def export_refused(request):
    """The answer to an export of personal data asked by someone without the export
    permission: a plain 403 (not Wagtail's redirect to the dashboard), nothing exported."""
    from django.template.response import TemplateResponse

    return TemplateResponse(request, "403.html", {}, status=403)
