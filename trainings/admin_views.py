"""Back office of registrations, built on wagtail-modeladmin (see ``wagtail_hooks.py``).

Here: the permission, URL and button helpers, the list filters, and the views modeladmin
does not provide: the actions on one registration (accept, refuse, present, absent,
cancel), which go through the rules of ``trainings.registration``, and the printable
attendance sheet of a session.

Permissions are the model's own: ``view_registration`` to see the lists, the details and
the attendance sheets, ``change_registration`` for the actions, ``export_registration``
for the CSV/XLSX exports, ``delete_registration`` (superusers only) to delete a record
that is no longer active."""

import datetime
from collections import OrderedDict

from wagtail_modeladmin.helpers import AdminURLHelper, ButtonHelper, ModelAdminURLFinder, PermissionHelper
from wagtail_modeladmin.views import DeleteView, HistoryView, IndexView, InspectView, InstanceSpecificView

from django.contrib.admin import DateFieldListFilter, SimpleListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.params import parse_int
from operations.spreadsheets import export_refused

from .models import EventPage, Registration, Session
from .registration import RegistrationError, cancel, decide, mark_attendance

Status = Registration.Status
Attendance = Registration.Attendance

ANONYMISED = "Personne anonymisée"
REGISTRATIONS_INDEX = "inscriptions_modeladmin_index"


# --- Small shared helpers -----------------------------------------------------------------


def person_name(registration):
    user = registration.user
    if user is None:
        return ANONYMISED
    return user.get_full_name() or user.email


def local(value):
    """An aware datetime as a naive local one (what a spreadsheet cell should hold)."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None)


def long_datetime(value):
    return date_format(timezone.localtime(value), "j F Y à H\\hi") if value else "—"


def short_datetime(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def session_label(session):
    when = timezone.localtime(session.starts_at).strftime("%d/%m/%Y %H:%M")
    return f"{when} — {session.label}" if session.label else when


def safe_next_url(request, fallback):
    """The ``next`` parameter when it points back into this site, else ``fallback``."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def registrations_of_session_url(session):
    query = {EventFilter.parameter_name: session.page_id, SessionFilter.parameter_name: session.pk}
    return f"{reverse(REGISTRATIONS_INDEX)}?{urlencode(query)}"


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


# --- The actions on one registration ------------------------------------------------------


class RegistrationAction:
    """One button of the back office. ``perform`` returns the success message or raises
    ``RegistrationError`` with the French message to show."""

    slug = ""
    label = ""
    title = ""
    question = ""
    consequence = ""
    destructive = False
    log_label = ""
    log_message = ""

    @property
    def log_action(self):
        return f"trainings.registration.{self.slug}"

    def unavailable_reason(self, registration):
        """Why this action does not apply to ``registration`` now, or ``None``."""
        raise NotImplementedError

    def is_available(self, registration):
        return self.unavailable_reason(registration) is None

    def perform(self, registration, user):
        raise NotImplementedError


def informed(registration):
    return " Un e-mail l'en informe." if registration.user_id else ""


class Decide(RegistrationAction):
    def unavailable_reason(self, registration):
        if registration.status not in (Status.PENDING, Status.WAITING):
            return "Seule une demande en attente peut être acceptée ou refusée."
        return None


class Accept(Decide):
    slug = "accepter"
    label = "Accepter"
    title = "Accepter la demande d'inscription"
    question = "Accepter la demande d'inscription de {person} ?"
    consequence = (
        "L'inscription est confirmée s'il reste des places, sinon la personne reste sur la liste "
        "d'attente. Elle est prévenue par e-mail."
    )
    log_label = "Inscription : acceptation"
    log_message = "Demande acceptée"

    def perform(self, registration, user):
        registration = decide(registration.pk, accept=True)
        name = person_name(registration)
        if registration.status == Status.CONFIRMED:
            return f"La demande de {name} est acceptée : inscription confirmée.{informed(registration)}"
        return f"La session est complète : {name} reste sur la liste d'attente.{informed(registration)}"


class Refuse(Decide):
    slug = "refuser"
    label = "Refuser"
    title = "Refuser la demande d'inscription"
    question = "Refuser la demande d'inscription de {person} ?"
    consequence = "La personne est prévenue par e-mail que sa demande n'a pas été retenue."
    destructive = True
    log_label = "Inscription : refus"
    log_message = "Demande refusée"

    def perform(self, registration, user):
        registration = decide(registration.pk, accept=False)
        return f"La demande de {person_name(registration)} est refusée.{informed(registration)}"


class MarkAttendance(RegistrationAction):
    value = ""
    done = ""

    def unavailable_reason(self, registration):
        if registration.status != Status.CONFIRMED:
            return "Seule une inscription confirmée peut être marquée présente ou absente."
        if registration.session.starts_at > timezone.now():
            return "La présence se renseigne une fois la session commencée."
        return None

    def is_available(self, registration):
        return super().is_available(registration) and registration.attendance != self.value

    def perform(self, registration, user):
        reason = self.unavailable_reason(registration)
        if reason is None and not mark_attendance([registration.pk], self.value):
            reason = "Seule une inscription confirmée peut être marquée présente ou absente."
        if reason:
            raise RegistrationError(reason)
        return f"{person_name(registration)} : {self.done}."


class Present(MarkAttendance):
    slug = "present"
    label = "Présent·e"
    title = "Marquer la personne présente"
    value = Attendance.PRESENT
    done = "présence enregistrée"
    question = "Marquer {person} présent·e à la session ?"
    log_label = "Inscription : présence"
    log_message = "Marquée présente"


class Absent(MarkAttendance):
    slug = "absent"
    label = "Absent·e"
    title = "Marquer la personne absente"
    value = Attendance.ABSENT
    done = "absence enregistrée"
    question = "Marquer {person} absent·e à la session ?"
    log_label = "Inscription : absence"
    log_message = "Marquée absente"


class Cancel(RegistrationAction):
    slug = "annuler"
    label = "Annuler l'inscription"
    title = "Annuler l'inscription"
    question = "Annuler l'inscription de {person} ?"
    consequence = (
        "La personne est prévenue par e-mail. Si sa place était confirmée, la première personne "
        "de la liste d'attente est inscrite automatiquement."
    )
    destructive = True
    log_label = "Inscription : annulation"
    log_message = "Inscription annulée par l'ODPE"

    def unavailable_reason(self, registration):
        if not registration.is_active:
            return "Cette inscription est déjà annulée ou n'a pas été retenue."
        return None

    def perform(self, registration, user):
        waiting = list(
            Registration.objects.filter(
                session_id=registration.session_id, status=Status.WAITING
            ).values_list("pk", flat=True)
        )
        registration = cancel(registration.pk, user, by_staff=True)
        message = f"L'inscription de {person_name(registration)} est annulée.{informed(registration)}"
        promoted = Registration.objects.filter(pk__in=waiting, status=Status.CONFIRMED).select_related("user")
        names = ", ".join(person_name(other) for other in promoted)
        if names:
            message += f" Place libérée : {names} passe de la liste d'attente à une inscription confirmée."
        return message


ACTIONS = OrderedDict((action.slug, action) for action in (Accept(), Refuse(), Present(), Absent(), Cancel()))


# --- Helpers for modeladmin ---------------------------------------------------------------
# Only what wagtail-modeladmin does not do itself: digits-only object URLs, the attendance
# sheet's address, permissions that follow view_registration rather than "any permission on
# the model", the action buttons, and French labels where modeladmin's would be wrong.


class NumericPkURLHelper(AdminURLHelper):
    """Object URLs accept digits only: a tampered id is a 404, never a database error."""

    def _get_object_specific_action_url_pattern(self, action):
        return rf"^{self.base_url_path}/{action}/(?P<instance_pk>[0-9]{{1,18}})/$"


class SessionURLHelper(NumericPkURLHelper):
    """The attendance sheet lives at ``inscriptions/session/<id>/emargement/``."""

    def get_action_url_pattern(self, action):
        if action == "emargement":
            return r"^inscriptions/session/(?P<instance_pk>[0-9]{1,18})/emargement/$"
        return super().get_action_url_pattern(action)


