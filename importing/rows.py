"""Bulk import from CSV or XLSX files, shared by the apps' import commands.

Knows nothing about resources or trainings: it reads a CSV or XLSX file, maps its headers to
the expected columns, numbers the lines as a spreadsheet does (the header is line 1),
collects every problem of a row in French, runs each good row in its own transaction and
counts the outcome. An app subclasses ``RowImporter`` with its own ``columns``, ``clean()``
and ``save()`` (``library.importing.ResourceImporter``, ``trainings.importing.TrainingImporter``);
``PagesByTitleMixin`` adds what both share: rows become published pages, matched by title.
"""

import csv
import datetime
import enum
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify

from .text import fold

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# Generic part: reading the file, numbering lines, collecting errors, matching names.
# ---------------------------------------------------------------------------------------


class ImportFileError(Exception):
    """The whole file is unusable (missing, unreadable, required columns absent).

    The message is in French and meant for the person who runs the import."""


CSV_EXTENSIONS = {".csv", ".txt"}
XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
LIST_SEPARATOR = ";"


def header_key(text):
    """``"Type de ressource "``, ``"resource-type"`` and ``"RESOURCE_TYPE"`` → one key."""
    return re.sub(r"[\s_\-]+", "_", fold(text)).strip("_")


def cell_value(value):
    """An XLSX or CSV cell as ``str`` (stripped) or, for real date cells, ``datetime.date``."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0, 0) else value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_text(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@dataclass
class Table:
    """The header (with its line number) and the data rows, as ``(line, cells)`` pairs."""

    header: list
    header_line: int
    rows: list  # [(line_number, [cell, ...]), ...]


def read_table(path):
    """Read a CSV (UTF-8, BOM or not, ``,`` or ``;``) or the first sheet of an XLSX file.

    Line numbers are those a spreadsheet shows: the header is line 1 and blank lines
    count (they are skipped, not reported). Raises ``ImportFileError``."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"Fichier introuvable : « {path} ».")
    if not path.is_file():
        raise ImportFileError(f"« {path} » n'est pas un fichier.")
    extension = path.suffix.lower()
    if extension in CSV_EXTENSIONS:
        lines = _read_csv(path)
    elif extension in XLSX_EXTENSIONS:
        lines = _read_xlsx(path)
    elif extension == ".xls":
        raise ImportFileError(
            f"Le format Excel 97-2003 (.xls) de « {path.name} » n'est pas pris en charge : "
            "enregistrez le classeur au format .xlsx ou CSV UTF-8."
        )
    else:
        raise ImportFileError(
            f"Format non pris en charge « {path.suffix or path.name} » : fournissez un fichier .csv ou .xlsx."
        )

    header, header_line, rows = None, 0, []
    for number, cells in lines:
        cells = [cell_value(cell) for cell in cells]
        if not any(cell != "" for cell in cells):
            continue
        if header is None:
            header, header_line = [as_text(cell) for cell in cells], number
        else:
            rows.append((number, cells))
    if header is None:
        raise ImportFileError(f"Le fichier « {path.name} » est vide : aucune ligne d'en-tête.")
    return Table(header=header, header_line=header_line, rows=rows)


def _read_csv(path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"Le fichier « {path.name} » n'est pas encodé en UTF-8 (octet invalide à la position "
            f"{error.start}) : dans Excel, enregistrez-le au format « CSV UTF-8 »."
        ) from error
    except OSError as error:
        raise ImportFileError(f"Impossible de lire « {path} » : {error.strerror or error}.") from error
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _guess_delimiter(first_line)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        # csv.reader yields [] for a blank line, so enumerate() keeps the numbering a
        # spreadsheet shows, even when a quoted cell spans several physical lines.
        return list(enumerate(reader, start=1))
    except csv.Error as error:
        raise ImportFileError(f"Le fichier CSV « {path.name} » est mal formé : {error}.") from error


