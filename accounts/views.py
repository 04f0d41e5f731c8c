import csv
import io
import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from operations.spreadsheets import safe_row

from .forms import DeleteAccountForm, ProfileForm
from .models import REFERENTS_GROUP, Service, Territory, User
from .personal_data import erase_user, export_user_data

PROFILE_BREADCRUMB = [("Accueil", "/"), ("Mon espace", "/compte/profil/")]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Vos informations ont été enregistrées.")
            return redirect("profile")
        messages.error(request, "Le formulaire contient des erreurs : corrigez les champs signalés.")
    return TemplateResponse(
        request,
        "accounts/profile.html",
        {"form": form, "breadcrumb": [("Accueil", "/"), ("Mon espace", None)]},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def export_data(request, fmt):
    data = export_user_data(request.user)
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, default=str),
            content_type="application/json; charset=utf-8",
        )
    else:
        # One CSV for all sections: section, field, value (a flat, spreadsheet-friendly shape).
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(["rubrique", "ligne", "champ", "valeur"])
        for section, rows in data.items():
            for index, row in enumerate(rows, start=1):
                for key, value in row.items():
                    writer.writerow(safe_row([section, index, key, value]))
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-portail-vif-{stamp}.{fmt}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        erase_user(user)
        messages.success(request, "Votre compte et vos données personnelles ont été supprimés.")
        return redirect("/")
    return TemplateResponse(
        request,
        "accounts/delete_account.html",
        {"form": form, "breadcrumb": [*PROFILE_BREADCRUMB, ("Supprimer mon compte", None)]},
        status=400 if form.errors else 200,
    )


def can_see_directory(user):
    return user.is_authenticated and (user.is_referent or user.is_editorial_staff)


@never_cache
def referent_directory(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_see_directory(request.user):
        return TemplateResponse(
            request,
            "403.html",
            {"restricted_page_title": "Annuaire des référents VIF", "restricted_groups": [REFERENTS_GROUP]},
            status=403,
        )
    territory = request.GET.get("territoire", "")
    service = request.GET.get("service", "")
    referents = User.objects.filter(groups__name=REFERENTS_GROUP, is_active=True, directory_listed=True)
    if territory in Territory.values:
        referents = referents.filter(territory=territory)
    elif territory:
        territory = ""
    if service in Service.values:
        referents = referents.filter(service=service)
    elif service:
        service = ""
    referents = referents.order_by("territory", "last_name", "first_name")
    page_obj = Paginator(referents, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "accounts/referent_directory.html",
        {
            "page_obj": page_obj,
            "territories": Territory.choices,
            "services": Service.choices,
            "selected_territory": territory,
            "selected_service": service,
            "breadcrumb": [
                ("Accueil", "/"),
                ("Boîte à outils des référents", "/boite-a-outils/"),
                ("Annuaire", None),
            ],
        },
    )
