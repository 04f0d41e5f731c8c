"""The ProConnect provider: django-allauth's OpenID Connect provider, with ProConnect's rules."""

import re
import time

import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.http import urlencode

from . import PROVIDER_ID
from .tokens import ProConnectError, fetch_keys, random_value, same_value, verify


def normalize_siret(value):
    """The 14 digits of a SIRET ("110 020 013 00097" → "11002001300097"), or ""."""
    digits = re.sub(r"\s", "", str(value or ""))
    return digits if re.fullmatch(r"\d{14}", digits) else ""


class ProConnectOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    """The server-to-server half: discovery, token, ID token, user info."""

    # The state stashed at the redirect (with its nonce); the callback view sets it.
    state = None

    def __init__(self, request):
        super().__init__(request, PROVIDER_ID)

    @property
    def openid_config(self):
        try:
            return super().openid_config
        except (requests.RequestException, ValueError) as error:
            raise ProConnectError("discovery_unreachable", kind="unavailable") from error

    @property
    def basic_auth(self):
        # ProConnect authenticates clients by client_secret_post; no discovery call needed.
        return False

    def get_callback_url(self, request, app):
        return request.build_absolute_uri(reverse("proconnect_callback"))

    def complete_login(self, request, app, token, **kwargs):
        config = self.openid_config
        try:
            issuer, jwks_uri, userinfo_uri = config["issuer"], config["jwks_uri"], config["userinfo_endpoint"]
        except (KeyError, TypeError) as error:
            raise ProConnectError("discovery_incomplete", kind="unavailable") from error
        raw_id_token = kwargs["response"].get("id_token")
        if not raw_id_token or not isinstance(raw_id_token, str):
            raise ProConnectError("id_token_missing")
        with get_adapter().get_requests_session() as session:
            keys = fetch_keys(session, jwks_uri)
            id_token = verify(
                raw_id_token,
                keys=keys,
                issuer=issuer,
                audience=app.client_id,
                required=["iss", "aud", "exp", "iat", "sub"],
                what="id_token",
            )
            self._check_nonce(id_token)
            self._check_not_replayed(id_token)
            userinfo = self._signed_user_info(session, userinfo_uri, token.token)
        userinfo = verify(
            userinfo, keys=keys, issuer=issuer, audience=app.client_id, required=["sub"], what="userinfo"
        )
        if not same_value(userinfo.get("sub"), id_token["sub"]):
            raise ProConnectError("userinfo_other_subject")
        if not isinstance(userinfo.get("email"), str) or "@" not in userinfo["email"]:
            raise ProConnectError("email_missing", kind="incomplete")
        # Kept in the state for the end-session request, which needs the ID token as issued.
        self.state["id_token"] = raw_id_token
        return self.get_provider().sociallogin_from_response(
            request, {"userinfo": userinfo, "id_token": id_token}
        )

    def _check_nonce(self, id_token):
        expected = (self.state or {}).get("nonce")
        if "nonce" not in id_token:
            raise ProConnectError("nonce_missing")
        if not same_value(id_token["nonce"], expected):
            raise ProConnectError("nonce_mismatch")

    def _check_not_replayed(self, id_token):
        # The state (and its nonce) is used once; an ID token seen before is refused as well.
        jti = id_token.get("jti")
        if jti and not cache.add(
            f"proconnect:jti:{jti}", True, timeout=max(int(id_token["exp"] - time.time()), 60)
        ):
            raise ProConnectError("id_token_replayed")

    def _signed_user_info(self, session, userinfo_uri, access_token):
        try:
            response = session.get(
                userinfo_uri, headers={"Authorization": f"Bearer {access_token}", "Accept": "application/jwt"}
            )
        except requests.RequestException as error:
            raise ProConnectError("userinfo_unreachable", kind="unavailable") from error
        if response.status_code != 200:
            raise ProConnectError("userinfo_refused")
        # ProConnect answers a signed JWT; plain JSON would be claims nobody vouches for.
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/jwt":
            raise ProConnectError("userinfo_not_jwt")
        return response.text.strip()


class ProConnectProvider(OpenIDConnectProvider):
    id = PROVIDER_ID
    name = "ProConnect"
    oauth2_adapter_class = ProConnectOAuth2Adapter

    def get_oauth2_adapter(self, request):
        return self.oauth2_adapter_class(request)

    def get_login_url(self, request, **kwargs):
        url = reverse("proconnect_login")
        return f"{url}?{urlencode(kwargs)}" if kwargs else url

    def get_callback_url(self):
        return reverse("proconnect_callback")

    def get_default_scope(self):
        return list(settings.PROCONNECT_SCOPES)

    def get_scope_from_request(self, request):
        # Never the visitor's ?scope=: ProConnect grants what the portal was registered for.
        return self.get_scope()

    def get_auth_params_from_request(self, request, action):
        return self.get_auth_params()

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = random_value()
        auth_params = {**(kwargs.pop("auth_params", None) or self.get_auth_params()), "nonce": nonce}
        # The nonce goes into the stashed state, read back by the callback.
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def extract_uid(self, data):
        # The agent is known by their e-mail: ProConnect's ``sub`` changes with the identity
        # provider (a move to another administration, a change of the ministry's directory).
        return data["userinfo"]["email"].strip().lower()

    def extract_extra_data(self, data):
        # Only the technical identifiers; the person's details live on the account.
        userinfo = data["userinfo"]
        return {"sub": userinfo.get("sub"), "idp_id": userinfo.get("idp_id"), "siret": userinfo.get("siret")}

    def extract_common_fields(self, data):
        userinfo = data["userinfo"]
        return {
            "email": userinfo["email"].strip().lower(),
            "first_name": str(userinfo.get("given_name") or "")[:150],
            "last_name": str(userinfo.get("usual_name") or "")[:150],
        }

    def extract_email_addresses(self, data):
        # ProConnect only passes on an address the agent's identity provider vouches for (it
        # sends no email_verified claim): it is verified, and allows linking an existing account.
        email = data["userinfo"]["email"].strip().lower()
        return [EmailAddress(email=email, verified=True, primary=True)]
