"""Demo content for the library and the referents' toolbox.

About forty public resources spread over every resource type, theme and audience, with
small real files (PDF, DOCX, ODT) generated here so that full-text search has something
to find inside them, and a private toolbox whose pages and files only the referents and
the editorial staff can see.

Idempotent like every demo builder: a resource that exists already is left as it is, and
its files are neither regenerated nor attached again."""

import io
from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile

from wagtail.models import Collection

from accounts.groups import restrict_collection_to_referents, restrict_to_referents
from demo.builders.common import (
    Terms,
    accordion,
    callout,
    day,
    ensure_page,
    get_home_page,
    heading,
    para,
    rich,
    stream,
)
from home.models import ContentPage
from library.models import (
    LibraryDocument,
    LibraryIndexPage,
    ResourceFile,
    ResourcePage,
    ToolboxPage,
)

PUBLIC_COLLECTION = "Ressources"
TOOLBOX_COLLECTION = "Boîte à outils des référents"

# Words that appear only inside a resource's files (never in its title, intro or body):
# a search for one of them must find the resource through its files' text.
WORDS_ONLY_IN_FILES = {
    "violentomètre": "reglette-de-reperage-des-violences-dans-les-relations-amoureuses",
    "téléprotection": "fiche-reflexe-danger-immediat",
    "désistance": "responsabiliser-les-auteurs-de-violences",
    "amnésie": "inceste-synthese-des-travaux-de-la-ciivise",
    "transidentité": "accueillir-les-personnes-lgbt-victimes-de-violences",
    "gaslighting": "domestic-abuse-you-are-not-alone",
}

# A file whose name says PDF but whose bytes are not: editors see the extraction warning.
BROKEN_FILE_TITLE = "Violences pendant la grossesse - version numérisée de 2020"


@dataclass(frozen=True)
class File:
    name: str
    title: str
    text: tuple = ()
    label: str = ""
    language: str = "fr"
    broken: bool = False


@dataclass(frozen=True)
class Resource:
    slug: str
    title: str
    kind: str
    themes: tuple
    audiences: tuple
    organisation: str
    published_on: date
    intro: str
    body: tuple
    files: tuple = ()
    updated_on: date | None = None
    review_due: date | None = None
    external_url: str = ""
    related: tuple = ()


def quote(text, source):
    return ("quote", {"text": text, "source": source})


DANGER = callout(
    "En cas de danger immédiat",
    "Appelez le 17 (ou le 112). Une personne qui ne peut pas parler peut envoyer un SMS au 114. "
    "Violences Femmes Info : 3919. Enfance en danger : 119.",
    kind="warning",
)

ODPE = "Département du Nord - ODPE"


