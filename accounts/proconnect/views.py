"""ProConnect's pages: the redirect to ProConnect, its return, the first log-in form (allauth's
social sign-up view), the refusals in French, and the log-out through ProConnect."""

import logging

import requests
from allauth.account import views as account_views
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal.httpkit import add_query_params
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from . import PROVIDER_ID
from .provider import ProConnectOAuth2Adapter
from .tokens import ProConnectError, random_value, same_value

logger = logging.getLogger("accounts.proconnect")

ID_TOKEN_SESSION_KEY = "proconnect_id_token"  # noqa: S105 (a session key, not a secret)
LOGOUT_STATE_SESSION_KEY = "proconnect_logout_state"

OTHER_WAYS = (
    "Vous pouvez aussi vous connecter avec votre adresse e-mail et votre mot de passe, "
    "ou avec un code reçu par e-mail."
)
# kind → (HTTP status, title, what happened and what to do)
MESSAGES = {
    "cancelled": (200, "Connexion annulée", f"Vous avez annulé la connexion avec ProConnect. {OTHER_WAYS}"),
    "state": (
        400,
        "La connexion avec ProConnect a expiré",
        "Cette demande de connexion n'est plus valable : elle a expiré, a déjà servi ou a été "
        "commencée dans un autre navigateur. Recommencez depuis la page « Se connecter ».",
    ),
    "refused": (
        403,
        "Connexion avec ProConnect refusée",
        "La réponse de ProConnect n'a pas pu être vérifiée : par sécurité, le portail a refusé "
        f"la connexion. Recommencez depuis la page « Se connecter ». {OTHER_WAYS}",
    ),
    "incomplete": (
        403,
        "Adresse e-mail manquante",
        "ProConnect n'a pas transmis votre adresse e-mail professionnelle, sans laquelle le "
        f"portail ne peut pas vous identifier. {OTHER_WAYS}",
    ),
    "unavailable": (
        503,
        "ProConnect ne répond pas",
        f"ProConnect ne répond pas pour le moment : réessayez dans quelques minutes. {OTHER_WAYS}",
    ),
}


def refusal_response(request, kind):
    status, title, text = MESSAGES[kind]
    response = TemplateResponse(
        request,
        "socialaccount/authentication_error.html",
        {"error_title": title, "error_text": text, "breadcrumb": [("Accueil", "/"), (title, None)]},
        status=status,
    )
    if status == 503:
        response["Retry-After"] = "120"
    return response


def proconnect_app_or_404(request):
    try:
        return get_adapter(request).get_app(request, PROVIDER_ID)
    except SocialApp.DoesNotExist as error:
        # Not configured (PROCONNECT_* unset): the feature is off.
        raise Http404 from error


def refuse(request, reason, kind):
    logger.warning("ProConnect log-in refused: %s", reason, extra={"proconnect_reason": reason})
    return refusal_response(request, kind)


class CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        # The adapter checks the ID token's nonce against the one stashed with the state.
        self.adapter.state = state
        return state, response


@never_cache
def login(request):
    """GET: a page with the "S'identifier avec ProConnect" button; POST: off to ProConnect."""
    proconnect_app_or_404(request)
    try:
        return OAuth2LoginView.adapter_view(ProConnectOAuth2Adapter(request))(request)
    except ProConnectError as error:
        return refuse(request, error.reason, error.kind)


@never_cache
def callback(request):
    proconnect_app_or_404(request)
    try:
        return CallbackView.adapter_view(ProConnectOAuth2Adapter(request))(request)
    except ImmediateHttpResponse as immediate:
        return immediate.response
    except ProConnectError as error:
        return refuse(request, error.reason, error.kind)
    except requests.RequestException:
        return refuse(request, "provider_unreachable", "unavailable")


def remember_id_token(sender, request, user, sociallogin=None, **kwargs):
    """allauth's user_logged_in signal: keep the ID token of a ProConnect log-in in the session,
    for the end-session request at log-out (the session is the portal's, server-side)."""
    if sociallogin is not None and sociallogin.account.provider == PROVIDER_ID:
        id_token = (sociallogin.state or {}).get("id_token")
        if id_token:
            request.session[ID_TOKEN_SESSION_KEY] = id_token


@never_cache
def logout(request):
    """allauth's log-out; after a ProConnect log-in, then on to ProConnect's end-session
    endpoint with the ID token, so that the agent's ProConnect session ends too."""
    id_token = request.session.get(ID_TOKEN_SESSION_KEY) if request.method == "POST" else None
    response = account_views.logout(request)
    if not id_token or request.user.is_authenticated or response.status_code != 302:
        return response
    try:
        end_session = ProConnectOAuth2Adapter(request).openid_config["end_session_endpoint"]
    except (ProConnectError, SocialApp.DoesNotExist, KeyError, TypeError):
        logger.warning("ProConnect log-out skipped: end_session_unavailable")
        messages.warning(
            request,
            "ProConnect n'a pas pu être joint : vous êtes déconnecté du portail, mais peut-être pas "
            "de ProConnect. Fermez votre navigateur si l'ordinateur est partagé.",
        )
        return response
    state = random_value()
    request.session[LOGOUT_STATE_SESSION_KEY] = state
    return HttpResponseRedirect(
        add_query_params(
            end_session,
            {
                "id_token_hint": id_token,
                "state": state,
                "post_logout_redirect_uri": request.build_absolute_uri(reverse("proconnect_logout_return")),
            },
        )
    )


@never_cache
def logout_return(request):
    """Where ProConnect sends the agent back after its end-session endpoint."""
    expected = request.session.pop(LOGOUT_STATE_SESSION_KEY, None)
    if not same_value(request.GET.get("state"), expected):
        # The portal's session is already closed; only the confirmation is withheld.
        logger.warning("ProConnect log-out return refused: state_unknown")
    return HttpResponseRedirect(settings.LOGOUT_REDIRECT_URL)
