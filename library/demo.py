"""Demo content for the library and the referents' toolbox."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from accounts.models import EDITORS_GROUP, MODERATORS_GROUP, REFERENTS_GROUP
from home.demo import ensure_page, get_home_page, rich, stream
from home.models import ContentPage

from .models import LibraryIndexPage, ToolboxPage


def restrict_to_referents(page):
    """Toolbox privacy: the referents' group and the editorial staff."""
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(
            Group.objects.filter(name__in=[REFERENTS_GROUP, EDITORS_GROUP, MODERATORS_GROUP])
        )
    return restriction


def build():
    home = get_home_page()
    library = ensure_page(
        home,
        LibraryIndexPage,
        "ressources",
        title="Ressources",
        intro="Guides, fiches réflexes, études, outils de repérage et supports de communication "
        "pour une culture commune sur les violences intrafamiliales.",
    )
    toolbox = ensure_page(
        home,
        ToolboxPage,
        "boite-a-outils",
        title="Boîte à outils des référents",
        intro="Les outils partagés du réseau des référents VIF : trames d'animation, "
        "supports de co-formation et documents de travail.",
    )
    restrict_to_referents(toolbox)
    ensure_page(
        toolbox,
        ContentPage,
        "animer-un-temps-de-co-formation",
        title="Animer un temps de co-formation",
        intro="Trame d'animation d'une demi-journée de co-formation entre professionnels, "
        "à l'usage des référents VIF.",
        body=stream(
            ("heading", {"text": "Déroulé proposé", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Accueil et tour de table (20 min), apports sur le cycle de la violence et "
                    "l'emprise (45 min), étude de situation en sous-groupes (60 min), repères "
                    "d'orientation sur le territoire (30 min), évaluation (15 min)."
                ),
            ),
        ),
    )
    return library, toolbox