RESOURCES = [
    # --- Guides --------------------------------------------------------------------------------
    Resource(
        slug="reperer-les-violences-conjugales-en-pmi",
        title="Repérer et accompagner les violences conjugales en PMI",
        kind="guide",
        themes=("violences-conjugales", "reperage"),
        audiences=("pmi",),
        organisation=ODPE,
        published_on=day("2024-03-12"),
        updated_on=day("2025-09-02"),
        review_due=day("2027-03-31"),
        intro="Un guide pratique pour les professionnels de PMI : poser la question des violences "
        "à chaque entretien, reconnaître les signaux faibles pendant la grossesse et après la "
        "naissance, et orienter sans mettre la personne en danger.",
        body=(
            heading("Pourquoi la PMI est un lieu de repérage"),
            para(
                "Les consultations prénatales, les visites à domicile et le suivi des jeunes enfants "
                "abordent l'intimité et la vie familiale : ce sont des moments privilégiés pour "
                "ouvrir la discussion sur les violences dans le couple.",
                "Le guide propose des formulations simples, testées avec des puéricultrices et des "
                "sages-femmes des territoires.",
            ),
            heading("Ce que contient le guide"),
            para(
                "Des repères sur le questionnement systématique, une liste de signaux d'alerte chez "
                "la mère et chez l'enfant, des conseils pour l'entretien seul à seul et une fiche "
                "de liaison vers le service social de proximité."
            ),
            DANGER,
        ),
        files=(
            File(
                "guide-reperage-vif-pmi.pdf",
                "Guide de repérage des violences conjugales en PMI",
                (
                    "Ce guide s'adresse aux sages-femmes, puéricultrices, médecins et auxiliaires de "
                    "puériculture de la protection maternelle et infantile.",
                    "Poser la question à chaque entretien, y compris quand rien ne semble l'indiquer : "
                    "le questionnement systématique lève le tabou et montre à la personne que le "
                    "service peut l'entendre.",
                    "Recevoir la personne seule, sans le conjoint ni un enfant en âge de parler, et "
                    "noter dans le dossier les éléments observés avec ses propres mots.",
                ),
                label="Guide complet",
            ),
            File(
                "fiche-de-liaison-pmi-ssp.docx",
                "Fiche de liaison PMI - service social de proximité",
                (
                    "Fiche de liaison à compléter avec l'accord de la personne avant toute orientation "
                    "vers le service social de proximité.",
                    "Rubriques : motif de l'orientation, éléments de contexte partagés avec l'accord de "
                    "la personne, présence d'enfants au domicile, coordonnées sûres pour la recontacter.",
                ),
                label="Fiche de liaison à compléter",
            ),
        ),
        related=("questionnaire-de-reperage-systematique", "enfant-expose-grille-d-observation"),
    ),
    Resource(
        slug="accompagner-les-femmes-en-situation-de-handicap",
        title="Accompagner les femmes en situation de handicap victimes de violences",
        kind="guide",
        themes=("handicap", "violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation="Département du Nord - pôle autonomie et ODPE",
        published_on=day("2024-06-18"),
        review_due=day("2027-06-30"),
        intro="Les femmes en situation de handicap sont particulièrement exposées aux violences, "
        "souvent de la part d'un proche aidant. Ce guide donne des repères pour adapter "
        "l'accueil, la communication et l'orientation.",
        body=(
            para(
                "La feuille de route départementale rappelle que la grande majorité des femmes en "
                "situation de handicap seront victimes de violences au cours de leur vie. La "
                "dépendance matérielle ou affective envers l'auteur rend la révélation plus difficile."
            ),
            heading("Adapter l'accueil"),
            para(
                "Vérifier l'accessibilité des locaux et des supports, proposer un entretien sans "
                "l'aidant, prévoir un interprète en langue des signes si besoin, laisser du temps."
            ),
            accordion(
                "Questions fréquentes",
                (
                    "Que faire si l'auteur est aussi l'aidant principal ?",
                    "Anticiper la continuité de l'aide avant toute séparation : service d'aide à "
                    "domicile, hébergement adapté, lien avec la MDPH.",
                ),
                (
                    "Existe-t-il des supports en facile à lire et à comprendre ?",
                    "Oui, une fiche pratique accompagne ce guide ; elle peut être remise à la personne.",
                ),
            ),
        ),
        files=(
            File(
                "fiche-pratique-handicap-et-violences.odt",
                "Fiche pratique - handicap et violences dans le couple",
                (
                    "Fiche pratique à l'usage des professionnels du pôle autonomie et des services "
                    "sociaux : accueillir une femme en situation de handicap victime de violences.",
                    "Points de vigilance : dépendance envers un proche aidant, confiscation des aides "
                    "techniques ou des médicaments, isolement, contrôle des ressources financières.",
                    "Orienter vers un accompagnement spécialisé en veillant à l'accessibilité du lieu "
                    "d'hébergement et à la continuité des soins.",
                ),
                label="Fiche pratique (format ODT)",
            ),
        ),
        related=("violences-dans-le-couple-chez-les-personnes-agees",),
    ),
    Resource(
        slug="accueillir-les-personnes-lgbt-victimes-de-violences",
        title="Accueillir les personnes LGBT+ victimes de violences dans le couple",
        kind="guide",
        themes=("lgbt", "violences-conjugales"),
        audiences=("centres-de-sante-sexuelle", "cegidd", "partenaires-associatifs"),
        organisation="Planning familial 59",
        published_on=day("2023-05-17"),
        updated_on=day("2025-05-17"),
        review_due=day("2027-05-17"),
        intro="Les personnes LGBT+ ne se reconnaissent pas toujours dans les messages généralistes "
        "sur les violences conjugales. Repères pour un accueil sans présupposé et une orientation "
        "vers des structures formées.",
        body=(
            para(
                "Ne pas présumer du genre du ou de la partenaire, reprendre les mots de la personne, "
                "connaître les formes spécifiques de violences : menace de révéler l'orientation "
                "sexuelle, isolement de la communauté, dénigrement de l'identité."
            ),
            callout(
                "Les pairs aidants",
                "La feuille de route soutient les actions de pairs aidants pour les personnes LGBT+ "
                "victimes de violences dans le couple (action 46).",
            ),
        ),
        files=(
            File(
                "accueil-personnes-lgbt-violences-couple.pdf",
                "Accueil des personnes LGBT+ victimes de violences - repères",
                (
                    "Les violences dans les couples de même sexe ou impliquant une personne trans "
                    "restent peu repérées : la transidentité peut être utilisée par l'auteur comme "
                    "moyen de pression, de chantage ou de dénigrement.",
                    "Utiliser le prénom et les pronoms choisis par la personne, ne pas exiger de "
                    "justificatif, vérifier que la structure d'hébergement est accueillante.",
                ),
                label="Repères pour l'accueil",
            ),
        ),
    ),
    Resource(
        slug="responsabiliser-les-auteurs-de-violences",
        title="Responsabiliser les auteurs de violences : accompagnement et prévention de la répétition",
        kind="guide",
        themes=("auteurs",),
        audiences=("service-social-de-proximite", "protection-de-lenfance", "encadrement"),
        organisation=ODPE,
        published_on=day("2025-02-04"),
        review_due=day("2028-02-04"),
        intro="Pourquoi et comment travailler avec les auteurs de violences intrafamiliales, avec ou "
        "sans contrainte judiciaire : les dispositifs existants dans le Nord et la place des "
        "services départementaux.",
        body=(
            heading("Un axe de la feuille de route"),
            para(
                "Favoriser la prise de conscience et la responsabilisation des auteurs afin d'éviter "
                "la répétition des faits est l'un des trois engagements de la feuille de route VIF.",
                "Les centres de prise en charge des auteurs (CPCA), les stages de responsabilisation "
                "et les groupes de parole complètent la réponse pénale.",
            ),
            callout(
                "Sécurité des victimes d'abord",
                "Tout travail avec un auteur se construit en tenant compte de la sécurité de la "
                "victime et des enfants ; il ne remplace jamais leur protection.",
                kind="important",
            ),
        ),
        files=(
            File(
                "accompagner-les-auteurs-de-vif.pdf",
                "Accompagner les auteurs de violences intrafamiliales",
                (
                    "Les parcours de désistance supposent un accompagnement dans la durée : "
                    "reconnaissance des faits, travail sur les représentations, exercice de la "
                    "parentalité dans l'intérêt de l'enfant.",
                    "Les services départementaux peuvent repérer les demandes d'aide des auteurs sans "
                    "contrainte judiciaire et les orienter vers une structure spécialisée.",
                ),
                label="Document de présentation",
            ),
        ),
        related=("parentalite-des-auteurs-et-interet-de-l-enfant",),
    ),
    Resource(
        slug="demarches-juridiques-des-victimes",
        title="Les démarches juridiques des victimes : plainte, main courante, protection",
        kind="guide",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation="CIDFF du Nord",
        published_on=day("2022-04-05"),
        updated_on=day("2024-10-15"),
        review_due=day("2027-10-15"),
        intro="Un panorama des démarches possibles pour une victime de violences conjugales, pour "
        "l'informer sans décider à sa place et l'orienter vers un juriste spécialisé.",
        body=(
            para(
                "Les professionnels non juristes sont souvent interrogés sur la plainte, la main "
                "courante ou les mesures de protection. Ce guide présente les grandes étapes et les "
                "interlocuteurs, sans remplacer un conseil juridique personnalisé."
            ),
            accordion(
                "Les questions qui reviennent",
                (
                    "La victime doit-elle porter plainte pour être accompagnée ?",
                    "Non. L'accompagnement social et psychologique ne dépend pas du dépôt de plainte.",
                ),
                (
                    "Qui peut l'informer sur ses droits ?",
                    "Les juristes des CIDFF et les associations d'aide aux victimes proposent des "
                    "permanences gratuites et confidentielles.",
                ),
            ),
        ),
        files=(
            File(
                "demarches-juridiques-victimes-vif.pdf",
                "Démarches juridiques des victimes de violences conjugales",
                (
                    "La plainte peut être déposée dans tout commissariat ou brigade de gendarmerie ; "
                    "elle ne peut pas être refusée.",
                    "L'ordonnance de protection est délivrée par le juge aux affaires familiales ; "
                    "un avocat ou une association peut aider à constituer la demande.",
                    "Conserver les preuves (certificats médicaux, messages, attestations) dans un lieu "
                    "sûr ou auprès d'une personne de confiance.",
                ),
                label="Guide des démarches",
            ),
        ),
        related=("informer-une-victime-sur-ses-droits", "france-victimes-trouver-une-association"),
    ),
    Resource(
        slug="hebergement-et-logement-des-victimes",
        title="Hébergement et logement des victimes : les dispositifs dans le Nord",
        kind="guide",
        themes=("parcours-de-sortie", "violences-conjugales"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation=ODPE,
        published_on=day("2023-01-23"),
        review_due=day("2026-03-31"),
        intro="Mise à l'abri, hébergement d'urgence, logement adapté et accès au logement social : "
        "les dispositifs mobilisables pour sécuriser la sortie des violences.",
        body=(
            para(
                "Les ruptures dans le parcours sont des moments propices aux retours vers l'auteur. "
                "Un hébergement sûr, rapidement disponible, est souvent la condition d'une séparation."
            ),
            heading("Les étapes"),
            para(
                "Mise à l'abri immédiate par le 115, hébergement spécialisé, puis accès au logement "
                "en lien avec les bailleurs sociaux (action 64 de la feuille de route)."
            ),
            callout(
                "À mettre à jour",
                "Les coordonnées des structures évoluent : vérifiez-les avant de les transmettre.",
                kind="warning",
            ),
        ),
        files=(
            File(
                "hebergement-logement-victimes-nord.docx",
                "Dispositifs d'hébergement et de logement des victimes dans le Nord",
                (
                    "Tableau des dispositifs : mise à l'abri, centres d'hébergement spécialisés, "
                    "logements relais, accompagnement vers le logement social.",
                    "Pour les femmes enceintes ou avec des enfants de moins de trois ans, un "
                    "dispositif d'hébergement spécifique est financé par le Département.",
                ),
                label="Liste des dispositifs",
            ),
        ),
    ),
    Resource(
        slug="animer-une-seance-sur-le-consentement",
        title="Animer une séance sur le consentement avec des adolescents",
        kind="guide",
        themes=("prevention",),
        audiences=("centres-de-sante-sexuelle", "partenaires-associatifs"),
        organisation="Planning familial 59",
        published_on=day("2021-09-14"),
        updated_on=day("2024-09-10"),
        intro="Déroulé, consignes et supports pour une séance de deux heures sur le consentement "
        "et les relations égalitaires, à adapter aux collégiens et aux lycéens.",
        body=(
            para(
                "Les adolescents sont plus réceptifs aux messages de prévention portés par leurs "
                "pairs : la séance alterne jeux de positionnement, saynètes et échanges en petits groupes."
            ),
            heading("Déroulé"),
            para(
                "Présentation et règles du groupe, jeu « d'accord, pas d'accord », travail sur des "
                "situations, repères sur la loi et les ressources, évaluation."
            ),
        ),
        files=(
            File(
                "seance-consentement-adolescents.pdf",
                "Séance consentement - déroulé pour les animateurs",
                (
                    "Objectif : permettre aux jeunes de distinguer un accord libre et éclairé d'une "
                    "pression, d'un chantage ou d'une contrainte.",
                    "Matériel : cartes situations, affiches des numéros utiles, boîte à questions "
                    "anonymes pour les questions que les jeunes n'osent pas poser devant le groupe.",
                ),
                label="Déroulé de séance",
            ),
            File(
                "cartes-situations-consentement.docx",
                "Cartes situations pour la séance consentement",
                (
                    "Situation 1 : Lina reçoit des messages de son copain qui veut savoir où elle est "
                    "à chaque instant. Est-ce une preuve d'amour ?",
                    "Situation 2 : Tom se sent obligé d'envoyer une photo intime. Que peut-il faire ?",
                ),
                label="Cartes situations à imprimer",
            ),
        ),
        related=("reglette-de-reperage-des-violences-dans-les-relations-amoureuses",),
    ),
    Resource(
        slug="competences-psychosociales-et-prevention",
        title="Les compétences psychosociales, un levier de prévention des violences",
        kind="guide",
        themes=("prevention", "enfants-co-victimes"),
        audiences=("pmi", "protection-de-lenfance", "partenaires-associatifs"),
        organisation="Santé publique France",
        published_on=day("2022-11-08"),
        external_url="https://www.santepubliquefrance.fr/",
        intro="Les compétences psychosociales (gérer ses émotions, communiquer, résoudre des "
        "conflits) se développent dès le plus jeune âge. Repères pour les intégrer aux actions "
        "de prévention des violences.",
        body=(
            para(
                "Les études montrent l'intérêt d'intervenir avant l'âge de 12 ans, quand les enfants "
                "font plus facilement évoluer leurs représentations.",
                "Cette ressource présente les grandes familles de compétences et des exemples "
                "d'activités pour les professionnels de la petite enfance et de l'enfance.",
            ),
        ),
        files=(
            File(
                "competences-psychosociales-reperes.pdf",
                "Compétences psychosociales - repères pour la prévention",
                (
                    "Trois familles de compétences : cognitives, émotionnelles et sociales.",
                    "Exemples d'activités : météo des émotions en début de journée, jeux coopératifs, "
                    "conseils d'enfants pour régler les désaccords sans violence.",
                ),
                label="Synthèse",
            ),
        ),
    ),
    # --- Fiches réflexes -------------------------------------------------------------------------
    Resource(
        slug="fiche-reflexe-danger-immediat",
        title="Fiche réflexe : que faire en cas de danger immédiat ?",
        kind="fiche-reflexe",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("pmi", "service-social-de-proximite", "centres-de-sante-sexuelle"),
        organisation=ODPE,
        published_on=day("2023-06-20"),
        updated_on=day("2025-09-15"),
        review_due=day("2027-01-31"),
        intro="Une page pour agir vite quand une personne reçue en entretien est en danger : alerter, "
        "mettre à l'abri, protéger les enfants, tracer.",
        body=(
            DANGER,
            heading("Les réflexes"),
            para(
                "Évaluer avec la personne le danger immédiat ; si elle le souhaite, appeler les "
                "forces de l'ordre depuis le service ; ne jamais la laisser repartir seule vers le "
                "domicile si l'auteur l'attend ; informer son encadrement."
            ),
            para(
                "Si des enfants sont exposés, transmettre une information préoccupante à la CRIP ; "
                "en cas de danger grave et immédiat, saisir directement le procureur de la République."
            ),
        ),
        files=(
            File(
                "fiche-reflexe-danger-immediat.pdf",
                "Fiche réflexe - danger immédiat",
                (
                    "Danger immédiat : appeler le 17 ou le 112, ou envoyer un SMS au 114.",
                    "Après l'urgence, informer la personne des dispositifs de téléprotection "
                    "(téléphone grave danger) que le procureur peut attribuer, et du bracelet "
                    "anti-rapprochement.",
                    "Noter l'heure, les faits rapportés et les démarches effectuées.",
                ),
                label="Fiche à afficher",
            ),
        ),
        related=("depliant-numeros-utiles", "evaluer-le-danger-reperes"),
    ),
    Resource(
        slug="violences-dans-le-couple-chez-les-personnes-agees",
        title="Violences dans le couple chez les personnes âgées : repères",
        kind="fiche-reflexe",
        themes=("personnes-agees", "violences-conjugales", "reperage"),
        audiences=("service-social-de-proximite",),
        organisation="Département du Nord - pôle autonomie",
        published_on=day("2023-10-03"),
        intro="Les violences conjugales ne s'arrêtent pas avec l'âge. Repères pour les reconnaître "
        "chez les couples âgés, souvent confondues avec l'épuisement de l'aidant ou la maladie.",
        body=(
            para(
                "Selon la feuille de route départementale, les couples de plus de 70 ans représentent "
                "une part importante des situations recensées. Les violences sont souvent anciennes "
                "et banalisées, ou aggravées par la perte d'autonomie."
            ),
            accordion(
                "Repérer",
                (
                    "Quels signes doivent alerter ?",
                    "Blessures inexpliquées, peur du conjoint, isolement soudain, refus des visites "
                    "à domicile, contrôle des ressources.",
                ),
                (
                    "À qui s'adresser ?",
                    "Au pôle autonomie du territoire et aux associations d'aide aux victimes ; le "
                    "3977 est le numéro national contre les maltraitances des personnes âgées.",
                ),
            ),
        ),
        files=(
            File(
                "fiche-couples-ages-violences.pdf",
                "Fiche repères - couples âgés et violences conjugales",
                (
                    "Chez les personnes âgées, les violences conjugales prennent souvent la forme "
                    "d'une maltraitance financière, d'une privation de soins ou d'un isolement organisé.",
                    "Le professionnel qui intervient à domicile est parfois le seul témoin extérieur.",
                ),
                label="Fiche repères",
            ),
        ),
    ),
    Resource(
        slug="reveler-l-inceste-accueillir-la-parole-de-l-enfant",
        title="Révélation d'inceste : accueillir la parole de l'enfant",
        kind="fiche-reflexe",
        themes=("inceste", "enfants-co-victimes"),
        audiences=("protection-de-lenfance", "pmi"),
        organisation=ODPE,
        published_on=day("2024-11-20"),
        review_due=day("2027-11-20"),
        intro="Quand un enfant se confie, la première réponse compte. Ce qu'il faut dire, ce qu'il "
        "faut éviter, et les démarches à engager le jour même.",
        body=(
            quote(
                "On te croit. Tu as bien fait de le dire. Ce n'est pas de ta faute.",
                "Les trois phrases à dire",
            ),
            para(
                "Écouter sans interroger, noter les mots exacts de l'enfant, ne pas confronter "
                "l'enfant à l'adulte mis en cause, ne pas promettre de garder le secret."
            ),
            callout(
                "Signaler",
                "Une information préoccupante ou un signalement au procureur doit être fait sans "
                "délai ; votre encadrement et la CRIP peuvent vous appuyer.",
                kind="important",
            ),
        ),
        files=(
            File(
                "fiche-reflexe-revelation-inceste.pdf",
                "Fiche réflexe - révélation de violences sexuelles par un enfant",
                (
                    "Accueillir la révélation : rester calme, écouter, remercier l'enfant de sa "
                    "confiance, lui expliquer ce qui va se passer ensuite.",
                    "Ne pas mener d'audition : ce travail revient aux enquêteurs spécialisés.",
                ),
                label="Fiche réflexe",
            ),
        ),
        related=("inceste-synthese-des-travaux-de-la-ciivise",),
    ),
    Resource(
        slug="informer-une-victime-sur-ses-droits",
        title="Informer une victime sur ses droits : les points clés",
        kind="fiche-reflexe",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "cegidd", "partenaires-associatifs"),
        organisation="CNIDFF",
        published_on=day("2020-03-08"),
        updated_on=day("2023-03-08"),
        review_due=day("2026-06-30"),
        intro="Les informations essentielles à transmettre à une victime de violences conjugales, et "
        "les structures vers lesquelles l'orienter pour un accompagnement juridique.",
        body=(
            para(
                "Une victime informée de ses droits peut choisir ses démarches à son rythme. Le rôle "
                "du professionnel est d'informer et d'orienter, pas de décider."
            ),
            heading("Les points clés"),
            para(
                "Le droit de porter plainte, la possibilité d'être accompagnée, la protection des "
                "enfants, le droit au logement, les aides financières d'urgence."
            ),
        ),
        files=(
            File(
                "droits-des-victimes-points-cles.pdf",
                "Droits des victimes de violences conjugales - points clés",
                (
                    "Les CIDFF proposent une information juridique gratuite et confidentielle sur le "
                    "droit de la famille, le droit pénal et les droits sociaux.",
                    "La victime peut se faire accompagner par la personne de son choix lors de ses démarches.",
                ),
                label="Fiche points clés",
            ),
        ),
    ),
    Resource(
        slug="violences-et-insertion-professionnelle",
        title="Violences dans le couple et insertion professionnelle : adapter l'accompagnement",
        kind="fiche-reflexe",
        themes=("parcours-de-sortie", "violences-conjugales"),
        audiences=("service-social-de-proximite", "encadrement"),
        organisation=ODPE,
        published_on=day("2025-04-08"),
        intro="Les démarches judiciaires, les rendez-vous d'accompagnement et la monoparentalité "
        "nouvelle pèsent sur les parcours d'insertion. Propositions pour adapter les contrats "
        "et les attentes.",
        body=(
            para(
                "La feuille de route prévoit d'adapter les dispositifs d'insertion socio-professionnelle "
                "aux victimes de violences conjugales (action 70) : absences liées aux audiences, "
                "déménagements, garde des enfants."
            ),
            para(
                "Cette fiche propose des repères aux référents d'insertion pour éviter qu'une "
                "sanction ne vienne fragiliser un parcours de sortie des violences."
            ),
        ),
        files=(
            File(
                "insertion-professionnelle-victimes.docx",
                "Insertion professionnelle des victimes - propositions",
                (
                    "Propositions : souplesse sur les rendez-vous manqués pour motif lié aux "
                    "violences, réexamen du contrat d'engagement, priorité sur les solutions de garde.",
                    "Un référent unique évite à la personne de raconter plusieurs fois son histoire.",
                ),
                label="Propositions",
            ),
        ),
    ),
    Resource(
        slug="cyberviolences-dans-le-couple",
        title="Cyberviolences dans le couple : repérer et conseiller",
        kind="fiche-reflexe",
        themes=("violences-conjugales", "prevention", "reperage"),
        audiences=("centres-de-sante-sexuelle", "cegidd", "service-social-de-proximite"),
        organisation="CIDFF du Nord",
        published_on=day("2022-06-28"),
        updated_on=day("2025-01-20"),
        intro="Surveillance du téléphone, géolocalisation, diffusion d'images intimes : repérer les "
        "cyberviolences et donner des conseils simples de sécurité numérique.",
        body=(
            para(
                "Les outils numériques prolongent le contrôle exercé par le partenaire violent, "
                "y compris après la séparation."
            ),
            accordion(
                "Conseils à transmettre",
                (
                    "Comment sécuriser son téléphone ?",
                    "Changer les codes depuis un appareil sûr, vérifier les applications installées "
                    "et les partages de position.",
                ),
                (
                    "Faut-il supprimer les messages ?",
                    "Non : ils peuvent servir de preuves. Les conserver et en faire des captures.",
                ),
            ),
        ),
        files=(
            File(
                "cyberviolences-couple-conseils.pdf",
                "Cyberviolences dans le couple - conseils de sécurité numérique",
                (
                    "Logiciels espions, comptes partagés, objets connectés du domicile : faire le "
                    "point avec la personne sur les appareils que l'auteur a pu configurer.",
                    "Créer une adresse électronique connue d'elle seule pour ses démarches.",
                ),
                label="Conseils de sécurité numérique",
            ),
        ),
    ),
    # --- Études et rapports -------------------------------------------------------------------------
    Resource(
        slug="diagnostic-interne-des-pratiques-de-reperage",
        title="Diagnostic interne des pratiques de repérage des VIF : synthèse",
        kind="etude-ou-rapport",
        themes=("reperage",),
        audiences=("encadrement", "pmi", "service-social-de-proximite"),
        organisation=ODPE,
        published_on=day("2024-01-30"),
        intro="Synthèse du diagnostic mené auprès des équipes départementales : ce qui se fait déjà "
        "en matière de repérage, les freins exprimés par les professionnels et les pistes retenues.",
        body=(
            para(
                "Le diagnostic s'appuie sur des entretiens et des ateliers avec les équipes de PMI, "
                "des centres de santé sexuelle, des SSP et de la protection de l'enfance."
            ),
            heading("Principaux enseignements"),
            para(
                "Des pratiques riches mais inégales selon les territoires, un besoin de repères "
                "communs, de temps d'échange et d'outils d'orientation à jour."
            ),
        ),
        files=(
            File(
                "diagnostic-interne-reperage-synthese.pdf",
                "Diagnostic interne des pratiques de repérage - synthèse",
                (
                    "Les professionnels interrogés citent trois freins : la crainte de ne pas savoir "
                    "quoi faire après la révélation, le manque de temps, et la présence du conjoint "
                    "lors des entretiens.",
                    "Pistes retenues : questionnement systématique, réseau de référents, annuaire "
                    "territorial des partenaires.",
                ),
                label="Synthèse du diagnostic",
            ),
        ),
        related=("questionnaire-de-reperage-systematique",),
    ),
    Resource(
        slug="inceste-synthese-des-travaux-de-la-ciivise",
        title="Inceste et violences sexuelles faites aux enfants : synthèse des travaux de la CIIVISE",
        kind="etude-ou-rapport",
        themes=("inceste", "enfants-co-victimes"),
        audiences=("protection-de-lenfance", "encadrement"),
        organisation="CIIVISE - synthèse ODPE",
        published_on=day("2024-02-13"),
        intro="Une note de lecture des travaux de la Commission indépendante sur l'inceste et les "
        "violences sexuelles faites aux enfants, et de leurs propositions pour les professionnels.",
        body=(
            para(
                "La CIIVISE a recueilli un très grand nombre de témoignages et formulé des "
                "propositions sur le repérage, le traitement judiciaire, la réparation et la prévention.",
                "Cette note en retient ce qui concerne directement les services départementaux.",
            ),
            callout(
                "Le repérage systématique",
                "Parmi les propositions : poser systématiquement la question des violences sexuelles "
                "aux enfants et aux adultes, dans les lieux de soin et d'accompagnement.",
            ),
        ),
        files=(
            File(
                "note-de-lecture-ciivise.pdf",
                "Note de lecture - travaux de la CIIVISE",
                (
                    "Les témoignages recueillis décrivent des révélations souvent tardives, parfois "
                    "après une longue période d'amnésie traumatique.",
                    "Propositions retenues pour le Département : repérage systématique, formation des "
                    "professionnels, soutien aux groupes de parole.",
                ),
                label="Note de lecture",
            ),
        ),
        related=("reveler-l-inceste-accueillir-la-parole-de-l-enfant",),
    ),
    Resource(
        slug="rapport-sur-l-etat-du-sexisme",
        title="Rapport annuel sur l'état du sexisme en France : repères",
        kind="etude-ou-rapport",
        themes=("prevention",),
        audiences=("encadrement", "partenaires-associatifs"),
        organisation="HCE - Haut Conseil à l'Égalité entre les femmes et les hommes",
        published_on=day("2024-01-22"),
        external_url="https://www.haut-conseil-egalite.gouv.fr/",
        intro="Le Haut Conseil à l'Égalité publie chaque année un rapport sur l'état du sexisme. "
        "Nos repères de lecture pour les actions de prévention des violences.",
        body=(
            para(
                "Le sexisme ordinaire est le terreau des violences. Le rapport du HCE éclaire les "
                "représentations, notamment chez les jeunes, et formule des propositions."
            ),
        ),
        files=(
            File(
                "reperes-rapport-etat-du-sexisme.pdf",
                "Repères de lecture - rapport sur l'état du sexisme",
                (
                    "Le rapport distingue le sexisme dit bienveillant, les stéréotypes et les "
                    "violences : un continuum sur lequel agir dès l'école.",
                    "Pistes pour nos actions : éducation à l'égalité, vigilance sur les contenus "
                    "en ligne, formation des professionnels.",
                ),
                label="Repères de lecture",
            ),
        ),
    ),
    Resource(
        slug="violences-et-sante-des-femmes",
        title="Violences et santé des femmes : ce que disent les enquêtes",
        kind="etude-ou-rapport",
        themes=("violences-conjugales", "reperage"),
        audiences=("pmi", "centres-de-sante-sexuelle", "cegidd"),
        organisation="Santé publique France",
        published_on=day("2021-11-25"),
        review_due=day("2026-11-01"),
        intro="Synthèse des connaissances sur les conséquences des violences sur la santé physique "
        "et psychique, pour les professionnels de santé du Département.",
        body=(
            para(
                "Les violences ont des conséquences durables sur la santé : troubles anxieux, "
                "dépression, addictions, douleurs chroniques, complications pendant la grossesse.",
                "Les consultations de santé sont donc un lieu de repérage essentiel.",
            ),
        ),
        files=(
            File(
                "violences-et-sante-synthese.pdf",
                "Violences et santé des femmes - synthèse des connaissances",
                (
                    "Le psychotraumatisme se manifeste par des reviviscences, des évitements et un "
                    "état d'alerte permanent ; il peut être pris en charge.",
                    "Les professionnels de santé sont souvent les premiers interlocuteurs des victimes.",
                ),
                label="Synthèse",
            ),
        ),
        related=("recommandation-has-reperage-des-femmes-victimes",),
    ),
    Resource(
        slug="violences-pendant-la-grossesse-revue-de-litterature",
        title="Violences conjugales pendant la grossesse : revue de la littérature",
        kind="etude-ou-rapport",
        themes=("violences-conjugales", "enfants-co-victimes", "reperage"),
        audiences=("pmi",),
        organisation=ODPE,
        published_on=day("2020-02-11"),
        review_due=day("2024-12-31"),
        intro="La grossesse peut être un moment de déclenchement ou d'aggravation des violences. "
        "Revue des publications et conséquences pour le suivi prénatal en PMI.",
        body=(
            para(
                "Cette revue rassemble des travaux français et internationaux sur les violences "
                "pendant la grossesse et après la naissance, et en tire des repères pour les "
                "sages-femmes de PMI."
            ),
            callout(
                "Ressource ancienne",
                "Publiée en 2020, cette revue doit être réexaminée à la lumière des travaux récents.",
                kind="warning",
            ),
        ),
        files=(
            File(
                "revue-litterature-grossesse-violences.pdf",
                "Violences pendant la grossesse - revue de la littérature",
                (
                    "Les publications convergent : la grossesse n'est pas un facteur de protection, "
                    "et le suivi prénatal offre des occasions répétées de repérage.",
                    "L'entretien prénatal précoce est un moment propice pour poser la question.",
                ),
                label="Revue de la littérature",
            ),
            File(
                "revue-grossesse-2020-scan.pdf",
                BROKEN_FILE_TITLE,
                label="Version numérisée d'origine",
                broken=True,
            ),
        ),
    ),
    Resource(
        slug="enfants-exposes-etat-des-connaissances",
        title="Enfants exposés aux violences conjugales : état des connaissances",
        kind="etude-ou-rapport",
        themes=("enfants-co-victimes",),
        audiences=("protection-de-lenfance", "pmi"),
        organisation=ODPE,
        published_on=day("2021-06-15"),
        updated_on=day("2024-06-15"),
        intro="Ce que la recherche dit des effets de l'exposition aux violences conjugales sur le "
        "développement de l'enfant, et des besoins des enfants co-victimes.",
        body=(
            para(
                "L'enfant exposé aux violences conjugales est une victime à part entière. Les effets "
                "touchent la sécurité affective, le sommeil, les apprentissages et la santé.",
                "La feuille de route souligne que le risque de violences sexuelles sur les enfants "
                "est plus élevé dans les familles marquées par les violences conjugales.",
            ),
        ),
        files=(
            File(
                "enfants-exposes-etat-des-connaissances.pdf",
                "Enfants exposés aux violences conjugales - état des connaissances",
                (
                    "Chez le tout-petit, l'exposition se traduit par des troubles du sommeil et de "
                    "l'alimentation ; chez l'enfant plus grand, par des troubles du comportement ou "
                    "une hyper-maturité.",
                    "Le soutien du parent protecteur est le premier facteur de résilience.",
                ),
                label="État des connaissances",
            ),
        ),
        related=("enfant-co-victime-reperes-en-video", "enfant-expose-grille-d-observation"),
    ),
    Resource(
        slug="parentalite-des-auteurs-et-interet-de-l-enfant",
        title="Parentalité des auteurs de violences et intérêt de l'enfant : propositions",
        kind="etude-ou-rapport",
        themes=("auteurs", "enfants-co-victimes"),
        audiences=("protection-de-lenfance", "encadrement"),
        organisation=ODPE,
        published_on=day("2025-10-07"),
        intro="Propositions de travail issues d'un groupe pluridisciplinaire : comment penser les "
        "relations entre l'enfant et le parent auteur de violences, sans mettre en danger "
        "l'enfant ni le parent protecteur.",
        body=(
            para(
                "Visites médiatisées, espaces de rencontre, lieux neutres : le groupe a examiné les "
                "outils existants et formule des propositions pour les équipes de protection de l'enfance."
            ),
        ),
        files=(
            File(
                "parentalite-auteurs-propositions.docx",
                "Parentalité des auteurs de violences - propositions du groupe de travail",
                (
                    "Le groupe de travail a réuni des éducateurs, des psychologues, des juristes et "
                    "des professionnels d'espaces de rencontre.",
                    "Proposition 1 : évaluer la capacité du parent auteur à reconnaître l'impact des "
                    "violences sur l'enfant avant d'élargir les droits de visite.",
                ),
                label="Propositions",
            ),
        ),
    ),
    # --- Outils de repérage ------------------------------------------------------------------------
    Resource(
        slug="reglette-de-reperage-des-violences-dans-les-relations-amoureuses",
        title="Réglette de repérage des violences dans les relations amoureuses des jeunes",
        kind="outil-de-reperage",
        themes=("prevention", "reperage"),
        audiences=("centres-de-sante-sexuelle", "cegidd"),
        organisation="Département du Nord - centres de santé sexuelle",
        published_on=day("2022-02-14"),
        updated_on=day("2025-02-14"),
        intro="Une réglette colorée pour aider les jeunes à situer leur relation amoureuse : ce qui "
        "relève d'une relation saine, ce qui doit alerter, et quand demander de l'aide.",
        body=(
            para(
                "Utilisée en consultation ou en animation collective, la réglette ouvre la "
                "discussion sans jugement. Elle se remet aux jeunes avec les numéros utiles."
            ),
            accordion(
                "Utiliser la réglette",
                (
                    "En consultation",
                    "La proposer comme un support parmi d'autres, laisser le jeune la lire, puis "
                    "lui demander ce qui lui parle.",
                ),
                (
                    "En animation collective",
                    "Faire classer des situations par les jeunes eux-mêmes avant de présenter l'outil.",
                ),
            ),
        ),
        files=(
            File(
                "reglette-relations-amoureuses.pdf",
                "Réglette des relations amoureuses - version à imprimer",
                (
                    "Le violentomètre classe les comportements du partenaire en trois zones : "
                    "profite (la relation est saine), vigilance (dis stop) et protège-toi (tu es en danger).",
                    "Outil conçu par des observatoires départementaux des violences envers les femmes "
                    "et l'association En avant toute(s), reproduit ici pour les consultations.",
                ),
                label="Version à imprimer",
            ),
        ),
        related=("animer-une-seance-sur-le-consentement",),
    ),
    Resource(
        slug="questionnaire-de-reperage-systematique",
        title="Questionnaire de repérage systématique en entretien",
        kind="outil-de-reperage",
        themes=("reperage", "violences-conjugales"),
        audiences=("pmi", "centres-de-sante-sexuelle", "cegidd"),
        organisation=ODPE,
        published_on=day("2024-05-21"),
        review_due=day("2026-09-30"),
        intro="Quelques questions simples, à poser à chaque entretien dans les PMI, les centres de "
        "santé sexuelle et les CeGIDD, co-construites avec les équipes de terrain.",
        body=(
            para(
                "Le questionnaire s'inscrit dans l'action 24 de la feuille de route : travailler en "
                "co-construction sur le repérage des VIF au sein des réseaux PMI, CSS et CeGIDD."
            ),
            heading("Comment l'utiliser"),
            para(
                "Introduire les questions comme une pratique habituelle du service, toujours en "
                "l'absence du partenaire, et avoir sous la main les coordonnées d'orientation."
            ),
        ),
        files=(
            File(
                "questionnaire-reperage-systematique.docx",
                "Questionnaire de repérage systématique",
                (
                    "Question d'introduction : « Nous posons ces questions à toutes les personnes que "
                    "nous recevons, car la violence est fréquente et a des effets sur la santé. »",
                    "Vous êtes-vous déjà sentie humiliée, contrôlée ou menacée par votre partenaire ?",
                    "Avez-vous peur de rentrer chez vous ?",
                ),
                label="Questionnaire modifiable",
            ),
        ),
    ),
    Resource(
        slug="evaluer-le-danger-reperes",
        title="Évaluer le danger : repères pour une première évaluation",
        kind="outil-de-reperage",
        themes=("violences-conjugales", "reperage", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation="France Victimes 59",
        published_on=day("2022-09-27"),
        updated_on=day("2024-11-25"),
        intro="Une grille de questions pour apprécier avec la victime le niveau de danger et "
        "construire un plan de mise en sécurité adapté.",
        body=(
            para(
                "L'évaluation du danger ne se fait pas à la place de la victime : elle l'aide à "
                "prendre conscience des risques et à préparer ses démarches."
            ),
            callout(
                "Signaux de danger grave",
                "Menaces de mort, strangulation, accès à une arme, séparation récente ou annoncée, "
                "violences pendant la grossesse : orientez sans attendre.",
                kind="important",
            ),
        ),
        files=(
            File(
                "grille-evaluation-du-danger.pdf",
                "Grille d'évaluation du danger - violences conjugales",
                (
                    "La grille comprend une vingtaine de questions sur la fréquence et la gravité des "
                    "violences, le comportement de l'auteur et la situation des enfants.",
                    "Plan de mise en sécurité : documents importants, sac prêt, personne à prévenir, "
                    "itinéraire vers un lieu sûr.",
                ),
                label="Grille d'évaluation",
            ),
            File(
                "plan-de-mise-en-securite.docx",
                "Plan de mise en sécurité à construire avec la victime",
                (
                    "Ce plan se construit avec la victime et lui appartient : elle décide de ce qu'elle "
                    "garde sur elle et de ce qu'elle confie à une personne de confiance.",
                ),
                label="Plan de mise en sécurité",
            ),
        ),
        related=("fiche-reflexe-danger-immediat",),
    ),
    Resource(
        slug="enfant-expose-grille-d-observation",
        title="L'enfant exposé aux violences : grille d'observation",
        kind="outil-de-reperage",
        themes=("enfants-co-victimes", "reperage"),
        audiences=("pmi", "protection-de-lenfance"),
        organisation=ODPE,
        published_on=day("2023-04-04"),
        intro="Une grille d'observation par tranche d'âge pour repérer les signes que peut présenter "
        "un enfant exposé aux violences conjugales, à utiliser en équipe.",
        body=(
            para(
                "Aucun signe n'est spécifique : c'est leur accumulation et leur évolution qui doivent "
                "alerter. La grille aide à objectiver les observations avant une évaluation."
            ),
        ),
        files=(
            File(
                "grille-observation-enfant-expose.pdf",
                "Grille d'observation - enfant exposé aux violences conjugales",
                (
                    "De 0 à 3 ans : pleurs inconsolables, troubles du sommeil, retard de développement.",
                    "De 3 à 6 ans : régressions, agressivité, peur des séparations.",
                    "Après 6 ans : difficultés scolaires, repli, parentification.",
                ),
                label="Grille d'observation",
            ),
        ),
    ),
    # --- Supports de communication ------------------------------------------------------------
    Resource(
        slug="affiche-violences-conjugales-parlons-en",
        title="Affiche « Violences conjugales : parlons-en »",
        kind="support-de-communication",
        themes=("violences-conjugales", "prevention"),
        audiences=("pmi", "centres-de-sante-sexuelle", "service-social-de-proximite"),
        organisation="Département du Nord",
        published_on=day("2024-11-25"),
        intro="L'affiche de la campagne départementale, à apposer dans les salles d'attente et les "
        "lieux d'accueil du public pour signaler que le sujet peut être abordé.",
        body=(
            para(
                "Afficher le sujet, c'est montrer aux personnes accueillies qu'elles peuvent en "
                "parler. L'affiche existe en format A3 et A4."
            ),
        ),
        files=(
            File(
                "affiche-parlons-en-a3.pdf",
                "Affiche Violences conjugales, parlons-en (A3)",
                (
                    "Vous vivez des violences dans votre couple ? Vous n'êtes pas seule. Parlez-en "
                    "aux professionnels de ce lieu.",
                    "3919, Violences Femmes Info : anonyme et gratuit, 24 heures sur 24.",
                ),
                label="Affiche A3",
            ),
        ),
        related=("kit-de-communication-de-la-campagne-vif",),
    ),
    Resource(
        slug="depliant-numeros-utiles",
        title="Dépliant des numéros utiles",
        kind="support-de-communication",
        themes=("violences-conjugales", "enfants-co-victimes", "parcours-de-sortie"),
        audiences=("pmi", "service-social-de-proximite", "cegidd", "partenaires-associatifs"),
        organisation=ODPE,
        published_on=day("2023-03-08"),
        updated_on=day("2025-03-08"),
        review_due=day("2026-10-01"),
        intro="Un dépliant de petit format, facile à glisser dans une poche, qui rassemble les "
        "numéros d'urgence et d'écoute pour les victimes et les enfants.",
        body=(
            DANGER,
            para("Format discret, pensé pour ne pas attirer l'attention de l'auteur."),
        ),
        files=(
            File(
                "depliant-numeros-utiles.pdf",
                "Dépliant numéros utiles",
                (
                    "Police et gendarmerie : 17. Urgences : 112. SMS pour les personnes sourdes ou qui "
                    "ne peuvent pas parler : 114.",
                    "Violences Femmes Info : 3919. Enfance en danger : 119. Aide aux victimes : 116 006.",
                ),
                label="Dépliant à imprimer",
            ),
        ),
    ),
    Resource(
        slug="exposition-itinerante-de-prevention",
        title="Exposition itinérante de prévention des VIF : livret",
        kind="support-de-communication",
        themes=("prevention",),
        audiences=("partenaires-associatifs", "centres-de-sante-sexuelle"),
        organisation=ODPE,
        published_on=day("2025-06-10"),
        intro="Le livret de l'exposition itinérante réalisée avec les équipes de terrain : panneaux, "
        "pistes d'animation et conditions de prêt.",
        body=(
            para(
                "L'exposition circule dans les territoires (action 41 de la feuille de route). Elle "
                "se compose de dix panneaux et peut être accompagnée d'un temps d'échange animé."
            ),
            heading("Réserver l'exposition"),
            para("Les demandes de prêt sont à adresser à l'ODPE au moins deux mois à l'avance."),
        ),
        files=(
            File(
                "livret-exposition-itinerante.pdf",
                "Livret de l'exposition itinérante de prévention",
                (
                    "Panneau 1 : les violences dans le couple, de quoi parle-t-on ? Panneau 5 : les "
                    "enfants aussi sont victimes. Panneau 10 : où trouver de l'aide dans le Nord.",
                    "Pistes d'animation : visite commentée, quiz, recueil de réactions anonymes.",
                ),
                label="Livret",
            ),
        ),
    ),
    Resource(
        slug="kit-de-communication-de-la-campagne-vif",
        title="Kit de communication de la campagne départementale VIF",
        kind="support-de-communication",
        themes=("prevention", "violences-conjugales"),
        audiences=("encadrement", "partenaires-associatifs"),
        organisation="Département du Nord - direction de la communication",
        published_on=day("2026-02-03"),
        review_due=day("2027-02-03"),
        intro="Visuels, messages types et charte graphique de la campagne départementale, pour des "
        "supports cohérents dans tous les territoires.",
        body=(
            para(
                "Le kit permet aux services et aux partenaires de réaliser leurs propres supports en "
                "reprenant la charte graphique de la campagne (action 66)."
            ),
        ),
        files=(
            File(
                "kit-communication-campagne-vif.pdf",
                "Kit de communication - campagne VIF",
                (
                    "Messages types pour les réseaux sociaux, les journaux municipaux et les écrans "
                    "des salles d'attente.",
                    "Règles d'usage du logo et des couleurs de la campagne.",
                ),
                label="Kit de communication",
            ),
            File(
                "messages-types-campagne-vif.docx",
                "Messages types de la campagne VIF",
                (
                    "Message court : Violences dans le couple, vous n'êtes pas seule. 3919.",
                    "Message long : des professionnels vous écoutent et vous accompagnent dans tout le Nord.",
                ),
                label="Messages types modifiables",
            ),
        ),
    ),
    Resource(
        slug="domestic-abuse-you-are-not-alone",
        title="Dépliant en anglais pour les victimes non francophones",
        kind="support-de-communication",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "cegidd", "partenaires-associatifs"),
        organisation=ODPE,
        published_on=day("2025-11-25"),
        intro="La version anglaise du dépliant d'information, à remettre aux victimes qui ne lisent "
        "pas le français : les formes de violences, leurs droits et les numéros utiles.",
        body=(
            para(
                "Les victimes étrangères ou non francophones cumulent les obstacles : langue, "
                "isolement, méconnaissance de leurs droits, parfois dépendance administrative.",
                "D'autres langues sont en préparation.",
            ),
        ),
        files=(
            File(
                "domestic-abuse-leaflet-en.pdf",
                "Domestic abuse: you are not alone (English leaflet)",
                (
                    "Domestic abuse is not only physical violence. Control, threats, humiliation and "
                    "gaslighting, when your partner makes you doubt your own memory, are abuse too.",
                    "You have rights in France whatever your residence status. Call 3919 for free "
                    "advice; interpreters can be arranged.",
                ),
                label="Leaflet (English)",
                language="en",
            ),
        ),
    ),
    # --- Textes de référence --------------------------------------------------------------------
    Resource(
        slug="feuille-de-route-vif-2023-2026",
        title="Feuille de route VIF 2023-2026 du Département du Nord",
        kind="texte-de-reference",
        themes=("prevention", "reperage", "parcours-de-sortie"),
        audiences=("encadrement", "pmi", "service-social-de-proximite", "protection-de-lenfance"),
        organisation="Département du Nord",
        published_on=day("2023-03-07"),
        intro="Le texte de la feuille de route départementale pour la prévention et la lutte contre "
        "les violences intrafamiliales : identifier, prévenir, agir de manière coordonnée.",
        body=(
            quote(
                "Protéger les victimes de violences intrafamiliales, c'est offrir un accompagnement "
                "durable afin de permettre aux victimes d'échapper à la violence et de se reconstruire.",
                "Feuille de route VIF 2023-2026",
            ),
            para(
                "La feuille de route compte 76 actions réparties en trois axes : identifier et "
                "coordonner, prévenir dès le plus jeune âge, agir auprès des victimes, des enfants "
                "co-victimes et des auteurs."
            ),
        ),
        files=(
            File(
                "feuille-de-route-vif-2023-2026-synthese.pdf",
                "Feuille de route VIF 2023-2026 - synthèse",
                (
                    "Identifier : un réseau de référents VIF départementaux, des coopérations avec la "
                    "Justice et les partenaires, des jalons de repérage systématique.",
                    "Prévenir : informer et outiller les Nordistes, former les professionnels, "
                    "soutenir les actions dès le plus jeune âge.",
                    "Agir : penser l'accompagnement en parcours, protéger les enfants, responsabiliser "
                    "les auteurs.",
                ),
                label="Synthèse",
            ),
        ),
    ),
    Resource(
        slug="enfant-expose-victime-a-part-entiere",
        title="L'enfant exposé aux violences conjugales, victime à part entière : repères juridiques",
        kind="texte-de-reference",
        themes=("enfants-co-victimes", "violences-conjugales"),
        audiences=("protection-de-lenfance",),
        organisation=ODPE,
        published_on=day("2022-01-18"),
        updated_on=day("2024-01-18"),
        intro="Les évolutions des textes qui reconnaissent l'enfant exposé aux violences conjugales "
        "comme une victime, et leurs conséquences pour les missions de protection de l'enfance.",
        body=(
            para(
                "La feuille de route rappelle que le Département doit protéger les enfants victimes "
                "de violences conjugales, en s'appuyant notamment sur le décret du 23 novembre 2021.",
                "Cette fiche présente les repères utiles aux équipes ; elle ne remplace pas "
                "l'avis du service juridique.",
            ),
        ),
        files=(
            File(
                "reperes-juridiques-enfant-expose.pdf",
                "Repères juridiques - l'enfant exposé aux violences conjugales",
                (
                    "L'enfant qui assiste aux violences au sein du couple est considéré comme victime, "
                    "ce qui ouvre des droits à l'accompagnement.",
                    "Pour toute question sur une situation, se rapprocher du service juridique et de la CRIP.",
                ),
                label="Repères juridiques",
            ),
        ),
        related=("enfants-exposes-etat-des-connaissances",),
    ),
    Resource(
        slug="recommandation-has-reperage-des-femmes-victimes",
        title="Recommandation de la HAS : repérage des femmes victimes de violences au sein du couple",
        kind="texte-de-reference",
        themes=("violences-conjugales", "reperage"),
        audiences=("pmi", "centres-de-sante-sexuelle", "cegidd"),
        organisation="HAS - Haute Autorité de santé",
        published_on=day("2019-06-25"),
        review_due=day("2025-06-30"),
        external_url="https://www.has-sante.fr/",
        intro="La recommandation de bonne pratique de la Haute Autorité de santé invite tous les "
        "professionnels de santé à poser systématiquement la question des violences.",
        body=(
            para(
                "La recommandation décrit le repérage, l'évaluation de la situation, la rédaction du "
                "certificat médical et l'orientation. Notre fiche de lecture en reprend les points "
                "utiles aux équipes de PMI et des centres de santé sexuelle."
            ),
        ),
        files=(
            File(
                "fiche-lecture-recommandation-has.pdf",
                "Fiche de lecture - recommandation HAS sur le repérage",
                (
                    "La recommandation encourage un repérage systématique, même en l'absence de signe "
                    "d'alerte, par des questions simples et ouvertes.",
                    "Elle rappelle l'importance d'un certificat médical descriptif et de la "
                    "connaissance du réseau local.",
                ),
                label="Fiche de lecture",
            ),
        ),
    ),
    Resource(
        slug="convention-type-de-partenariat-aide-aux-victimes",
        title="Convention type de partenariat avec les associations d'aide aux victimes",
        kind="texte-de-reference",
        themes=("parcours-de-sortie",),
        audiences=("encadrement", "partenaires-associatifs"),
        organisation="Département du Nord",
        published_on=day("2024-09-17"),
        intro="Le modèle de convention utilisé par le Département pour formaliser ses partenariats "
        "avec les associations qui accompagnent les victimes.",
        body=(
            para(
                "Conventionner et pérenniser les partenariats (action 10) sécurise les parcours : "
                "la convention précise les engagements de chacun, les modalités d'orientation et "
                "le bilan annuel."
            ),
        ),
        files=(
            File(
                "convention-type-partenariat.docx",
                "Convention type de partenariat - aide aux victimes",
                (
                    "Article 1 : objet de la convention. Article 2 : engagements de l'association. "
                    "Article 3 : engagements du Département. Article 4 : bilan et évaluation.",
                    "Annexe : fiche d'orientation commune et indicateurs de suivi.",
                ),
                label="Modèle de convention",
            ),
        ),
    ),
    # --- Vidéos ----------------------------------------------------------------------------------
    Resource(
        slug="enfant-co-victime-reperes-en-video",
        title="L'enfant co-victime de violences conjugales : repères en vidéo",
        kind="video",
        themes=("enfants-co-victimes",),
        audiences=("protection-de-lenfance", "pmi", "service-social-de-proximite"),
        organisation=ODPE,
        published_on=day("2022-10-11"),
        intro="Une vidéo de vingt minutes pour comprendre ce que vit l'enfant exposé aux violences "
        "conjugales et comment lui parler, avec un livret d'accompagnement.",
        body=(
            para(
                "La vidéo alterne témoignages de professionnels et apports théoriques. Elle peut "
                "servir de support à un temps d'équipe."
            ),
            callout("Sous-titres", "La vidéo est sous-titrée ; sa transcription figure dans le livret."),
        ),
        files=(
            File(
                "livret-video-enfant-co-victime.pdf",
                "Livret d'accompagnement - vidéo enfant co-victime",
                (
                    "Transcription et questions pour animer un temps d'équipe après le visionnage : "
                    "qu'avez-vous observé chez les enfants que vous accompagnez ?",
                    "Repère : parler à l'enfant des violences avec des mots adaptés à son âge, sans "
                    "dénigrer le parent auteur.",
                ),
                label="Livret et transcription",
            ),
        ),
    ),
    Resource(
        slug="comprendre-le-cycle-de-la-violence",
        title="Comprendre le cycle de la violence en quelques minutes",
        kind="video",
        themes=("violences-conjugales", "prevention"),
        audiences=("service-social-de-proximite", "partenaires-associatifs", "cegidd"),
        organisation="CIDFF du Nord",
        published_on=day("2021-03-02"),
        intro="Tension, agression, justification, lune de miel : une courte vidéo animée pour "
        "expliquer le cycle de la violence aux professionnels et aux victimes.",
        body=(
            para(
                "Le cycle de la violence explique pourquoi il est si difficile de partir : chaque "
                "phase de réconciliation ravive l'espoir que les violences cessent.",
                "La vidéo peut être montrée à une personne accompagnée, avec son accord.",
            ),
        ),
        files=(
            File(
                "cycle-de-la-violence-fiche.pdf",
                "Le cycle de la violence - fiche d'accompagnement",
                (
                    "Phase 1 : climat de tension. Phase 2 : crise et agression. Phase 3 : "
                    "justification et transfert de responsabilité. Phase 4 : rémission.",
                    "Avec le temps, les phases se rapprochent et les violences s'aggravent.",
                ),
                label="Fiche d'accompagnement",
            ),
        ),
        related=("webinaire-comprendre-l-emprise",),
    ),
    Resource(
        slug="temoignages-sortir-des-violences",
        title="Témoignages : sortir des violences, des parcours de femmes accompagnées",
        kind="video",
        themes=("parcours-de-sortie", "violences-conjugales"),
        audiences=("partenaires-associatifs", "service-social-de-proximite"),
        organisation="SOLFA",
        published_on=day("2023-11-25"),
        intro="Des femmes accompagnées racontent les étapes de leur parcours, ce qui les a aidées et "
        "ce qui a manqué : une ressource pour penser les pratiques à partir de la parole des victimes.",
        body=(
            para(
                "Tenir compte de la parole et de l'expertise des victimes est un principe de la "
                "feuille de route. Ces témoignages ont été recueillis avec leur accord, visages floutés."
            ),
        ),
        files=(
            File(
                "temoignages-livret-discussion.pdf",
                "Témoignages de parcours - livret de discussion",
                (
                    "Les personnes témoignent de l'importance d'avoir été crues dès le premier "
                    "entretien et d'un interlocuteur stable dans la durée.",
                    "Questions pour un temps d'équipe : quels moments du parcours sont les plus "
                    "fragiles dans notre service ?",
                ),
                label="Livret de discussion",
            ),
        ),
    ),
    Resource(
        slug="webinaire-comprendre-l-emprise",
        title="Comprendre l'emprise pour mieux accompagner",
        kind="video",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("pmi", "service-social-de-proximite", "protection-de-lenfance"),
        organisation=ODPE,
        published_on=day("2025-03-18"),
        intro="L'enregistrement d'un webinaire de l'ODPE sur les mécanismes de l'emprise et leurs "
        "conséquences pour l'accompagnement des victimes.",
        body=(
            para(
                "L'emprise explique les allers-retours, les rétractations et les silences des "
                "victimes. Les comprendre évite d'y voir un manque de volonté."
            ),
        ),
        files=(
            File(
                "support-webinaire-emprise.pdf",
                "Support du webinaire sur l'emprise",
                (
                    "L'emprise s'installe progressivement : isolement, dévalorisation, alternance de "
                    "violence et d'attention, inversion de la culpabilité.",
                    "Accompagner, c'est respecter le rythme de la personne tout en restant disponible.",
                ),
                label="Support de présentation",
            ),
        ),
    ),
    # --- Liens ------------------------------------------------------------------------------------
    Resource(
        slug="arretons-les-violences",
        title="Arrêtons les violences : le site national d'information",
        kind="lien",
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation="Gouvernement",
        published_on=day("2019-11-25"),
        external_url="https://arretonslesviolences.gouv.fr/",
        intro="Le site public d'information sur les violences sexistes et sexuelles : numéros utiles, "
        "démarches, structures près de chez soi et espace pour les professionnels.",
        body=(
            para("Le site présente aussi les outils de formation de la MIPROF destinés aux professionnels."),
        ),
    ),
    Resource(
        slug="outils-de-formation-de-la-miprof",
        title="Les outils de formation de la MIPROF",
        kind="lien",
        themes=("violences-conjugales", "enfants-co-victimes", "reperage"),
        audiences=("encadrement", "pmi", "protection-de-lenfance"),
        organisation="MIPROF",
        published_on=day("2020-10-06"),
        updated_on=day("2024-04-02"),
        external_url="https://arretonslesviolences.gouv.fr/",
        intro="Courts-métrages, livrets et fiches réflexes de la Mission interministérielle pour la "
        "protection des femmes contre les violences, pour former les professionnels.",
        body=(
            para(
                "Les kits de la MIPROF associent un court-métrage et un livret d'accompagnement ; ils "
                "sont libres d'utilisation pour des formations internes."
            ),
        ),
        files=(
            File(
                "outils-miprof-guide-d-utilisation.pdf",
                "Outils de la MIPROF - guide d'utilisation en formation interne",
                (
                    "Conseils pour utiliser un kit en formation interne : visionnage, temps de "
                    "réaction, apports, étude de situation.",
                    "Prévoir un temps de retour individuel : ces supports peuvent réveiller des "
                    "vécus personnels chez les participants.",
                ),
                label="Guide d'utilisation",
            ),
        ),
    ),
    Resource(
        slug="allo-119-enfance-en-danger",
        title="Allô 119 : enfance en danger",
        kind="lien",
        themes=("enfants-co-victimes", "inceste"),
        audiences=("protection-de-lenfance", "pmi"),
        organisation="Service national d'accueil téléphonique de l'enfance en danger",
        published_on=day("2019-09-10"),
        external_url="https://www.allo119.gouv.fr/",
        intro="Le 119 est le numéro national pour les enfants en danger ou en risque de l'être, "
        "joignable par les enfants eux-mêmes comme par les adultes.",
        body=(
            para("Appel gratuit, 24 heures sur 24, 7 jours sur 7 ; le 119 ne figure pas sur les factures."),
        ),
    ),
    Resource(
        slug="france-victimes-trouver-une-association",
        title="France Victimes : trouver une association d'aide aux victimes",
        kind="lien",
        themes=("parcours-de-sortie",),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        organisation="France Victimes",
        published_on=day("2020-06-16"),
        external_url="https://www.france-victimes.fr/",
        intro="Le réseau des associations d'aide aux victimes : écoute, information sur les droits, "
        "accompagnement psychologique et aide dans les démarches.",
        body=(
            para(
                "Dans le Nord, France Victimes 59 tient des permanences dans les juridictions et les territoires."
            ),
        ),
    ),
    Resource(
        slug="federation-nationale-solidarite-femmes",
        title="Fédération nationale Solidarité Femmes et le 3919",
        kind="lien",
        themes=("violences-conjugales",),
        audiences=("partenaires-associatifs", "cegidd"),
        organisation="FNSF",
        published_on=day("2021-11-23"),
        external_url="https://www.solidaritefemmes.org/",
        intro="La fédération des associations spécialisées dans l'accompagnement des femmes victimes "
        "de violences, qui gère la ligne d'écoute 3919.",
        body=(
            para(
                "Le 3919 est anonyme et gratuit ; il oriente vers les associations du réseau près de chez soi."
            ),
        ),
    ),
    Resource(
        slug="planning-familial",
        title="Le Planning familial : sexualité, contraception, violences",
        kind="lien",
        themes=("prevention", "lgbt"),
        audiences=("centres-de-sante-sexuelle", "partenaires-associatifs"),
        organisation="Planning familial",
        published_on=day("2020-01-14"),
        external_url="https://www.planning-familial.org/",
        intro="Le site du Mouvement français pour le Planning familial : information sur la vie "
        "affective et sexuelle, les violences et les associations départementales, dont le PF59.",
        body=(
            para(
                "Le Planning familial 59 propose des animations et des formations aux professionnels du Nord."
            ),
        ),
    ),
]


TOOLBOX_RESOURCES = [
    Resource(
        slug="kit-d-animation-de-co-formation",
        title="Kit d'animation de co-formation",
        kind="guide",
        themes=("violences-conjugales", "reperage"),
        audiences=("encadrement",),
        organisation=ODPE,
        published_on=day("2024-04-09"),
        updated_on=day("2026-01-13"),
        intro="Les trames d'animation, le diaporama et les fiches participants pour animer une "
        "demi-journée de co-formation entre professionnels de différents métiers.",
        body=(
            para(
                "Faciliter la mise en place de temps de co-formation entre professionnels par les "
                "référents VIF est l'action 16 de la feuille de route. Ce kit rassemble ce que les "
                "référents ont construit et testé."
            ),
            heading("Contenu du kit"),
            para("Trame d'animation minutée, diaporama, études de situations, questionnaire d'évaluation."),
        ),
        files=(
            File(
                "trame-animation-co-formation.pdf",
                "Trame d'animation d'une demi-journée de co-formation",
                (
                    "Accueil et tour de table, apports sur le cycle de la violence, étude de situation "
                    "en sous-groupes, repères d'orientation sur le territoire, évaluation.",
                    "Conseil des référents : co-animer à deux, issus de métiers différents.",
                ),
                label="Trame d'animation",
            ),
            File(
                "fiches-participants-co-formation.docx",
                "Fiches participants de la co-formation",
                (
                    "Étude de situation : Madame D., suivie en PMI pour son deuxième enfant, annule "
                    "régulièrement ses rendez-vous et semble inquiète quand son téléphone sonne.",
                ),
                label="Fiches participants",
            ),
        ),
        related=("grille-d-analyse-de-situations",),
    ),
    Resource(
        slug="kit-de-presentation-du-reseau-des-referents",
        title="Kit de présentation du réseau des référents VIF",
        kind="support-de-communication",
        themes=("reperage", "prevention"),
        audiences=("encadrement", "partenaires-associatifs"),
        organisation=ODPE,
        published_on=day("2023-09-19"),
        updated_on=day("2025-09-16"),
        intro="Un support prêt à l'emploi pour présenter le réseau des référents VIF en réunion "
        "d'équipe ou auprès des partenaires : missions, fonctionnement, contacts.",
        body=(
            para(
                "Le réseau réunit des professionnels de différents métiers, volontaires, qui "
                "soutiennent les équipes de proximité dans leurs pratiques."
            ),
        ),
        files=(
            File(
                "presentation-reseau-referents-vif.pdf",
                "Présentation du réseau des référents VIF",
                (
                    "Missions du référent : relais d'information, appui aux collègues, animation de "
                    "temps de co-formation, remontée des besoins vers l'ODPE.",
                    "Le référent n'est pas un spécialiste qui prend en charge les situations à la "
                    "place des équipes.",
                ),
                label="Support de présentation",
            ),
        ),
    ),
    Resource(
        slug="grille-d-analyse-de-situations",
        title="Grille d'analyse de situations",
        kind="outil-de-reperage",
        themes=("reperage", "enfants-co-victimes"),
        audiences=("service-social-de-proximite", "protection-de-lenfance", "pmi"),
        organisation=ODPE,
        published_on=day("2024-10-01"),
        review_due=day("2026-04-01"),
        intro="Une grille pour analyser en équipe une situation complexe de violences "
        "intrafamiliales : faits, risques, ressources, besoins des enfants, suites à donner.",
        body=(
            para(
                "Conçue pour les temps d'analyse de pratiques animés par les référents ; à anonymiser "
                "systématiquement."
            ),
        ),
        files=(
            File(
                "grille-analyse-de-situations.docx",
                "Grille d'analyse de situations VIF",
                (
                    "Rubriques : composition du foyer, faits rapportés, facteurs de danger, ressources "
                    "de la personne, besoins des enfants, partenaires déjà mobilisés, décisions.",
                    "Toujours anonymiser la situation avant de la présenter au groupe.",
                ),
                label="Grille modifiable",
            ),
        ),
    ),
    Resource(
        slug="compte-rendu-du-seminaire-des-referents-2025",
        title="Compte rendu du séminaire des référents VIF 2025",
        kind="etude-ou-rapport",
        themes=("auteurs", "enfants-co-victimes", "parcours-de-sortie"),
        audiences=("encadrement",),
        organisation=ODPE,
        published_on=day("2025-12-15"),
        intro="Le compte rendu du séminaire annuel du réseau : interventions, ateliers, propositions "
        "des référents et suites décidées par l'ODPE.",
        body=(
            para(
                "Le séminaire annuel réunit les référents autour d'interventions de spécialistes, en "
                "lien avec les besoins qu'ils ont exprimés (action 11)."
            ),
        ),
        files=(
            File(
                "compte-rendu-seminaire-referents-2025.pdf",
                "Compte rendu du séminaire des référents VIF 2025",
                (
                    "Atelier 1 : accompagner les enfants co-victimes après la séparation. Atelier 2 : "
                    "travailler avec les auteurs. Atelier 3 : l'annuaire des partenaires.",
                    "Suites décidées : deux nouvelles co-formations par territoire et une mise à jour "
                    "semestrielle de l'annuaire.",
                ),
                label="Compte rendu",
            ),
        ),
    ),
    Resource(
        slug="annuaire-des-partenaires-par-territoire",
        title="Annuaire des partenaires par territoire",
        kind="guide",
        themes=("parcours-de-sortie",),
        audiences=("service-social-de-proximite", "partenaires-associatifs", "encadrement"),
        organisation=ODPE,
        published_on=day("2025-01-14"),
        updated_on=day("2026-07-07"),
        review_due=day("2027-01-14"),
        intro="Les structures d'accueil, d'hébergement et d'accompagnement des victimes et des "
        "auteurs, territoire par territoire, tenues à jour par les référents.",
        body=(
            para(
                "Le répertoire par territoire est l'action 65 de la feuille de route. Chaque référent "
                "signale à l'ODPE les changements dans son territoire."
            ),
        ),
        files=(
            File(
                "annuaire-partenaires-par-territoire.docx",
                "Annuaire des partenaires par territoire",
                (
                    "Territoires : Flandre intérieure, Flandre maritime, Métropole-Lille, Métropole-"
                    "Roubaix-Tourcoing, Douaisis, Cambrésis, Valenciennois, Avesnois.",
                    "Pour chaque territoire : accueil de jour, hébergement spécialisé, aide aux "
                    "victimes, permanences juridiques, prise en charge des auteurs.",
                ),
                label="Annuaire",
            ),
        ),
    ),
    Resource(
        slug="trame-de-compte-rendu-d-echange-de-pratiques",
        title="Trame de compte rendu d'un temps d'échange de pratiques",
        kind="fiche-reflexe",
        themes=("reperage",),
        audiences=("encadrement",),
        organisation=ODPE,
        published_on=day("2025-05-06"),
        intro="Une trame courte pour garder une trace des temps d'échange de pratiques animés par "
        "les référents et faire remonter les besoins à l'ODPE.",
        body=(para("Une page suffit : participants, thème, questions soulevées, besoins identifiés."),),
        files=(
            File(
                "trame-compte-rendu-echange-de-pratiques.docx",
                "Trame de compte rendu - échange de pratiques",
                (
                    "Date, territoire, participants (métiers), thème abordé, questions soulevées, "
                    "outils partagés, besoins à remonter à l'ODPE.",
                ),
                label="Trame modifiable",
            ),
        ),
    ),
]


# --- Files -----------------------------------------------------------------------------------------

# The PDF core fonts are latin-1: typographic characters outside it get a close equivalent.
LATIN1 = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "Œ": "OE", "—": "-", "–": "-", "…": "..."}
)