def _guess_delimiter(header_line):
    """``;`` or ``,``: the one the header uses most (header names contain neither).

    Deterministic, unlike ``csv.Sniffer``, which guesses from a sample of data rows and
    is fooled by summaries full of commas."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _read_xlsx(path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportFileError(
            f"Le fichier Excel « {path.name} » est illisible ({error.__class__.__name__}) : "
            "vérifiez qu'il s'agit bien d'un classeur .xlsx."
        ) from error
    try:
        if not workbook.worksheets:
            raise ImportFileError(f"Le classeur « {path.name} » ne contient aucune feuille.")
        sheet = workbook.worksheets[0]
        return [
            (number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


@dataclass(frozen=True)
class Column:
    """An expected column: its canonical name (used in messages), whether the file must
    have it, and other header spellings accepted (compared with ``header_key``)."""

    name: str
    required: bool = False
    aliases: tuple = ()

    def header_keys(self):
        return {header_key(self.name), *(header_key(alias) for alias in self.aliases)}


@dataclass
class Row:
    line: int
    values: dict  # column name → str or datetime.date

    def get(self, name):
        return self.values.get(name, "")

    def text(self, name):
        return as_text(self.get(name))


class RowErrors:
    """The problems of one row, in French, in the order found."""

    def __init__(self):
        self.messages = []

    def add(self, message):
        self.messages.append(message)

    def __bool__(self):
        return bool(self.messages)

    def __iter__(self):
        return iter(self.messages)


class Outcome(enum.Enum):
    CREATED = "créée"
    UPDATED = "mise à jour"
    UNCHANGED = "inchangée"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: dict = field(default_factory=dict)  # line → [message, ...]
    outcomes: list = field(default_factory=list)  # [(line, Outcome, label), ...]
    ignored_columns: list = field(default_factory=list)

    def add_errors(self, line, messages):
        self.errors.setdefault(line, []).extend(messages)

    def add_outcome(self, line, outcome, label=""):
        self.outcomes.append((line, outcome, label))
        if outcome is Outcome.CREATED:
            self.created += 1
        elif outcome is Outcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1

    @property
    def error_count(self):
        return len(self.errors)

    def error_lines(self):
        """``Ligne 4 : type de ressource inconnu « Brochure »``, one per problem, by line."""
        return [f"Ligne {line} : {message}" for line in sorted(self.errors) for message in self.errors[line]]


def clean_required_text(row, name, errors, missing_message, max_length=None, label=None):
    value = row.text(name)
    if not value:
        errors.add(missing_message)
        return ""
    return clean_length(value, errors, max_length, label)


def clean_length(value, errors, max_length, label):
    if max_length and len(value) > max_length:
        errors.add(f"{label} trop long ({len(value)} caractères, {max_length} au maximum)")
    return value


DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clean_date(value, errors, label, required=True):
    """A ``datetime.date`` from ``AAAA-MM-JJ`` text or a real date cell, or None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not value:
        if required:
            errors.add(f"{label} manquante")
        return None
    if DATE_PATTERN.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    errors.add(f"{label} invalide « {value} » (attendu AAAA-MM-JJ)")
    return None


def split_list(value, separator=LIST_SEPARATOR):
    """``"Inceste ; Repérage;"`` → ``["Inceste", "Repérage"]``."""
    return [item.strip() for item in as_text(value).split(separator) if item.strip()]


TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "–": "-", "‑": "-"})


def normalize_label(label):
    """Undo what word processors do to typed text: curly apostrophes, non-breaking spaces,
    en dashes; collapse spaces. ``« Protection de l’enfance »`` → ``Protection de l'enfance``."""
    return " ".join(str(label).translate(TYPOGRAPHIC).split())


def match_term(model, label, errors, unknown_message):
    """The term of ``model`` (a taxonomy with ``match``) named ``label``, ignoring case and
    accents; None and an error if there is none."""
    term = model.match(label)
    if term is None and normalize_label(label) != label:
        term = model.match(normalize_label(label))
    if term is None:
        errors.add(f"{unknown_message} « {label} »")
    return term


