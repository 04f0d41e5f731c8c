"""The portal's URLs plus the local ProConnect-like provider under /idp/ (tests only)."""

from django.urls import include, path

from portal import urls as portal_urls
from tests.accounts import proconnect_idp

urlpatterns = [
    # Before allauth's own views at the same addresses: ProConnect's behaviour.
    path("idp/identity/o/authorize", proconnect_idp.authorize),
    path("idp/identity/o/api/userinfo", proconnect_idp.signed_userinfo),
    path("idp/", include("allauth.idp.urls")),
    *portal_urls.urlpatterns,
]

handler500 = portal_urls.handler500
