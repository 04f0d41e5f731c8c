"""Admin: the referents' network. ODPE editors grant and revoke the referent status,
filter accounts by service and territory, and export the list (CSV/XLSX)."""

import django_filters

from django import forms
from django.db.models import Exists, OuterRef

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from operations.spreadsheets import export_refused

from .models import REFERENTS_GROUP, NetworkMember, User


class ReferentManagementPolicy(ModelPermissionPolicy):
    """Viewing and changing the referent status need ``accounts.manage_referents``; exporting
    the list needs ``accounts.export_referents``.
    Accounts are never created or deleted here: people sign up themselves and delete
    their own account from "Mon espace" (superusers keep Wagtail's user admin)."""

    def user_has_permission(self, user, action):
        if action == "export":
            # Personal data of the whole network: a permission of its own (moderators by
            # default, README, « Rôles et circuit de validation »), not the editors' "manage_referents".
            return user.is_active and user.has_perm("accounts.export_referents")
        if action not in {"view", "change"}:
            return False
        return user.is_active and user.has_perm("accounts.manage_referents")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return NetworkMember.objects.all()
        return NetworkMember.objects.none()


class ReferentFilterSet(WagtailFilterSet):
    is_referent_flag = django_filters.BooleanFilter(label="Référent·e VIF")

    class Meta:
        model = NetworkMember
        fields = ["service", "territory"]


class ReferentStatusForm(WagtailAdminModelForm):
    is_referent = forms.BooleanField(
        label="Référent·e VIF",
        required=False,
        help_text="Donne accès à la boîte à outils et à l'annuaire des référents.",
    )

    class Meta:
        model = NetworkMember
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_referent"].initial = self.instance.pk and self.instance.is_referent

    def save(self, commit=True):
        user = super().save(commit=commit)
        user.set_referent(self.cleaned_data["is_referent"])
        return user


class NetworkIndexView(IndexView):
    def can_export(self):
        return self.permission_policy.user_has_permission(self.request.user, "export")

    def dispatch(self, request, *args, **kwargs):
        wants_export = request.GET.get("export") in self.FORMATS
        if wants_export and request.user.is_authenticated and not self.can_export():
            return export_refused(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export()

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                is_referent_flag=Exists(
                    User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=REFERENTS_GROUP)
                )
            )
        )


class ReferentNetworkViewSet(ModelViewSet):
    model = NetworkMember
    icon = "group"
    menu_label = "Réseau des référents"
    menu_order = 250
    add_to_admin_menu = True
    name = "reseau"
    url_prefix = "reseau-referents"
    index_view_class = NetworkIndexView
    filterset_class = ReferentFilterSet
    search_fields = ["first_name", "last_name", "email", "job_title"]
    list_display = [
        "__str__",
        "email",
        "service",
        "territory",
        "job_title",
        BooleanColumn("is_referent_flag", label="Référent·e VIF"),
    ]
    list_export = [
        "last_name",
        "first_name",
        "email",
        "service",
        "territory",
        "job_title",
        "is_referent_flag",
        "date_joined",
    ]
    export_headings = {
        "last_name": "Nom",
        "first_name": "Prénom",
        "email": "Adresse e-mail",
        "service": "Service",
        "territory": "Territoire",
        "job_title": "Fonction",
        "is_referent_flag": "Référent VIF",
        "date_joined": "Inscription",
    }
    export_filename = "reseau-referents-vif"
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList([FieldPanel("is_referent")], base_form_class=ReferentStatusForm)


register_permission_policy(NetworkMember, ReferentManagementPolicy(NetworkMember))


@hooks.register("register_admin_viewset")
def register_referent_network():
    return ReferentNetworkViewSet()
