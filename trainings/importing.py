"""Bulk import of the training catalogue (``manage.py import_trainings``).

``TrainingImporter`` turns each row into a published ``TrainingPage`` under the catalogue,
and, when the row gives dates, into one of its sessions. Same title = same training, so a
second run updates instead of duplicating; a training's sessions are matched by their start
date and time, so re-importing a file does not duplicate them either. A training with
several sessions takes one row per session, repeating the training's columns. This module
holds the columns and how a row becomes a training and a session; reading the file, matching
by title and creating pages are ``importing.rows``' (shared with ``import_resources``)."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from accounts.models import Territory
from home.models import Audience, Theme
from home.params import parse_int
from importing.rows import (
    Column,
    Outcome,
    PagesByTitleMixin,
    RowImporter,
    clean_length,
    clean_required_text,
    clean_url,
    match_terms,
    normalize_label,
    title_key,
)
from importing.text import fold

from .models import Provider, Session, TrainingCatalogPage, TrainingPage

FORMATS = {
    "presentiel": TrainingPage.Format.IN_PERSON,
    "en presentiel": TrainingPage.Format.IN_PERSON,
    "distanciel": TrainingPage.Format.ONLINE,
    "a distance": TrainingPage.Format.ONLINE,
    "en ligne": TrainingPage.Format.ONLINE,
    "hybride": TrainingPage.Format.HYBRID,
}
MODES = {
    "ouverte": Session.Mode.OPEN,
    "libre": Session.Mode.OPEN,
    "validation": Session.Mode.VALIDATION,
    "sur validation": Session.Mode.VALIDATION,
    "externe": Session.Mode.EXTERNAL,
    "aupres de l'organisme": Session.Mode.EXTERNAL,
}
YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
NO = {"non", "n", "no", "faux", "false", "0"}
ONLINE_PLACES = {"en ligne", "distanciel", "a distance", "visio", "visioconference", "classe virtuelle"}
DATETIME_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
DECIMAL_PATTERN = re.compile(r"^\d+(?:[.,]\d+)?$")

# The training's own columns, with the French names the messages use.
TRAINING_FIELDS = {
    "title": "titre",
    "provider": "organisme",
    "summary": "résumé",
    "themes": "thèmes",
    "audiences": "publics",
    "format": "format",
    "duration_hours": "durée",
    "cost": "coût",
    "funded": "prise en charge",
}


@dataclass
class SessionData:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    online: bool
    place: str
    territory: str
    capacity: int | None
    registration_mode: str
    external_registration_url: str

    def values(self):
        return (
            self.ends_at,
            self.online,
            self.place,
            self.territory,
            self.capacity,
            self.registration_mode,
            self.external_registration_url,
        )

    @staticmethod
    def values_of(session):
        return (
            session.ends_at,
            session.online,
            session.place,
            session.territory,
            session.capacity,
            session.registration_mode,
            session.external_registration_url,
        )


@dataclass
class TrainingData:
    title: str
    provider: Provider | None
    summary: str
    themes: list
    audiences: list
    format: str
    duration_hours: Decimal | None
    cost: str
    funded: bool
    session: SessionData | None

    def training_values(self):
        """What must be identical on every row of one training, by column."""
        return {
            "title": self.title,
            "provider": self.provider.pk if self.provider else None,
            "summary": self.summary,
            "themes": [term.pk for term in self.themes],
            "audiences": [term.pk for term in self.audiences],
            "format": self.format,
            "duration_hours": self.duration_hours,
            "cost": self.cost,
            "funded": self.funded,
        }


def local_text(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


class TrainingImporter(PagesByTitleMixin, RowImporter):
    """Rows → published ``TrainingPage`` children of the catalogue, and their sessions.

    The training's columns replace its fields, themes and audiences (an empty cell clears
    them; format defaults to présentiel, funded to non); objectives, programme and the other
    fields edited in the admin are left alone. A row with ``session_start`` and
    ``session_end`` adds the session starting then, or updates it (end, place, territory,
    places, registration mode and link); sessions missing from the file are left alone. A
    training that the file leaves identical gets no new revision."""

    columns = (
        Column("title", required=True, aliases=("titre", "intitulé", "formation")),
        Column("provider", required=True, aliases=("organisme", "organisme de formation")),
        Column("summary", aliases=("résumé", "chapô", "chapeau", "intro")),
        Column("themes", aliases=("theme", "thèmes", "thématiques")),
        Column("audiences", aliases=("audience", "publics", "public")),
        Column("format", aliases=("modalité",)),
        Column("duration_hours", aliases=("durée", "durée (heures)", "heures", "duration")),
        Column("cost", aliases=("coût", "tarif")),
        Column("funded", aliases=("funded_by_department", "prise en charge", "financée")),
        Column("session_start", aliases=("début", "début de session", "start")),
        Column("session_end", aliases=("fin", "fin de session", "end")),
        Column("place", aliases=("lieu",)),
        Column("territory", aliases=("territoire",)),
        Column("capacity", aliases=("places", "capacité")),
        Column("registration", aliases=("inscription", "mode d'inscription", "registration_mode")),
        Column("registration_url", aliases=("lien d'inscription", "external_registration_url")),
    )

    page_model = TrainingPage
    parent_model = TrainingCatalogPage
    slug_fallback = "formation"

    def __init__(self, catalog):
        super().__init__(catalog)
        self._providers = None
        self._first_rows = {}  # title key → (line, training values) of the file's first row
        self._row_result = None
        self._created_ids = {}
        # Per training (title key): the strongest outcome of its rows.
        self.trainings = {}
        self.sessions_created = 0
        self.sessions_updated = 0

    # -- cleaning ----------------------------------------------------------------------
    def clean(self, row, errors):
        title = clean_required_text(row, "title", errors, "titre manquant", 255, "titre")
        data = TrainingData(
            title=" ".join(title.split()),
            provider=self.clean_provider(row.text("provider"), errors),
            summary=clean_length(row.text("summary"), errors, 600, "résumé"),
            themes=match_terms(Theme, row.get("themes"), errors, "thème inconnu"),
            audiences=match_terms(Audience, row.get("audiences"), errors, "public inconnu"),
            format=self.clean_format(row.text("format"), errors),
            duration_hours=self.clean_hours(row.text("duration_hours"), errors),
            cost=clean_length(row.text("cost"), errors, 150, "coût"),
            funded=self.clean_funded(row.text("funded"), errors),
            session=None,
        )
        data.session = self.clean_session(row, data, errors)
        if title and not errors:
            key = title_key(data.title)
            matches = self.existing().get(key, [])
            if len(matches) > 1:
                errors.add(
                    f"plusieurs formations du catalogue portent déjà le titre « {data.title} » "
                    f"(pages {', '.join(str(pk) for pk in matches)}) : renommez-les avant d'importer"
                )
            elif key in self._first_rows:
                line, values = self._first_rows[key]
                different = [
                    TRAINING_FIELDS[name]
                    for name, value in data.training_values().items()
                    if values[name] != value
                ]
                if different:
                    errors.add(
                        f"« {data.title} » figure déjà ligne {line} avec d'autres informations "
                        f"({', '.join(different)}) : une formation sur plusieurs lignes (une par "
                        "session) doit les répéter à l'identique"
                    )
            else:
                self._first_rows[key] = (row.line, data.training_values())
        return data

    def clean_provider(self, value, errors):
        if not value:
            errors.add("organisme manquant")
            return None
        if self._providers is None:
            self._providers = list(Provider.objects.all())
        wanted = {fold(value), fold(normalize_label(value))}
        for provider in self._providers:
            if wanted & self.provider_keys(provider.name):
                return provider
        known = ", ".join(provider.name for provider in self._providers)
        errors.add(f"organisme inconnu « {value} » (organismes enregistrés : {known})")
        return None

    @staticmethod
    def provider_keys(name):
        """Full names and their obvious short forms: "Planning familial 59 (PF59)" answers to
        "Planning familial 59" and "PF59" too, "Département du Nord — ODPE" to "ODPE"."""
        keys = {fold(name)}
        match = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", name)
        if match:
            keys |= {fold(match.group(1)), fold(match.group(2))}
        for key in list(keys):
            if " - " in key:
                keys.add(key.rsplit(" - ", 1)[1])
        return keys

    @staticmethod
    def clean_format(value, errors):
        if not value:
            return TrainingPage.Format.IN_PERSON
        found = FORMATS.get(fold(value))
        if found is None:
            errors.add(f"format inconnu « {value} » (attendu : présentiel, distanciel ou hybride)")
            return TrainingPage.Format.IN_PERSON
        return found

    @staticmethod
    def clean_hours(value, errors):
        if not value:
            return None
        text = value.replace(" ", "").removesuffix("h")
        if DECIMAL_PATTERN.match(text):
            hours = Decimal(text.replace(",", "."))
            if 0 < hours < 10000:
                return hours.quantize(Decimal("0.1"))
        errors.add(f"durée invalide « {value} » (nombre d'heures attendu, par exemple 14 ou 3,5)")
        return None

    @staticmethod
    def clean_funded(value, errors):
        key = fold(value)
        if not key or key in NO:
            return False
        if key in YES:
            return True
        errors.add(f"prise en charge invalide « {value} » (attendu : oui ou non)")
        return False

    def clean_session(self, row, data, errors):
        start_text, end_text = row.text("session_start"), row.text("session_end")
        starts_at = self.clean_datetime(row.get("session_start"), errors, "début de session")
        ends_at = self.clean_datetime(row.get("session_end"), errors, "fin de session")
        session_columns = [
            name
            for name in ("place", "territory", "capacity", "registration", "registration_url")
            if row.text(name)
        ]
        if not start_text and not end_text:
            if session_columns:
                errors.add(
                    f"informations de session sans dates ({', '.join(session_columns)}) : "
                    "indiquez session_start et session_end"
                )
            return None
        if not start_text:
            errors.add("début de session manquant (session_start), obligatoire avec session_end")
        if not end_text:
            errors.add("fin de session manquante (session_end), obligatoire avec session_start")
        if starts_at and ends_at and ends_at < starts_at:
            errors.add(
                f"la fin de session ({local_text(ends_at)}) précède son début ({local_text(starts_at)})"
            )

        place = clean_length(row.text("place"), errors, 200, "lieu")
        online = data.format == TrainingPage.Format.ONLINE or fold(place) in ONLINE_PLACES
        if fold(place) in ONLINE_PLACES:
            place = ""
        territory = self.clean_territory(row.text("territory"), errors)
        capacity = self.clean_capacity(row.text("capacity"), errors)
        mode = Session.Mode.OPEN
        mode_text = row.text("registration")
        if mode_text:
            mode = MODES.get(fold(mode_text))
            if mode is None:
                errors.add(
                    f"mode d'inscription inconnu « {mode_text} » (attendu : ouverte, validation ou externe)"
                )
                mode = Session.Mode.OPEN
        url = clean_url(row.text("registration_url"), errors, label="lien d'inscription invalide")
        if mode == Session.Mode.EXTERNAL and not row.text("registration_url"):
            errors.add(
                "lien d'inscription manquant (registration_url), obligatoire quand l'inscription est externe"
            )
        elif mode != Session.Mode.EXTERNAL and row.text("registration_url"):
            errors.add(
                "lien d'inscription (registration_url) donné pour une inscription qui n'est pas externe : "
                "indiquez « externe » dans la colonne registration ou videz le lien"
            )
        if not (starts_at and ends_at):
            return None
        return SessionData(
            starts_at=starts_at,
            ends_at=ends_at,
            online=online,
            place=place,
            territory=territory,
            capacity=capacity,
            registration_mode=mode,
            external_registration_url=url if mode == Session.Mode.EXTERNAL else "",
        )

    @staticmethod
    def clean_datetime(value, errors, label):
        """An aware datetime from ``AAAA-MM-JJ HH:MM`` text or a date-and-time cell, or None."""
        if isinstance(value, datetime.datetime):
            return timezone.make_aware(value.replace(second=0, microsecond=0))
        if not value:
            return None
        text = value.isoformat() if isinstance(value, datetime.date) else value
        match = DATETIME_PATTERN.match(text)
        if match:
            day, hour, minute, _ = match.groups()
            try:
                moment = datetime.datetime.combine(
                    datetime.date.fromisoformat(day), datetime.time(int(hour), int(minute))
                )
            except ValueError:
                pass
            else:
                return timezone.make_aware(moment)
        errors.add(f"{label} invalide « {text} » (attendu AAAA-MM-JJ HH:MM)")
        return None

    @staticmethod
    def clean_territory(value, errors):
        if not value:
            return ""
        key = fold(normalize_label(value))
        for territory in Territory:
            if key in (fold(territory.label), fold(territory.value)):
                return territory.value
        known = ", ".join(str(territory.label) for territory in Territory)
        errors.add(f"territoire inconnu « {value} » (territoires : {known})")
        return ""

    @staticmethod
    def clean_capacity(value, errors):
        if not value:
            return None
        capacity = parse_int(value, minimum=1)
        if capacity is not None:
            return capacity
        errors.add(f"nombre de places invalide « {value} » (nombre entier, au moins 1 ; vide : sans limite)")
        return None

    def key(self, data):
        return (title_key(data.title), data.session.starts_at if data.session else None)

    def label(self, data):
        if data.session is None:
            return data.title
        return f"{data.title} — session du {local_text(data.session.starts_at)}"

    # -- saving ------------------------------------------------------------------------
    @staticmethod
    def find_session(page, data):
        return page.sessions.filter(starts_at=data.session.starts_at).order_by("pk").first()

    def preview(self, data):
        page = self.find_page(data)
        if page is None:
            # A second row of a training the file creates adds a session to it.
            seen = title_key(data.title) in self.trainings
            training = Outcome.UPDATED if seen else Outcome.CREATED
            session = Outcome.CREATED if data.session else None
        else:
            session = None
            if data.session:
                existing = self.find_session(page, data)
                if existing is None:
                    session = Outcome.CREATED
                elif SessionData.values_of(existing) != data.session.values():
                    session = Outcome.UPDATED
                else:
                    session = Outcome.UNCHANGED
            changed = self.has_changes(page, data) or session in (Outcome.CREATED, Outcome.UPDATED)
            training = Outcome.UPDATED if changed else Outcome.UNCHANGED
        self.record(data, training, session)
        return training

    def save(self, data):
        page = self.find_page(data)
        if page is None:
            page = self.create_page(data)
            self._row_result = (data, Outcome.CREATED, Outcome.CREATED if data.session else None, page.pk)
            return Outcome.CREATED
        session_outcome = self.save_session(page, data) if data.session else None
        changed = session_outcome in (Outcome.CREATED, Outcome.UPDATED)
        if changed or self.has_changes(page, data):
            # Reloaded so that the revision holds every session, the new one included.
            page = TrainingPage.objects.get(pk=page.pk)
            self.apply(page, data)
            page.save_revision().publish()
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.UNCHANGED
        self._row_result = (data, outcome, session_outcome, None)
        return outcome

    def _save_row(self, line, data, report):
        """Count the row's training and session once its transaction has committed."""
        self._row_result = None
        outcome = super()._save_row(line, data, report)
        if outcome is not None and self._row_result is not None:
            data, training, session, created_id = self._row_result
            if created_id is not None:
                self.remember(data, created_id)
            self.record(data, training, session)
        return outcome

    def record(self, data, training, session):
        key = title_key(data.title)
        order = [Outcome.UNCHANGED, Outcome.UPDATED, Outcome.CREATED]
        previous = self.trainings.get(key, Outcome.UNCHANGED)
        self.trainings[key] = max(previous, training, key=order.index)
        if session is Outcome.CREATED:
            self.sessions_created += 1
        elif session is not None:
            self.sessions_updated += 1

    def fill_new_page(self, page, data):
        self.apply(page, data)
        if data.session:
            # Saved with the page, so that its first revision already holds the session.
            page.sessions = [self.new_session(data.session)]

    @staticmethod
    def new_session(session_data, sort_order=0):
        session = Session(sort_order=sort_order, starts_at=session_data.starts_at)
        TrainingImporter.apply_session(session, session_data)
        return session

    @staticmethod
    def apply_session(session, session_data):
        session.ends_at = session_data.ends_at
        session.online = session_data.online
        session.place = session_data.place
        session.territory = session_data.territory
        session.capacity = session_data.capacity
        session.registration_mode = session_data.registration_mode
        session.external_registration_url = session_data.external_registration_url

    def save_session(self, page, data):
        session = self.find_session(page, data)
        if session is None:
            last = page.sessions.order_by("-sort_order").values_list("sort_order", flat=True).first()
            session = self.new_session(data.session, sort_order=0 if last is None else last + 1)
            session.page = page
            session.save()
            return Outcome.CREATED
        if SessionData.values_of(session) == data.session.values():
            return Outcome.UNCHANGED
        self.apply_session(session, data.session)
        session.save()
        return Outcome.UPDATED

    @staticmethod
    def apply(page, data):
        page.title = data.title
        page.provider = data.provider
        page.intro = data.summary
        page.format = data.format
        page.duration_hours = data.duration_hours
        page.cost = data.cost
        page.funded_by_department = data.funded
        page.themes.set(data.themes)
        page.audiences.set(data.audiences)

    @staticmethod
    def has_changes(page, data):
        current = (
            page.title,
            page.provider_id,
            page.intro,
            page.format,
            page.duration_hours,
            page.cost,
            page.funded_by_department,
            set(page.themes.values_list("pk", flat=True)),
            set(page.audiences.values_list("pk", flat=True)),
        )
        wanted = (
            data.title,
            data.provider.pk,
            data.summary,
            data.format,
            data.duration_hours,
            data.cost,
            data.funded,
            {term.pk for term in data.themes},
            {term.pk for term in data.audiences},
        )
        return current != wanted or not page.live or page.has_unpublished_changes

    # -- report ------------------------------------------------------------------------
    def summary(self, report):
        created = sum(1 for outcome in self.trainings.values() if outcome is Outcome.CREATED)
        return (
            f"{created} formation(s) créée(s), {len(self.trainings) - created} mise(s) à jour ; "
            f"{self.sessions_created} session(s) créée(s), {self.sessions_updated} mise(s) à jour ; "
            f"{report.error_count} ligne(s) en erreur."
        )
