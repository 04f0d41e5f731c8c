"""Account URLs in French. The views are django-allauth's; the names are allauth's own
so its templates and redirects keep working."""

from allauth.account import views as allauth_views
from allauth.socialaccount import views as allauth_social_views

from django.urls import path, re_path

from . import views
from .proconnect import views as proconnect_views

urlpatterns = [
    path("connexion/", allauth_views.login, name="account_login"),
    # Log-in by a one-time code sent by e-mail: the way in when the password is forgotten
    # or locked by failed attempts (ACCOUNT_LOGIN_BY_CODE_ENABLED, portal/settings/base.py).
    path("connexion/code/", allauth_views.request_login_code, name="account_request_login_code"),
    path(
        "connexion/code/confirmation/",
        allauth_views.confirm_login_code,
        name="account_confirm_login_code",
    ),
    # Log-in with ProConnect (accounts/proconnect/): 404 while PROCONNECT_* are unset. The
    # return address and the log-out return are the ones registered with ProConnect.
    path("connexion/proconnect/", proconnect_views.login, name="proconnect_login"),
    path("connexion/proconnect/retour/", proconnect_views.callback, name="proconnect_callback"),
    path(
        "connexion/proconnect/premiere-connexion/",
        allauth_social_views.signup,
        name="socialaccount_signup",
    ),
    # allauth's log-out, followed after a ProConnect log-in by ProConnect's own.
    path("deconnexion/", proconnect_views.logout, name="account_logout"),
    path("deconnexion/proconnect/", proconnect_views.logout_return, name="proconnect_logout_return"),
    path("inscription/", allauth_views.signup, name="account_signup"),
    path("inactif/", allauth_views.account_inactive, name="account_inactive"),
    path("reauthentification/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("adresses-email/", allauth_views.email, name="account_email"),
    path(
        "confirmation-email/",
        allauth_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        r"^confirmation-email/(?P<key>[-:\w]+)/$",
        allauth_views.confirm_email,
        name="account_confirm_email",
    ),
    path("mot-de-passe/", allauth_views.password_change, name="account_change_password"),
    path("mot-de-passe/definir/", allauth_views.password_set, name="account_set_password"),
    path("mot-de-passe/oubli/", allauth_views.password_reset, name="account_reset_password"),
    path(
        "mot-de-passe/oubli/envoye/",
        allauth_views.password_reset_done,
        name="account_reset_password_done",
    ),
    re_path(
        r"^mot-de-passe/oubli/cle/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "mot-de-passe/oubli/termine/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path("profil/", views.profile, name="profile"),
    re_path(r"^profil/mes-donnees\.(?P<fmt>json|csv)$", views.export_data, name="export_data"),
    path("profil/supprimer/", views.delete_account, name="delete_account"),
]
