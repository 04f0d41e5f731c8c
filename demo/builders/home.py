"""Demo content for the home app, and the small idempotent helpers every app's demo uses.

Idempotent means: a page, user or object that exists already is left as it is, so running
``load_demo_content`` twice changes nothing."""

from wagtail.models import Site

from demo.builders.common import ensure_page, get_home_page, rich, stream
from home.models import ContactPage, ContentPage, PortalSettings

# The demo's contact address: replace it in "Réglages du portail" on a real site.
DEMO_CONTACT_EMAIL = "odpe-vif@lenord.fr"
CONTACT_URL = "/contact/"


ACCESSIBILITY_STATEMENT_DATE = "3 décembre 2026"
ACCESSIBILITY_STATEMENT = [
    (
        "paragraph",
        rich(
            "Le Département du Nord s'engage à rendre ses sites internet, intranet, extranet et "
            "ses progiciels accessibles conformément à l'article 47 de la loi n° 2005-102 du "
            "11 février 2005.",
            "Cette déclaration d'accessibilité s'applique au Portail VIF Nord.",
        ),
    ),
    ("heading", {"text": "État de conformité", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Le Portail VIF Nord est <strong>non conforme</strong> avec le RGAA (référentiel "
            "général d'amélioration de l'accessibilité) version 4.1.2 : il n'a pas encore fait "
            "l'objet d'un audit de conformité. Un audit est prévu ; ses résultats seront publiés "
            "sur cette page.",
        ),
    ),
    ("heading", {"text": "Résultats des tests", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Aucun audit n'a encore été réalisé : le taux de conformité aux critères du RGAA "
            "n'est pas connu.",
            "En attendant, chaque type de page est vérifié automatiquement à chaque "
            "modification du portail (règles WCAG 2.1 niveau AA de l'outil axe-core). Ces "
            "contrôles automatiques ne couvrent qu'une partie des critères et ne remplacent pas "
            "un audit.",
        ),
    ),
    ("heading", {"text": "Contenus non accessibles", "level": "h2"}),
    ("heading", {"text": "Non-conformités", "level": "h3"}),
    (
        "paragraph",
        rich(
            "Faute d'audit, la liste des non-conformités n'est pas encore établie. Signalez-nous "
            "tout contenu ou service que vous ne parvenez pas à utiliser (voir ci-dessous)."
        ),
    ),
    ("heading", {"text": "Dérogations pour charge disproportionnée", "level": "h3"}),
    (
        "paragraph",
        rich(
            "Aucune dérogation pour charge disproportionnée n'est invoquée à ce jour. Si l'audit "
            "en justifie, elles seront indiquées ici, avec l'alternative proposée."
        ),
    ),
    ("heading", {"text": "Contenus non soumis à l'obligation d'accessibilité", "level": "h3"}),
    (
        "paragraph",
        "<ul>"
        "<li>Les documents (PDF, fichiers bureautiques) publiés par les partenaires (associations, "
        "services de l'État, universités, organismes de formation) et proposés tels quels dans "
        "la bibliothèque : ce sont des contenus de tiers, ni financés ni produits par le "
        "Département. Une version accessible peut être demandée par le formulaire de contact.</li>"
        "<li>Les vidéos de tiers diffusées depuis leur propre plateforme (YouTube, Vimeo…) et "
        "le lecteur de ces plateformes.</li>"
        "<li>Les fichiers bureautiques publiés avant le 23 septembre 2018.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Établissement de cette déclaration d'accessibilité", "level": "h2"}),
    (
        "paragraph",
        rich(f"Cette déclaration a été établie le {ACCESSIBILITY_STATEMENT_DATE}.")
        + "<h3>Technologies utilisées pour la réalisation du portail</h3>"
        "<ul><li>HTML5</li><li>CSS</li><li>JavaScript (en amélioration progressive : le portail "
        "s'utilise sans)</li><li>WAI-ARIA</li></ul>"
        "<h3>Outils utilisés pour vérifier l'accessibilité</h3>"
        "<ul><li>axe-core (contrôles automatiques, navigateur Chromium)</li></ul>"
        "<h3>Pages du portail ayant fait l'objet de la vérification</h3>"
        "<p>Un exemple de chaque type de page : accueil, bibliothèque de ressources, ressource, "
        "webinaires, webinaire, catalogue des formations, formation, séminaire, recherche, "
        "connexion, création de compte, contact, plan du site, pages légales.</p>",
    ),
    ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à l'ODPE pour "
            "être orienté vers une alternative accessible ou obtenir le contenu sous une autre "
            "forme :",
        )
        + "<ul>"
        f'<li>par le <a href="{CONTACT_URL}?objet=accessibilite">formulaire de contact</a> '
        "(objet « Un problème d'accessibilité ») ;</li>"
        f'<li>par e-mail : <a href="mailto:{DEMO_CONTACT_EMAIL}">{DEMO_CONTACT_EMAIL}</a> ;</li>'
        "<li>par courrier : Observatoire départemental de la protection de l'enfance, "
        "Département du Nord, 51 rue Gustave Delory, 59047 Lille Cedex.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Voies de recours", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au "
            "responsable du portail un défaut d'accessibilité qui vous empêche d'accéder à un "
            "contenu ou à un des services du portail et vous n'avez pas obtenu de réponse "
            "satisfaisante. Vous pouvez alors saisir le Défenseur des droits :",
        )
        + "<ul>"
        '<li>écrire un message au Défenseur des droits par son <a href="https://formulaire.'
        'defenseurdesdroits.fr/">formulaire en ligne</a> ;</li>'
        '<li>contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le '
        "délégué du Défenseur des droits dans votre région</a> ;</li>"
        '<li>appeler le <a href="tel:+33969390000">09 69 39 00 00</a> (prix d\'un appel local) ;</li>'
        "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur "
        "des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
        "</ul>",
    ),
]

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
        "Déclaration d'accessibilité",
        "État de conformité du portail au RGAA, contenus non accessibles, contact et voies de recours.",
        ACCESSIBILITY_STATEMENT,
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
                        [
                            "Nom, adresse e-mail et message envoyés par le formulaire de contact",
                            "Répondre à votre demande (transmis par e-mail à l'ODPE)",
                            "Non conservés par le portail après l'envoi (14 jours au plus dans la file d'envoi)",
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
                    "Département du Nord : écrivez par le "
                    f'<a href="{CONTACT_URL}?objet=donnees-personnelles">formulaire de contact</a> '
                    "(objet « Mes données personnelles ») ou à "
                    f'<a href="mailto:{DEMO_CONTACT_EMAIL}">{DEMO_CONTACT_EMAIL}</a>  : l\'ODPE '
                    "transmet votre demande au délégué.",
                    "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
                    'réclamation à la CNIL (<a href="https://www.cnil.fr/fr/plaintes">www.cnil.fr</a>).',
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
    build_contact(home)
    return home


def build_contact(home):
    """The contact page, and the address its messages go to (if none is set yet)."""
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    if not portal_settings.contact_email:
        portal_settings.contact_email = DEMO_CONTACT_EMAIL
        portal_settings.save()
    return ensure_page(
        home,
        ContactPage,
        "contact",
        title="Nous contacter",
        intro="Une question sur le portail, une ressource, une formation, l'accessibilité ou vos "
        "données personnelles : écrivez à l'équipe du portail, à l'Observatoire départemental "
        "de la protection de l'enfance (ODPE).",
    )


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
