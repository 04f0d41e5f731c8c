"""Personal data across apps: export and erasure.

An app that stores personal data about a user (trainings' registrations…) registers an
exporter and an eraser here; accounts never imports those apps."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.utils import timezone

_exporters = {}
_erasers = []


def register_exporter(name, exporter):
    """``exporter(user) -> list[dict]``: rows shown in the user's data download under ``name``."""
    _exporters[name] = exporter


def register_eraser(eraser):
    """``eraser(user)``: anonymise what must survive the account (statistics), delete the rest."""
    _erasers.append(eraser)


def export_user_data(user):
    data = {
        "compte": [
            {
                "adresse_email": user.email,
                "prenom": user.first_name,
                "nom": user.last_name,
                "service": user.get_service_display(),
                "territoire": user.get_territory_display(),
                "fonction": user.job_title,
                "siret_organisation": user.siret,
                "date_inscription": user.date_joined.isoformat(),
                "derniere_connexion": user.last_login.isoformat() if user.last_login else "",
                "consentement": user.data_consent_at.isoformat() if user.data_consent_at else "",
                "referent_vif": user.is_referent,
                "annuaire_visible": user.directory_listed,
                "annuaire_email_visible": user.directory_email,
                "annuaire_telephone": user.directory_phone,
            }
        ],
        "connexions_proconnect": [
            {
                "identifiant_proconnect": account.extra_data.get("sub"),
                "siret": account.extra_data.get("siret"),
            }
            for account in user.socialaccount_set.all()
        ],
        "adresses_email": [
            {"adresse_email": address.email, "verifiee": address.verified, "principale": address.primary}
            for address in user.emailaddress_set.all()
        ],
    }
    for name, exporter in _exporters.items():
        data[name] = exporter(user)
    return data


def end_sessions(user):
    """Log ``user`` out everywhere: delete the stored sessions that belong to them (database
    backed session engines, the portal's: ``db`` in production, ``cached_db`` also works).
    Rare (account deletion), so reading the live sessions once is acceptable."""
    from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store_class, DatabaseStore):
        return 0
    user_id = str(user.pk)
    ended = 0
    live = store_class.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator():
        if store_class().decode(session.session_data).get(SESSION_KEY) == user_id:
            store_class(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def erase_user(user):
    for eraser in _erasers:
        eraser(user)
    end_sessions(user)
    user.delete()
