"""Personal data across apps: export and erasure.

An app that stores personal data about a user (trainings' registrations…) registers an
exporter and an eraser here; accounts never imports those apps."""

from django.db import transaction

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
                "date_inscription": user.date_joined.isoformat(),
                "derniere_connexion": user.last_login.isoformat() if user.last_login else "",
                "consentement": user.data_consent_at.isoformat() if user.data_consent_at else "",
                "referent_vif": user.is_referent,
                "annuaire_visible": user.directory_listed,
                "annuaire_email_visible": user.directory_email,
                "annuaire_telephone": user.directory_phone,
            }
        ],
        "adresses_email": [
            {"adresse_email": address.email, "verifiee": address.verified, "principale": address.primary}
            for address in user.emailaddress_set.all()
        ],
    }
    for name, exporter in _exporters.items():
        data[name] = exporter(user)
    return data


@transaction.atomic
def erase_user(user):
    for eraser in _erasers:
        eraser(user)
    user.delete()
