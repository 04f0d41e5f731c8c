"""Demo content for the home app, and the small idempotent helpers every app's demo uses.

Idempotent means: a page, user or object that exists already is left as it is, so running
``load_demo_content`` twice changes nothing."""

import json

from wagtail.models import Site

from .models import ContentPage


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def stream(*blocks):
    """Build StreamField raw data from (block_type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def ensure_page(parent, model, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_home_page():
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


LEGAL_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        "Éditeur, hébergement et conditions d'utilisation du portail.",
        [
            ("heading", {"text": "Éditeur", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Département du Nord, 51 rue Gustave Delory, 59047 Lille Cedex. "
                    "Directeur de la publication : le Président du Conseil départemental.",
                    "Le portail est animé par l'Observatoire départemental de la protection de "
                    "l'enfance (ODPE), dans le cadre de la feuille de route de prévention et de "
                    "lutte contre les violences intrafamiliales 2023-2026.",
                ),
            ),
            ("heading", {"text": "Hébergement", "level": "h2"}),
            ("paragraph", rich("Le portail est hébergé en France, sur les serveurs du Département du Nord.")),
            ("heading", {"text": "Réutilisation des contenus", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Les ressources publiées par le Département peuvent être réutilisées par les "
                    "professionnels, en citant la source. Les documents des partenaires restent "
                    "la propriété de leurs auteurs."
                ),
            ),
        ],
    ),
    (
        "accessibilite",
        "Accessibilité",
        "Déclaration d'accessibilité du portail au regard du RGAA 4.1.",
        [
            (
                "paragraph",
                rich(
                    "Le Département du Nord s'engage à rendre son portail accessible conformément "
                    "à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
                ),
            ),
            ("heading", {"text": "État de conformité", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Le portail est <strong>partiellement conforme</strong> avec le référentiel "
                    "général d'amélioration de l'accessibilité (RGAA) version 4.1, en attendant "
                    "l'audit complet prévu avant sa mise en service.",
                    "Chaque type de page est vérifié automatiquement (règles WCAG 2.1 niveau AA) "
                    "à chaque modification du portail.",
                ),
            ),
            ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à l'ODPE "
                    "pour être orienté vers une alternative accessible.",
                    "Si vous n'obtenez pas de réponse rapide, vous pouvez saisir le Défenseur des droits.",
                ),
            ),
        ],
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "Quelles données le portail conserve, pourquoi, combien de temps, et vos droits.",
        [
            (
                "paragraph",
                rich(
                    "La lecture des contenus publics ne demande aucun compte et ne dépose aucun "
                    "cookie de mesure d'audience.",
                    "Un compte est nécessaire pour s'inscrire à une formation et, pour les "
                    "référents VIF, pour accéder à la boîte à outils.",
                ),
            ),
            (
                "table",
                {
                    "data": [
                        ["Données", "Finalité", "Durée de conservation"],
                        [
                            "Nom, prénom, adresse e-mail professionnelle",
                            "Gestion du compte",
                            "Jusqu'à la suppression du compte",
                        ],
                        [
                            "Service, territoire, fonction",
                            "Organisation des formations et du réseau des référents",
                            "Jusqu'à la suppression du compte",
                        ],
                        [
                            "Inscriptions aux formations",
                            "Gestion des sessions et statistiques",
                            "24 mois après la session, puis anonymisation",
                        ],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            ),
            ("heading", {"text": "Vos droits", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Depuis « Mon espace », vous pouvez télécharger vos données et supprimer votre "
                    "compte. Vous pouvez aussi contacter le délégué à la protection des données du "
                    "Département du Nord."
                ),
            ),
        ],
    ),
    (
        "a-propos",
        "À propos du portail",
        "Un point d'accès commun aux ressources, aux webinaires et aux formations sur les violences intrafamiliales.",
        [
            (
                "paragraph",
                rich(
                    "La feuille de route départementale positionne l'ODPE comme point d'accès aux "
                    "ressources liées aux violences intrafamiliales. Ce portail en est l'outil : "
                    "il réunit les guides, fiches réflexes et outils de repérage, les "
                    "enregistrements des webinaires, le catalogue des formations et les séminaires "
                    "annuels du réseau des référents VIF.",
                ),
            ),
            (
                "accordion",
                {
                    "title": "Questions fréquentes",
                    "items": [
                        {
                            "title": "Faut-il un compte pour consulter les ressources ?",
                            "body": rich(
                                "Non. Un compte n'est nécessaire que pour s'inscrire à une formation ou accéder à la boîte à outils des référents."
                            ),
                        },
                        {
                            "title": "Comment devenir référent VIF ?",
                            "body": rich(
                                "Le statut de référent est attribué par l'ODPE, en lien avec votre encadrement. Créez un compte, puis signalez-vous auprès de l'ODPE."
                            ),
                        },
                    ],
                },
            ),
        ],
    ),
    (
        "feuille-de-route",
        "La feuille de route VIF 2023-2026",
        "Identifier, prévenir, agir de manière coordonnée sur les territoires : les orientations du Département du Nord.",
        [
            (
                "quote",
                {
                    "text": "Protéger les victimes de violences intrafamiliales, c'est offrir un "
                    "accompagnement durable afin de permettre aux victimes d'échapper à la violence "
                    "et de se reconstruire.",
                    "source": "Feuille de route VIF 2023-2026, Département du Nord",
                },
            ),
            ("heading", {"text": "Identifier : coordonner une politique proactive", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Mettre en place un réseau de 100 référents VIF départementaux issus de "
                    "différents métiers, clarifier les responsabilités des services, renforcer les "
                    "coopérations avec la Justice et les partenaires, et définir des jalons de "
                    "repérage systématique dans les PMI, les centres de santé sexuelle et les CeGIDD."
                ),
            ),
            ("heading", {"text": "Prévenir dès le plus jeune âge", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Informer et outiller les Nordistes sur les inégalités de genre et la vie "
                    "affective, relationnelle et sexuelle ; former les professionnels qui mènent "
                    "des actions de prévention et leur donner des supports de communication."
                ),
            ),
            (
                "heading",
                {"text": "Agir : accompagner victimes, enfants co-victimes et auteurs", "level": "h2"},
            ),
            (
                "paragraph",
                rich(
                    "Penser l'accompagnement en termes de parcours, sécuriser la sortie des "
                    "violences et soutenir la responsabilisation des auteurs pour éviter la répétition."
                ),
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "Une culture commune",
                    "text": rich(
                        "Séminaire annuel, webinaires enregistrés, formations partenaires (DU "
                        "Violences conjugales, SOLFA, CIDFF, Planning familial 59) et "
                        "communauté de partage d'outils : c'est l'objet de ce portail."
                    ),
                },
            ),
        ],
    ),
]


def build():
    home = get_home_page()
    for slug, title, intro, body in LEGAL_PAGES:
        ensure_page(home, ContentPage, slug, title=title, intro=intro, body=stream(*body))
    return home


FEATURED = [
    (
        "ressources",
        "Trouver un outil",
        "Guides, fiches réflexes, outils de repérage et supports de communication.",
    ),
    ("webinaires", "Revoir un webinaire", "Les enregistrements de l'ODPE, sous-titrés et transcrits."),
    ("formations", "Se former", "DU Violences conjugales, SOLFA, CIDFF, Planning familial 59 et colloques."),
    ("seminaires", "Le séminaire annuel", "Programme, intervenants, supports et replays."),
]


def build_home_page():
    """Fill the home page once every section exists, so its tiles point at real pages."""
    home = get_home_page()
    if home.featured:
        return home
    sections = {page.slug: page for page in home.get_children()}
    home.intro = (
        "Ressources, webinaires et formations pour les professionnels du Département du Nord "
        "et de ses partenaires engagés dans la prévention et la lutte contre les violences "
        "intrafamiliales."
    )
    home.search_description = (
        "Portail de la feuille de route VIF 2023-2026 du Département du Nord : ressources, "
        "webinaires de l'ODPE, formations et séminaires."
    )
    home.featured = stream(
        *[
            ("link", {"title": title, "text": text, "page": sections[slug].pk, "url": ""})
            for slug, title, text in FEATURED
            if slug in sections
        ]
    )
    home.body = stream(
        (
            "callout",
            {
                "kind": "warning",
                "title": "En cas de danger immédiat",
                "text": rich(
                    "Appelez le 17 (ou le 112). Une personne qui ne peut pas parler peut "
                    "envoyer un SMS au 114. Violences Femmes Info : 3919. Enfance en danger : 119."
                ),
            },
        ),
        (
            "paragraph",
            rich(
                'Ce portail met en œuvre l\'action 20 de la <a href="/feuille-de-route/">feuille '
                "de route VIF 2023-2026</a> : référencer, transmettre et communiquer autour de "
                "ressources théoriques et pratiques sur les violences intrafamiliales."
            ),
        ),
    )
    home.save_revision().publish()
    return home
