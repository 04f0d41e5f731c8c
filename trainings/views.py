from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from access.rules import page_is_viewable

from . import registration as service
from .calendar import calendar_response
from .models import Registration, Session
from .schedule import session_dates, session_place, session_when

SUCCESS = {
    "confirmee": "Votre inscription est confirmée. Un e-mail de confirmation vous a été envoyé, avec l'invitation à ajouter à votre agenda.",
    "liste_attente": "La session est complète : vous êtes sur la liste d'attente. Vous serez prévenu·e par e-mail si une place se libère.",
    "en_attente_validation": "Votre demande d'inscription est enregistrée. L'ODPE vous répondra par e-mail.",
}


def visible_session(request, session_id):
    """The session, if its page is published and the visitor may see it; else 404."""
    session = Session.objects.select_related("page").filter(pk=session_id).first()
    if session is None or not session.page.live:
        raise Http404("Session introuvable")
    if not page_is_viewable(session.page, request):
        raise Http404("Session introuvable")
    return session


def refusal(
    request, message, status, back_url="/formations/", title="Inscription impossible", back_label=None
):
    return TemplateResponse(
        request,
        "trainings/registration_refused.html",
        {"message": message, "back_url": back_url, "title": title, "back_label": back_label},
        status=status,
    )


@login_required
@require_POST
def register(request, session_id):
    try:
        session = visible_session(request, session_id)
    except Http404:
        return refusal(request, "Cette session n'existe pas ou n'est plus proposée.", 404)
    try:
        registration = service.register(request.user, session.pk)
    except service.RegistrationError as error:
        return refusal(request, error.message, 409, back_url=session.page.url)
    messages.success(request, SUCCESS[registration.status])
    return redirect(session.page.url + f"#session-{session.pk}")


def _next_url(request, default="/compte/profil/"):
    """Where to go back to: a page of this site (the training page, "Mon espace")."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


CONFIRM_FIELD = "confirmer"


def cancel_refusal(request, error, back_url):
    return refusal(
        request,
        error.message,
        error.status,
        back_url=back_url,
        title="Annulation impossible",
        back_label="Revenir à la page précédente",
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, registration_id):
    """GET: "Annuler votre inscription … ?", with what the person loses; only the POST of
    that page (it carries ``confirmer=oui``) cancels, so that one mis-click on "Annuler mon
    inscription" never gives up a place or a rank on the waiting list, with or without
    JavaScript."""
    next_url = _next_url(request)
    try:
        registration = service.cancellable_registration(registration_id, request.user)
    except service.RegistrationError as error:
        return cancel_refusal(request, error, next_url)

    if request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "oui":
        try:
            registration = service.cancel(registration.pk, request.user)
        except service.RegistrationError as error:
            return cancel_refusal(request, error, next_url)
        messages.success(request, f"Votre inscription à « {registration.session.page.title} » est annulée.")
        return redirect(next_url)

    session = registration.session
    return TemplateResponse(
        request,
        "trainings/cancel_registration.html",
        {
            "registration": registration,
            "session": session,
            "training": session.page,
            "dates": session_dates(session),
            "when": session_when(session),
            "place": session_place(session),
            "waiting_rank": service.waiting_rank(registration),
            "Status": Registration.Status,
            "next_url": next_url,
            "confirm_field": CONFIRM_FIELD,
            # A POST without the confirmation (an old form, a replayed request) cancels
            # nothing: the page asks again.
            "unconfirmed_post": request.method == "POST",
            "breadcrumb": [
                ("Accueil", "/"),
                ("Mon espace", "/compte/profil/"),
                ("Annuler une inscription", None),
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


def session_ics(request, session_id):
    session = get_object_or_404(Session.objects.select_related("page"), pk=session_id)
    session = visible_session(request, session.pk)
    return calendar_response([session], f"session-{session.pk}.ics")
