"""A local OpenID provider that answers like ProConnect, for the tests (CI has no internet).

django-allauth's own provider (``allauth.idp.oidc``, installed by portal/settings/test.py),
mounted under /idp/ by tests/accounts/proconnect_urls.py and served by pytest-django's
live server, so that the portal's server-to-server calls (discovery, token, keys, user info)
are real HTTP. What makes it ProConnect-like:

- the user-info endpoint answers a JWT signed with the provider's key (``application/jwt``),
  as ProConnect does, instead of allauth's JSON;
- the claims are ProConnect's (``given_name``, ``usual_name``, ``email``, ``siret``,
  ``idp_id``), taken from ``settings.TEST_PROCONNECT_AGENT``: the agent who "logs in at their
  identity provider";
- the authorisation step authenticates that agent at once, as ProConnect would after the
  agent's identity provider's own page, through one provider-side account (``FI_ACCOUNT``),
  without touching the visitor's portal session (the portal and the provider share a host
  and a user table here, not in real life).

Misbehaviour for the failure tests: ``settings.TEST_PROCONNECT_ALTER_ID_TOKEN`` (a function
that edits the ID token's claims before signing) and ``settings.TEST_PROCONNECT_USERINFO``
("jwt", the default, or "json", "unsigned", "foreign_key", "hs256").
"""

import json
from functools import cache

import jwt
from allauth.core.internal import jwkkit
from allauth.idp.oidc import views as idp_views
from allauth.idp.oidc.adapter import DefaultOIDCAdapter, get_adapter
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpResponse

FI_ACCOUNT = "compte-fournisseur-identite@fi.invalid"
CLIENT_ID = "portail-vif-nord-test"
CLIENT_SECRET = "secret-du-portail-pour-les-tests-uniquement"  # noqa: S105
USERINFO_CLAIMS = ("email", "given_name", "usual_name", "siret", "idp_id", "uid")


@cache
def private_key_pem(name):
    """An RSA key per name, made once per test run (``foreign_key`` signs with another one)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


class ProConnectLikeAdapter(DefaultOIDCAdapter):
    def get_claims(self, purpose, user, client, scopes, email=None, **kwargs):
        agent = settings.TEST_PROCONNECT_AGENT
        claims = {"sub": agent["sub"]}
        if purpose == "userinfo":
            claims.update({name: agent[name] for name in USERINFO_CLAIMS if name in agent})
        return claims

    def populate_id_token(self, id_token, client, scopes, **kwargs):
        alter = getattr(settings, "TEST_PROCONNECT_ALTER_ID_TOKEN", None)
        if alter:
            alter(id_token)


def authorize(request):
    """The agent is authenticated at their identity provider: ProConnect's authorisation."""
    request.user = get_user_model().objects.get(email=FI_ACCOUNT)
    return idp_views.authorization(request)


def signed_userinfo(request):
    response = idp_views.user_info(request)
    if response.status_code != 200:
        return response
    mode = getattr(settings, "TEST_PROCONNECT_USERINFO", "jwt")
    claims = json.loads(response.content)
    if mode == "json":
        return response
    claims.update({"iss": get_adapter().get_issuer(), "aud": CLIENT_ID})
    kid = jwkkit.load_jwk_from_pem(private_key_pem("provider"))[0]["kid"]
    if mode == "unsigned":
        token = jwt.encode(claims, None, algorithm="none")
    elif mode == "hs256":
        # Signed with a secret the portal knows: anyone holding it could forge claims.
        token = jwt.encode(claims, CLIENT_SECRET, algorithm="HS256", headers={"kid": kid})
    else:
        pem = private_key_pem("foreign" if mode == "foreign_key" else "provider")
        token = jwt.encode(claims, jwkkit.load_jwk_from_pem(pem)[1], algorithm="RS256", headers={"kid": kid})
    return HttpResponse(token, content_type="application/jwt; charset=utf-8")


AGENT = {
    "sub": "4a1c9e0f-agent-sub-fi-nord",
    "email": "claire.martin@lenord.fr",
    "given_name": "Claire",
    "usual_name": "MARTIN",
    "siret": "22590001700018",
    "idp_id": "fi-departement-du-nord",
    "uid": "cmartin",
}
DISCOVERY_PATH = "/idp/.well-known/openid-configuration"


def start(settings, provider_url, portal_urls):
    """Switch the provider on at ``provider_url`` (the live server) and configure the portal
    to log in through it, as PROCONNECT_* would; ``portal_urls`` are the portal's own base
    URLs (test client, live server) whose return addresses the provider accepts."""
    from allauth.idp.oidc.models import Client

    settings.ROOT_URLCONF = "tests.accounts.proconnect_urls"
    settings.IDP_OIDC_PRIVATE_KEY = private_key_pem("provider")
    settings.IDP_OIDC_ADAPTER = "tests.accounts.proconnect_idp.ProConnectLikeAdapter"
    settings.TEST_PROCONNECT_AGENT = dict(AGENT)
    settings.SOCIALACCOUNT_PROVIDERS = {
        "proconnect": {
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {
                        "server_url": f"{provider_url}{DISCOVERY_PATH}",
                        "token_auth_method": "client_secret_post",
                    },
                }
            ]
        }
    }
    get_user_model().objects.get_or_create(email=FI_ACCOUNT)
    client = Client(id=CLIENT_ID, name="Portail VIF Nord (tests)", skip_consent=True)
    client.set_secret(CLIENT_SECRET)
    client.set_scopes(list(settings.PROCONNECT_SCOPES))
    client.set_redirect_uris([f"{url}/compte/connexion/proconnect/retour/" for url in portal_urls])
    client.set_post_logout_redirect_uris([f"{url}/compte/deconnexion/proconnect/" for url in portal_urls])
    client.save()
    return client
