"""django-allauth's social-account adapter for ProConnect (SOCIALACCOUNT_ADAPTER)."""

import logging

import requests
from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthError
from allauth.socialaccount.providers.oauth2.client import OAuth2Error

from ..personal_data import end_sessions
from .provider import normalize_siret
from .tokens import ProConnectError, random_value

logger = logging.getLogger("accounts.proconnect")


def refusal_reason(error, exception, extra_context):
    """(kind, reason) of a failed ProConnect log-in: kind picks the French message, reason
    goes to the log. Neither says who the visitor is."""
    if isinstance(exception, ProConnectError):
        return exception.kind, exception.reason
    if isinstance(exception, requests.RequestException):
        return "unavailable", "provider_unreachable"
    if isinstance(exception, OAuth2Error):
        return "refused", "token_refused"
    if exception is not None:
        return "refused", f"error_{type(exception).__name__}"
    if error == AuthError.CANCELLED:
        return "cancelled", "cancelled_by_user"
    if "state_id" in extra_context:
        # No stashed state matches: tampered, replayed, expired, or another browser's.
        return "state", "state_unknown"
    return "refused", "provider_error"


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def generate_state_param(self, state):
        # ProConnect asks for at least 32 characters (allauth's default is 16).
        return random_value()

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        from .views import refusal_response

        kind, reason = refusal_reason(error, exception, extra_context or {})
        log = logger.info if kind == "cancelled" else logger.warning
        log("ProConnect log-in refused: %s", reason, extra={"proconnect_reason": reason})
        raise ImmediateHttpResponse(refusal_response(request, kind))

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.siret = normalize_siret(sociallogin.account.extra_data.get("siret"))
        return user

    def pre_social_login(self, request, sociallogin):
        if not sociallogin.is_existing:
            return
        user = sociallogin.user
        email = sociallogin.account.uid
        address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
        if address is None and user.email.lower() == email:
            address = EmailAddress(user=user, email=user.email, primary=True)
        if address is not None and not address.verified:
            # Someone may have signed up with this address and a password without ever
            # proving it is theirs. ProConnect now proves it is the agent's: the password goes,
            # with every open session (allauth's own rule for e-mail linking, applied here
            # because the address is then marked verified, which allauth's check would skip).
            user.set_unusable_password()
            user.save(update_fields=["password"])
            end_sessions(user)
            address.verified = True
            address.save()
        # An agent who changed organisation comes back with another SIRET: keep it current.
        siret = normalize_siret(sociallogin.account.extra_data.get("siret"))
        if siret and siret != user.siret:
            user.siret = siret
            user.save(update_fields=["siret"])