def match_terms(model, value, errors, unknown_message):
    """The terms of a ``;``-separated cell, without duplicates, in order."""
    terms = []
    for label in split_list(value):
        term = match_term(model, label, errors, unknown_message)
        if term is not None and term not in terms:
            terms.append(term)
    return terms


def clean_url(value, errors, label="lien invalide", max_length=200):
    if not value:
        return ""
    try:
        URLValidator()(value)
    except ValidationError:
        errors.add(f"{label} « {value} » (adresse complète attendue, commençant par https://)")
        return ""
    if len(value) > max_length:
        errors.add(f"{label} « {value} » (plus de {max_length} caractères)")
        return ""
    return value


def clean_file_path(value, base_dir, errors):
    """The path of a file to attach: relative paths are relative to the import file's
    folder; it must exist, have an extension Wagtail accepts for documents and fit the
    upload size limit. Returns a ``Path`` or None."""
    if not value:
        return None
    path = Path(value.replace("\\", "/")).expanduser()
    if not path.is_absolute():
        path = Path(base_dir) / path
    if not path.is_file():
        errors.add(f"fichier introuvable « {value} »")
        return None
    allowed = [extension.lower() for extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
    extension = path.suffix.lower().lstrip(".")
    if allowed and extension not in allowed:
        errors.add(f"extension de fichier non autorisée « {value} » (acceptées : {', '.join(allowed)})")
        return None
    max_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if max_size and path.stat().st_size > max_size:
        errors.add(
            f"fichier trop volumineux « {value} » ({path.stat().st_size / 1024 / 1024:.1f} Mo, "
            f"{max_size / 1024 / 1024:.0f} Mo au maximum)"
        )
        return None
    return path


def title_key(title):
    """Titles compare trimmed, case-insensitively and with inner spaces collapsed."""
    return " ".join(str(title).split()).casefold()


def describe_exception(error):
    if isinstance(error, ValidationError):
        return " ; ".join(error.messages)
    return f"{error.__class__.__name__}: {error}"


class RowImporter:
    """Read a file, clean each row, save each good row in its own transaction.

    Subclasses set ``columns`` and implement ``clean(row, errors) -> data`` (report every
    problem with ``errors.add()``) and ``save(data) -> Outcome``; optionally ``preview(data)``
    (the outcome ``--dry-run`` announces) and ``key(data)`` (rows with the same key in one
    file are reported as duplicates)."""

    columns: tuple = ()
    summary_template = "{created} élément(s) créé(s), {updated} mis à jour, {errors} ligne(s) en erreur."

    def __init__(self):
        self.base_dir = Path(".")
        self._rollback_callbacks = []

    # -- to override -------------------------------------------------------------------
    def clean(self, row, errors):
        raise NotImplementedError

    def save(self, data):
        raise NotImplementedError

    def preview(self, data):
        return Outcome.CREATED

    def key(self, data):
        return None

    def label(self, data):
        return ""

    # -- machinery ---------------------------------------------------------------------
    def on_rollback(self, callback):
        """Run ``callback`` if the current row's transaction is rolled back (for side
        effects outside the database, such as a file written to the media storage)."""
        self._rollback_callbacks.append(callback)

    def map_columns(self, table):
        """{column name: index in the row}; ``ImportFileError`` naming missing columns."""
        by_key = {}
        for column in self.columns:
            for key in column.header_keys():
                by_key[key] = column
        mapping, ignored = {}, []
        for index, header in enumerate(table.header):
            column = by_key.get(header_key(header))
            if column is None:
                if header:
                    ignored.append(header)
                continue
            if column.name in mapping:
                raise ImportFileError(
                    f"La colonne « {column.name} » apparaît deux fois dans l'en-tête (ligne {table.header_line})."
                )
            mapping[column.name] = index
        missing = [column.name for column in self.columns if column.required and column.name not in mapping]
        if missing:
            expected = ", ".join(column.name for column in self.columns)
            raise ImportFileError(
                f"Colonne(s) obligatoire(s) absente(s) : {', '.join(missing)}. "
                f"L'en-tête (ligne {table.header_line}) doit contenir les colonnes : {expected}."
            )
        return mapping, ignored

    def run(self, path, dry_run=False):
        path = Path(path)
        self.base_dir = path.resolve().parent
        table = read_table(path)
        mapping, ignored = self.map_columns(table)
        report = ImportReport(ignored_columns=ignored)
        seen = {}
        for line, cells in table.rows:
            row = Row(
                line=line,
                values={name: cells[index] if index < len(cells) else "" for name, index in mapping.items()},
            )
            errors = RowErrors()
            data = self.clean(row, errors)
            key = self.key(data) if not errors else None
            if key is not None and key in seen:
                errors.add(f"« {self.label(data)} » figure déjà ligne {seen[key]} du fichier")
            if errors:
                report.add_errors(line, list(errors))
                continue
            if key is not None:
                seen[key] = line
            if dry_run:
                report.add_outcome(line, self.preview(data), self.label(data))
                continue
            outcome = self._save_row(line, data, report)
            if outcome is not None:
                report.add_outcome(line, outcome, self.label(data))
        return report

    def _save_row(self, line, data, report):
        self._rollback_callbacks = []
        try:
            with transaction.atomic():
                return self.save(data)
        except Exception as error:  # noqa: BLE001 - one broken row must not stop the others
            logger.exception("Import: line %s could not be saved", line)
            for callback in self._rollback_callbacks:
                try:
                    callback()
                except Exception:  # noqa: BLE001
                    logger.exception("Import: cleanup after line %s failed", line)
            report.add_errors(
                line, [f"enregistrement impossible, rien n'a été écrit ({describe_exception(error)})"]
            )
            return None
        finally:
            self._rollback_callbacks = []

    def summary(self, report):
        return self.summary_template.format(
            created=report.created, updated=report.updated + report.unchanged, errors=report.error_count
        )


class PagesByTitleMixin:
    """Rows turned into published children of one parent page, matched to the existing
    children by title (trimmed, case-insensitive): the same title updates the same page.

    Set ``page_model`` (the imported pages), ``parent_model`` (their parent's type, whose
    first page is the import's destination) and ``slug_fallback`` (the slug of a title
    without letters); implement ``apply(page, data, *args)``, which copies a row onto a page
    (``fill_new_page`` calls it for a new page: override that to add more)."""

    page_model = None
    parent_model = None
    slug_fallback = "page"

    def __init__(self, parent_page):
        super().__init__()
        self.parent_page = parent_page
        self._existing = None

    @classmethod
    def find_parent(cls):
        """The page the rows are imported under, or None if the site has none yet."""
        return cls.parent_model.objects.first()

    def existing(self):
        """{title key: [page ids]} of the pages already under ``parent_page``."""
        if self._existing is None:
            self._existing = {}
            for pk, title in (
                self.page_model.objects.child_of(self.parent_page).order_by("pk").values_list("pk", "title")
            ):
                self._existing.setdefault(title_key(title), []).append(pk)
        return self._existing

    def remember(self, data, page_id):
        """The page just created for ``data``: later rows of the same title update it."""
        self.existing().setdefault(title_key(data.title), []).append(page_id)

    def find_page(self, data):
        ids = self.existing().get(title_key(data.title))
        return self.page_model.objects.get(pk=ids[0]) if ids else None

    def apply(self, page, data, *args):
        raise NotImplementedError

    def fill_new_page(self, page, data, *args):
        self.apply(page, data, *args)

    def create_page(self, data, *args):
        """A new page for ``data`` under ``parent_page``, published."""
        # Fetched again for every row: after a rolled-back row, an in-memory parent would
        # keep a stale child count and treebeard would compute a wrong tree path.
        parent = self.parent_model.objects.get(pk=self.parent_page.pk)
        page = self.page_model(slug=self.unique_slug(parent, data.title))
        self.fill_new_page(page, data, *args)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def unique_slug(self, parent, title):
        base = slugify(title)[:80].strip("-") or self.slug_fallback
        slug, number = base, 1
        siblings = parent.get_children()
        while siblings.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug
