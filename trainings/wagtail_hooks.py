"""Admin: training providers and speakers (snippets, menu "Formations"), and the back office
of registrations (wagtail-modeladmin, menu "Inscriptions"): the list of registrations with
filters, search, details, actions and exports, and the list of sessions with their counts
and printable attendance sheets. The views and helpers live in ``admin_views.py``."""

from functools import partial

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from django.contrib.admin import display
from django.urls import re_path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import (
    ACTIONS,
    AttendanceSheetView,
    CreatedDateFilter,
    EventFilter,
    NumericPkURLHelper,
    RegistrationActionView,
    RegistrationButtonHelper,
    RegistrationDeleteView,
    RegistrationHistoryView,
    RegistrationIndexView,
    RegistrationInspectView,
    RegistrationPermissionHelper,
    RegistrationURLFinder,
    SessionButtonHelper,
    SessionEventFilter,
    SessionFilter,
    SessionPeriodFilter,
    SessionPermissionHelper,
    SessionURLHelper,
    TolerantIndexView,
    person_name,
    short_datetime,
)
from .models import Provider, Registration, Session, Speaker

# --- Snippets -----------------------------------------------------------------------------


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "site"
    menu_label = "Organismes de formation"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = "Intervenants"
    list_display = ["name", "role", "organisation"]


class TrainingSnippetsGroup(SnippetViewSetGroup):
    menu_label = "Formations"
    menu_icon = "calendar"
    menu_order = 310
    items = (ProviderViewSet, SpeakerViewSet)


hooks.register("register_admin_viewset", TrainingSnippetsGroup)


# --- Registrations --------------------------------------------------------------------------


class BackOfficeAdmin(ModelAdmin):
    """modeladmin with only the views named in ``views`` (no create or edit view: those URLs
    stay 404), plus ``extra_views()`` ({action: view}), each at modeladmin's URL for that
    action. Registrations and sessions are records, not content: no reference index rows."""

    views = ("index",)

    def extra_views(self):
        return {}

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        names = {helper.get_action_url_name(action) for action in self.views}
        extra = [
            re_path(helper.get_action_url_pattern(action), view, name=helper.get_action_url_name(action))
            for action, view in self.extra_views().items()
        ]
        return (*(url for url in super().get_admin_urls_for_registration() if url.name in names), *extra)

    def register_indexing(self):
        pass


class RegistrationAdmin(BackOfficeAdmin):
    model = Registration
    base_url_path = "inscriptions"
    menu_label = "Inscriptions"
    menu_icon = "clipboard-list"
    permission_helper_class = RegistrationPermissionHelper
    url_helper_class = NumericPkURLHelper
    button_helper_class = RegistrationButtonHelper
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    history_view_class = RegistrationHistoryView
    delete_view_class = RegistrationDeleteView
    index_template_name = "trainings/admin/modeladmin_index.html"
    inspect_template_name = "trainings/admin/registration_inspect.html"
    inspect_view_enabled = True
    views = ("index", "inspect", "history", "delete")
    list_per_page = 50
    ordering = ("-created_at",)

    list_display = (
        "person",
        "email",
        "event_title",
        "session_date",
        "status",
        "attendance",
        "territory",
        "service",
        "created",
    )
    list_display_add_buttons = "person"
    list_filter = (
        EventFilter,
        SessionFilter,
        "status",
        "attendance",
        "territory",
        "service",
        ("created_at", CreatedDateFilter),
    )
    search_fields = ("user__first_name", "user__last_name", "user__email", "session__page__title")

    list_export = (
        "export_last_name",
        "export_first_name",
        "export_email",
        "event_title",
        "export_session_label",
        "export_session_start",
        "export_session_end",
        "export_place",
        "export_status",
        "export_attendance",
        "export_service",
        "export_territory",
        "export_created_at",
        "export_decided_at",
    )
    export_headings = {
        "export_last_name": "Nom",
        "export_first_name": "Prénom",
        "export_email": "Adresse e-mail",
        "event_title": "Formation ou séminaire",
        "export_session_label": "Session",
        "export_session_start": "Début de la session",
        "export_session_end": "Fin de la session",
        "export_place": "Lieu",
        "export_status": "Statut",
        "export_attendance": "Présence",
        "export_service": "Service",
        "export_territory": "Territoire",
        "export_created_at": "Demandée le",
        "export_decided_at": "Décision le",
    }
    export_filename = "inscriptions-vif"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "session__page")

    def get_list_export(self, request):
        return self.list_export if self.permission_helper.user_can_export(request.user) else ()

    # Columns of the list (and of the exports).

    @display(description="Personne", ordering="user__last_name")
    def person(self, registration):
        return person_name(registration)

    @display(description="Adresse e-mail", ordering="user__email")
    def email(self, registration):
        return registration.user.email if registration.user_id else ""

    @display(description="Formation ou séminaire", ordering="session__page__title")
    def event_title(self, registration):
        return registration.session.page.title

    @display(description="Session", ordering="session__starts_at")
    def session_date(self, registration):
        return short_datetime(registration.session.starts_at)

    @display(description="Demandée le", ordering="created_at")
    def created(self, registration):
        return short_datetime(registration.created_at)

    def export_last_name(self, registration):
        return registration.user.last_name if registration.user_id else person_name(registration)

    def export_first_name(self, registration):
        return registration.user.first_name if registration.user_id else ""

    def export_email(self, registration):
        return self.email(registration)

    def export_session_label(self, registration):
        return registration.session.label

    def export_session_start(self, registration):
        return registration.session.starts_at

    def export_session_end(self, registration):
        return registration.session.ends_at

    def export_place(self, registration):
        return registration.session.place_label

    def export_status(self, registration):
        return registration.get_status_display()

    def export_attendance(self, registration):
        return registration.get_attendance_display()

    def export_service(self, registration):
        return registration.get_service_display()

    def export_territory(self, registration):
        return registration.get_territory_display()

    def export_created_at(self, registration):
        return registration.created_at

    def export_decided_at(self, registration):
        return registration.decided_at

    # Views and URLs: no create or edit view (people register from the site, statuses
    # change through the actions); one URL per action.

    def action_view(self, request, instance_pk, action):
        view = RegistrationActionView.as_view(model_admin=self, instance_pk=instance_pk, action=action)
        return view(request)

    def extra_views(self):
        return {slug: partial(self.action_view, action=action) for slug, action in ACTIONS.items()}

    def register_admin_url_finders(self):
        finder = type(
            "_RegistrationURLFinder",
            (RegistrationURLFinder,),
            {"permission_helper": self.permission_helper, "url_helper": self.url_helper},
        )
        register_admin_url_finder(self.model, finder)


class SessionAdmin(BackOfficeAdmin):
    model = Session
    base_url_path = "inscriptions/sessions"
    menu_label = "Sessions"
    menu_icon = "calendar"
    permission_helper_class = SessionPermissionHelper
    url_helper_class = SessionURLHelper
    button_helper_class = SessionButtonHelper
    index_view_class = TolerantIndexView
    index_template_name = "trainings/admin/modeladmin_index.html"
    history_view_enabled = False
    list_per_page = 50
    ordering = ("-starts_at",)

    list_display = (
        "event_title",
        "label",
        "start",
        "place",
        "capacity_display",
        "confirmed",
        "waiting",
        "pending",
        "attended",
    )
    list_display_add_buttons = "event_title"
    list_filter = (SessionPeriodFilter, SessionEventFilter, "registration_mode")
    search_fields = ("page__title", "label", "place")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page").with_counts()

    @display(description="Formation ou séminaire", ordering="page__title")
    def event_title(self, session):
        return session.page.title

    @display(description="Début", ordering="starts_at")
    def start(self, session):
        return short_datetime(session.starts_at)

    @display(description="Lieu")
    def place(self, session):
        return session.place_label

    @display(description="Places", ordering="capacity")
    def capacity_display(self, session):
        return "Sans limite" if session.capacity is None else session.capacity

    @display(description="Inscrits", ordering="confirmed_count")
    def confirmed(self, session):
        return session.confirmed_count

    @display(description="Liste d'attente", ordering="waiting_count")
    def waiting(self, session):
        return session.waiting_count

    @display(description="À valider", ordering="pending_count")
    def pending(self, session):
        return (
            format_html('<strong class="w-text-critical-200">{}</strong>', session.pending_count)
            if session.pending_count
            else 0
        )

    @display(description="Présents", ordering="attended_count")
    def attended(self, session):
        return session.attended_count

    def extra_views(self):
        return {"emargement": self.attendance_sheet_view}

    def attendance_sheet_view(self, request, instance_pk):
        return AttendanceSheetView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def register_admin_url_finders(self):
        pass  # sessions are edited with their page


class RegistrationsGroup(ModelAdminGroup):
    menu_label = "Inscriptions"
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (RegistrationAdmin, SessionAdmin)


modeladmin_register(RegistrationsGroup)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action in ACTIONS.values():
        actions.register_action(action.log_action, action.log_label, action.log_message)