class BackOfficePermissionHelper(PermissionHelper):
    """Whoever may see the registrations (``view_registration``) sees the lists, and the
    details where there are some (modeladmin's ``user_can_list`` and ``user_can_inspect_obj``
    ask this method). Nothing is created or edited here: people register from the site,
    statuses change through the actions (which apply the rules), sessions with their page."""

    def user_has_any_permissions(self, user):
        return user.has_perm("trainings.view_registration")

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class RegistrationPermissionHelper(BackOfficePermissionHelper):
    def user_can_delete_obj(self, user, obj):
        # Deleting an active registration would free a place without promoting anyone:
        # cancel it first.
        return (
            user.has_perm("trainings.delete_registration")
            and self.user_can_list(user)
            and (obj is None or not obj.is_active)
        )

    def user_can_export(self, user):
        return self.user_can_list(user) and user.has_perm("trainings.export_registration")

    def user_can_manage(self, user):
        return self.user_can_list(user) and user.has_perm("trainings.change_registration")


class SessionPermissionHelper(BackOfficePermissionHelper):
    """Sessions are only listed here: no permission of their own to grant to groups."""

    def get_all_model_permissions(self):
        return super().get_all_model_permissions().none()


class RegistrationURLFinder(ModelAdminURLFinder):
    """Where Wagtail links to a registration (history reports…): its details page."""

    def get_edit_url(self, instance):
        if self.user is None or self.permission_helper.user_can_list(self.user):
            return self.url_helper.get_action_url("inspect", quote(instance.pk))
        return None


class LinkButtonHelper(ButtonHelper):
    def link_button(self, url, label, title, classnames_add=None):
        classnames = ["button-secondary", *(classnames_add or [])]
        return {"url": url, "label": label, "classname": self.finalise_classname(classnames), "title": title}


class RegistrationButtonHelper(LinkButtonHelper):
    """Details, the actions that apply now, delete (an inactive record), history; each link
    brings the user back to the list as they left it (``next``)."""

    action_classnames = {"accepter": [], "refuser": ["no"], "annuler": ["no"]}

    @cached_property
    def next_url(self):
        if isinstance(self.view, IndexView):
            return self.request.get_full_path()
        return safe_next_url(self.request, self.url_helper.index_url)

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label="Détails", title="Voir le détail de l'inscription")
        if isinstance(self.view, IndexView):
            button["url"] = with_next(button["url"], self.next_url)
        return button

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button["title"] = "Supprimer cette inscription"  # modeladmin's: "Supprimer ce inscription"
        return button

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        exclude = exclude or []
        user = self.request.user
        # modeladmin's buttons (details; never edit), without delete, which comes last.
        buttons = super().get_buttons_for_obj(obj, [*exclude, "delete"], classnames_add, classnames_exclude)
        if self.permission_helper.user_can_manage(user):
            buttons += [
                self.link_button(
                    with_next(self.url_helper.get_action_url(action.slug, quote(obj.pk)), self.next_url),
                    action.label,
                    f"{action.title} : {person_name(obj)}",
                    [*self.action_classnames.get(action.slug, []), *(classnames_add or [])],
                )
                for action in ACTIONS.values()
                if action.slug not in exclude and action.is_available(obj)
            ]
        if "delete" not in exclude and self.permission_helper.user_can_delete_obj(user, obj):
            buttons.append(self.delete_button(obj.pk, classnames_add, classnames_exclude))
        if isinstance(self.view, InspectView):
            buttons.append(
                self.link_button(
                    self.url_helper.get_action_url("history", quote(obj.pk)),
                    "Historique",
                    "Qui a fait quoi sur cette inscription",
                )
            )
        return buttons


