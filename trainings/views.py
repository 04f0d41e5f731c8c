from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from . import registration as service
from .calendar import calendar_response
from .models import Session

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
    if any(not restriction.accept_request(request) for restriction in session.page.get_view_restrictions()):
        raise Http404("Session introuvable")
    return session


def refusal(request, message, status, back_url="/formations/"):
    return TemplateResponse(
        request,
        "trainings/registration_refused.html",
        {"message": message, "back_url": back_url},
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


@login_required
@require_POST
def cancel(request, registration_id):
    try:
        registration = service.cancel(registration_id, request.user)
    except service.RegistrationError as error:
        return refusal(
            request, error.message, 409 if "annul" in error.message else 404, back_url="/compte/profil/"
        )
    messages.success(request, f"Votre inscription à « {registration.session.page.title} » est annulée.")
    next_url = request.POST.get("next", "")
    return redirect(
        next_url if next_url.startswith("/") and not next_url.startswith("//") else "/compte/profil/"
    )


def session_ics(request, session_id):
    session = get_object_or_404(Session.objects.select_related("page"), pk=session_id)
    session = visible_session(request, session.pk)
    return calendar_response([session], f"session-{session.pk}.ics")