def pdf_bytes(title, paragraphs, footer):
    from fpdf import FPDF

    def clean(text):
        return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF(format="A4")
    pdf.set_title(clean(title))
    pdf.set_author(clean(footer))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, clean(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, clean(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, clean(footer), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


DOCX_STYLES = {
    "Normal",
    "Title",
    "TitleChar",
    "Heading1",
    "Heading1Char",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
}
DOCX_OPTIONAL_PARTS = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def docx_bytes(title, paragraphs, footer):
    """A DOCX from python-docx's template, trimmed of the parts and styles it does not use
    (the template alone weighs 36 KB)."""
    from docx import Document

    document = Document()
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DOCX_OPTIONAL_PARTS:
                rels.pop(rel_id)
    styles = document.styles.element
    for element in list(styles):
        tag = element.tag.rsplit("}", 1)[-1]
        style_id = element.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId")
        if tag == "latentStyles" or (tag == "style" and style_id not in DOCX_STYLES):
            styles.remove(element)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph(footer)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def odt_bytes(title, paragraphs, footer):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for paragraph in [*paragraphs, footer]:
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


RENDERERS = {"pdf": pdf_bytes, "docx": docx_bytes, "odt": odt_bytes}


def file_content(spec, resource):
    if spec.broken:
        # Named .pdf, but the scan was lost: an HTML error page saved in its place.
        return b"<html><body>Erreur 404 - document introuvable</body></html>\n"
    footer = f"{resource.organisation} - {resource.published_on.year}"
    extension = spec.name.rsplit(".", 1)[-1]
    return RENDERERS[extension](spec.title, spec.text, footer)


def ensure_document(spec, resource, collection):
    document = LibraryDocument.objects.filter(title=spec.title).first()
    if document is None:
        document = LibraryDocument(
            title=spec.title,
            collection=collection,
            language=spec.language,
            file=ContentFile(file_content(spec, resource), name=spec.name),
        )
        document.save()
    return document


# --- Collections and privacy -----------------------------------------------------------------------


def ensure_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


# --- Pages -----------------------------------------------------------------------------------------


def ensure_resource(parent, resource, collection, terms, pages):
    """Return ``(page, created)``; files are generated only for a resource that is missing.
    Related resources that exist already (in ``pages``) are linked right away."""
    existing = parent.get_children().filter(slug=resource.slug).first()
    if existing is not None:
        return existing.specific, False
    files = [
        ResourceFile(document=ensure_document(spec, resource, collection), label=spec.label, sort_order=order)
        for order, spec in enumerate(resource.files)
    ]
    page = ensure_page(
        parent,
        ResourcePage,
        resource.slug,
        title=resource.title,
        intro=resource.intro,
        body=stream(*resource.body),
        resource_type=terms.types[resource.kind],
        themes=[terms.themes[slug] for slug in resource.themes],
        audiences=[terms.audiences[slug] for slug in resource.audiences],
        organisation=resource.organisation,
        published_on=resource.published_on,
        updated_on=resource.updated_on,
        review_due=resource.review_due,
        external_url=resource.external_url,
        files=files,
        related_resources=[pages[slug] for slug in resource.related if slug in pages],
    )
    return page, True


def link_related(resources, pages, created):
    """A resource can point at resources created after it: link those once every page
    exists, only on the pages this run created (an existing page is left as it is)."""
    for resource in resources:
        if resource.slug not in created:
            continue
        page = pages[resource.slug]
        wanted = [pages[slug] for slug in resource.related]
        if {related.pk for related in page.related_resources.all()} != {related.pk for related in wanted}:
            page.related_resources = wanted
            page.save_revision().publish()


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

    public_files = ensure_collection(PUBLIC_COLLECTION)
    private_files = ensure_collection(TOOLBOX_COLLECTION)
    restrict_collection_to_referents(private_files)

    terms = Terms()
    pages, created = {}, set()
    for parent, resources, collection in (
        (library, RESOURCES, public_files),
        (toolbox, TOOLBOX_RESOURCES, private_files),
    ):
        for resource in resources:
            page, is_new = ensure_resource(parent, resource, collection, terms, pages)
            pages[resource.slug] = page
            if is_new:
                created.add(resource.slug)
    link_related([*RESOURCES, *TOOLBOX_RESOURCES], pages, created)
    return library, toolbox