class SessionButtonHelper(LinkButtonHelper):
    def sheet_button(self, obj, classnames_add=None):
        url = self.url_helper.get_action_url("emargement", quote(obj.pk))
        return self.link_button(
            url, "Feuille d'émargement", "Feuille d'émargement imprimable", classnames_add
        )

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        registrations = self.link_button(
            registrations_of_session_url(obj),
            "Inscriptions",
            "Les inscriptions à cette session",
            classnames_add,
        )
        return [self.sheet_button(obj, classnames_add), registrations]

    def get_primary_button(self, obj):
        return self.sheet_button(obj)


# --- List filters -------------------------------------------------------------------------


class EventFilter(SimpleListFilter):
    """By training or seminar: the pages that have sessions."""

    title = "formation ou séminaire"
    parameter_name = "formation"
    field = "session__page_id"
    resets = ("session",)  # choosing another training forgets the session chosen before

    def lookups(self, request, model_admin):
        pages = EventPage.objects.filter(Exists(Session.objects.filter(page_id=OuterRef("pk"))))
        return [(str(pk), title) for pk, title in pages.order_by("title", "pk").values_list("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        page_id = parse_int(value, minimum=1)
        if page_id is None:
            return queryset.none()
        return queryset.filter(**{self.field: page_id})

    def has_output(self):
        return bool(self.lookup_choices) or self.value() is not None

    def choices(self, changelist):
        remove = [self.parameter_name, *self.resets]
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=remove),
            "display": "Toutes",
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}, remove=list(self.resets)
                ),
                "display": title,
            }


class SessionEventFilter(EventFilter):
    field = "page_id"
    resets = ()


class SessionFilter(SimpleListFilter):
    """By session, among those of the chosen training (shown once a training is chosen,
    or when arriving from the list of sessions)."""

    title = "session"
    parameter_name = "session"

    def lookups(self, request, model_admin):
        sessions = Session.objects.order_by("starts_at", "pk")
        page_id = parse_int(request.GET.get(EventFilter.parameter_name, ""), minimum=1)
        session_id = parse_int(self.value(), minimum=1)
        if page_id is not None:
            sessions = sessions.filter(page_id=page_id)
        elif session_id is not None:
            sessions = sessions.filter(page__sessions=session_id)
        else:
            return []
        return [(str(session.pk), session_label(session)) for session in sessions]

    def has_output(self):
        return bool(self.lookup_choices) or self.value() is not None

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        session_id = parse_int(value, minimum=1)
        if session_id is None:
            return queryset.none()
        return queryset.filter(session_id=session_id)


