"""Context shared by every public template: the main navigation, the emergency numbers and
the portal's contact."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

MAIN_NAVIGATION = [
    ("Ressources", "/ressources/"),
    ("Webinaires", "/webinaires/"),
    ("Formations", "/formations/"),
    ("Séminaires", "/seminaires/"),
    ("Boîte à outils des référents", "/boite-a-outils/"),
    ("Recherche", "/recherche/"),
]

# National numbers shown in every footer (Service-Public.fr).
EMERGENCY_NUMBERS = [
    ("3919", "Violences Femmes Info, 24 h/24, gratuit et anonyme"),
    ("17", "Police secours, en cas de danger immédiat"),
    ("114", "Urgences par SMS, pour les personnes qui ne peuvent pas parler"),
    ("119", "Allô Enfance en danger, 24 h/24, gratuit"),
]

LEGAL_LINKS = [
    ("Mentions légales", "/mentions-legales/"),
    ("Accessibilité : non conforme", "/accessibilite/"),
    ("Données personnelles", "/donnees-personnelles/"),
    ("Plan du site", "/plan-du-site/"),
]


def portal(request):
    path = request.path
    return {
        "main_navigation": [
            {"label": label, "url": url, "active": path.startswith(url)} for label, url in MAIN_NAVIGATION
        ],
        "emergency_numbers": EMERGENCY_NUMBERS,
        "legal_links": LEGAL_LINKS,
        "site_url": settings.SITE_URL,
        # Read only by the templates that show it (footer, error and legal pages), and cached.
        "contact": SimpleLazyObject(_site_contact),
    }


def _site_contact():
    from .models import site_contact

    return site_contact()