class CreatedDateFilter(DateFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "date de la demande"


class SessionPeriodFilter(SimpleListFilter):
    title = "période"
    parameter_name = "periode"

    def lookups(self, request, model_admin):
        return [("a-venir", "À venir"), ("passees", "Passées")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "a-venir":
            return queryset.filter(starts_at__gte=now)
        if self.value() == "passees":
            return queryset.filter(starts_at__lt=now)
        return queryset


# --- Views --------------------------------------------------------------------------------


class TolerantIndexView(IndexView):
    """A tampered filter in the query string shows the whole list with a message, not a 500."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (IncorrectLookupParameters, ValidationError):
            messages.error(request, "Ce filtre n'est pas valide : la liste complète est affichée.")
            return redirect(self.index_url)


class RegistrationIndexView(TolerantIndexView):
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_XLSX: None,  # naive local datetimes, see to_row_dict
            IndexView.FORMAT_CSV: lambda value: value.strftime("%d/%m/%Y %H:%M"),
        },
    }

    def dispatch(self, request, *args, **kwargs):
        wants_export = request.GET.get(self.EXPORT_VAR) in self.FORMATS
        if (
            wants_export
            and request.user.is_authenticated
            and not self.permission_helper.user_can_export(request.user)
        ):
            return export_refused(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def export_headings(self):
        return self.model_admin.export_headings

    def to_row_dict(self, item):
        row = OrderedDict()
        for field in self.list_export:
            value = getattr(self.model_admin, field)(item)
            if isinstance(value, datetime.datetime):
                value = local(value)
            row[field] = "" if value is None else value
        return row


class RegistrationInspectView(InspectView):
    page_title = "Détail de l'inscription"

    @cached_property
    def index_url(self):
        """Back to the list as it was (filters, search, page)."""
        return safe_next_url(self.request, self.url_helper.index_url)

    def get_page_subtitle(self):
        return person_name(self.instance)

    def get_fields_dict(self):
        registration = self.instance
        session = registration.session
        user = registration.user
        fields = [
            ("Personne", person_name(registration)),
            ("Adresse e-mail", user.email if user else "—"),
            ("Fonction", (user.job_title if user else "") or "—"),
            ("Formation ou séminaire", session.page.title),
            ("Session", session.label or "—"),
            ("Début", long_datetime(session.starts_at)),
            ("Fin", long_datetime(session.ends_at)),
            ("Lieu", session.place_label or "—"),
            ("Statut", registration.get_status_display()),
            ("Présence", registration.get_attendance_display()),
            ("Service", registration.get_service_display() or "—"),
            ("Territoire", registration.get_territory_display() or "—"),
            ("Demandée le", long_datetime(registration.created_at)),
            ("Décision le", long_datetime(registration.decided_at)),
            ("Rappel envoyé le", long_datetime(registration.reminder_sent_at)),
            ("Modifiée le", long_datetime(registration.updated_at)),
        ]
        if registration.anonymised_at:
            fields.append(("Anonymisée le", long_datetime(registration.anonymised_at)))
        return [{"label": label, "value": value} for label, value in fields]


class RegistrationHistoryView(HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)


class RegistrationDeleteView(DeleteView):
    def delete_instance(self):
        pk = self.instance.pk
        super().delete_instance()
        # The log entry written just before keeps a title, not the person's name.
        ModelLogEntry.objects.filter(
            content_type__app_label="trainings",
            content_type__model="registration",
            object_id=str(pk),
            action="wagtail.delete",
        ).update(label=f"Inscription n° {pk}")


class RegistrationActionView(InstanceSpecificView):
    """GET: a confirmation page; POST (with CSRF): the action, then back to the list."""

    action = None
    template_name = "trainings/admin/registration_action.html"

    def __init__(self, model_admin, instance_pk, action):
        super().__init__(model_admin, instance_pk)
        self.action = action

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_manage(user)

    @cached_property
    def next_url(self):
        return safe_next_url(self.request, self.url_helper.index_url)

    def get_page_title(self):
        return self.action.title

    def get_meta_title(self):
        return self.action.title

    def get_page_subtitle(self):
        return person_name(self.instance)

    def get(self, request, *args, **kwargs):
        reason = self.action.unavailable_reason(self.instance)
        if reason:
            messages.error(request, reason)
            return redirect(self.next_url)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            message = self.action.perform(self.instance, request.user)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            log(
                instance=self.instance,
                action=self.action.log_action,
                user=request.user,
                title=f"Inscription n° {self.instance.pk}",
            )
            messages.success(request, message)
        return redirect(self.next_url)

    def get_context_data(self, **kwargs):
        person = person_name(self.instance)
        return super().get_context_data(
            registration=self.instance,
            session=self.instance.session,
            action=self.action,
            person=person,
            question=self.action.question.format(person=person),
            next_url=self.next_url,
            **kwargs,
        )


class AttendanceSheetView(InstanceSpecificView):
    """The printable sign-in sheet of a session: its confirmed participants."""

    template_name = "trainings/admin/attendance_sheet.html"
    blank_rows = 3  # for people who come without having registered

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin, instance_pk)
        self.instance = get_object_or_404(
            Session.objects.with_counts().select_related("page"), pk=self.instance.pk
        )

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)

    def get_page_title(self):
        return "Feuille d'émargement"

    def get_meta_title(self):
        return f"Feuille d'émargement — {self.instance.page.title}"

    def get_page_subtitle(self):
        return self.instance.page.title

    def get_context_data(self, **kwargs):
        session = self.instance
        participants = (
            session.registrations.filter(status=Status.CONFIRMED)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        return super().get_context_data(
            session=session,
            participants=participants,
            blank_rows=range(self.blank_rows),
            registrations_url=registrations_of_session_url(session),
            sessions_url=self.url_helper.index_url,
            **kwargs,
        )
