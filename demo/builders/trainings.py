"""Demo content for the training catalogue and the seminars.

Sixteen trainings from the providers the roadmap names (action 19: DU Violences conjugales,
SOLFA, CIDFF, Planning familial 59, the Département's own co-formations), with past and
upcoming sessions spread over the eight territories and registrations of the demo accounts
that exercise every state: a full session with a waiting list, requests awaiting the ODPE's
decision, past sessions with attendance. Then the annual seminar of the referents' network
(action 11) for 2026 with its programme and speakers, the 2025 edition with its materials,
and a past study day.

Dates are relative to the day the command runs, so the demo always has upcoming sessions.

Idempotent like every demo builder: a page that exists already is left as it is, and
sessions and registrations are only created together with their page, so a second run
creates nothing (no page, revision, session, registration or speaker)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import REFERENTS_GROUP, Territory, User
from demo.builders.common import (
    Terms,
    accordion,
    aware,
    bullets,
    callout,
    ensure_page,
    ensure_speakers,
    get_home_page,
    heading,
    para,
    rich,
    stream,
)
from trainings import registration as registration_service
from trainings.models import (
    Provider,
    Registration,
    SeminarIndexPage,
    SeminarPage,
    Session,
    TrainingCatalogPage,
    TrainingPage,
)

DU = "DU Violences conjugales"
SOLFA = "SOLFA"
CIDFF = "CIDFF"
PF59 = "Planning familial 59 (PF59)"
ODPE = "Département du Nord — ODPE"

OPEN, VALIDATION, EXTERNAL = Session.Mode.OPEN, Session.Mode.VALIDATION, Session.Mode.EXTERNAL
IN_PERSON, ONLINE, HYBRID = (
    TrainingPage.Format.IN_PERSON,
    TrainingPage.Format.ONLINE,
    TrainingPage.Format.HYBRID,
)
T = Territory

# Where the Département's trainings take place, territory by territory.
PLACES = {
    T.METROPOLE_LILLE: ("Hôtel du Département", "51 rue Gustave Delory, 59000 Lille"),
    T.METROPOLE_ROUBAIX_TOURCOING: (
        "Direction territoriale Roubaix-Tourcoing",
        "Boulevard Gambetta, 59100 Roubaix",
    ),
    T.DOUAISIS: ("Direction territoriale du Douaisis", "Rue de la Comédie, 59500 Douai"),
    T.VALENCIENNOIS: ("Direction territoriale du Valenciennois", "Avenue de Denain, 59300 Valenciennes"),
    T.CAMBRESIS: ("Direction territoriale du Cambrésis", "Rue de Nice, 59400 Cambrai"),
    T.AVESNOIS: ("Direction territoriale de l'Avesnois", "Place du Général Leclerc, 59440 Avesnes-sur-Helpe"),
    T.FLANDRE_INTERIEURE: (
        "Direction territoriale de Flandre intérieure",
        "Rue de Merville, 59190 Hazebrouck",
    ),
    T.FLANDRE_MARITIME: (
        "Direction territoriale de Flandre maritime",
        "Quai des Hollandais, 59140 Dunkerque",
    ),
}
SOLFA_PLACE = ("Accueil de jour SOLFA", "Rue de Valmy, 59000 Lille")
CIDFF_PLACE = ("CIDFF du Nord", "Rue de Béthune, 59000 Lille")
PF59_PLACE = ("Planning familial 59", "Rue Gosselet, 59000 Lille")
UNIVERSITY_PLACE = ("Université de Lille — campus Moulins", "1 place Déliot, 59000 Lille")

SEMINAR_VENUE = "Hôtel du Département, Lille"
SEMINAR_ADDRESS = "51 rue Gustave Delory, 59000 Lille"


# --- Specifications ------------------------------------------------------------------------


@dataclass(frozen=True)
class S:
    """A session, ``in_days`` from the day the demo is built (negative: in the past).

    ``people`` are registered in this order ("referent", "professionnel", "editeur" or
    "r0"…"r11", the demo referents): through the registration service for an upcoming
    session, directly as confirmed with their attendance for a past one ("!" before a name:
    absent). ``accept`` and ``refuse`` are the ODPE's decisions on requests."""

    in_days: int
    territory: str = ""
    place: tuple = ()
    days: int = 1
    starts: str = "09:00"
    ends: str = "17:00"
    online: bool = False
    capacity: int | None = None
    mode: str = OPEN
    label: str = ""
    opens_in: int | None = None
    closes_before: int | None = None
    people: tuple = ()
    accept: tuple = ()
    refuse: tuple = ()


@dataclass(frozen=True)
class Training:
    slug: str
    title: str
    provider: str
    intro: str
    objectives: tuple
    programme: tuple
    themes: tuple
    audiences: tuple
    format: str = IN_PERSON
    hours: float | None = None
    days: float | None = None
    cost: str = "Gratuit pour les agents du Département"
    funded: bool = True
    certificate: str = "Attestation de formation"
    prerequisites: str = ""
    registration_notes: str = ""
    registration_url: str = ""
    related: tuple = ()
    sessions: tuple = ()


@dataclass(frozen=True)
class Slot:
    starts: str
    ends: str
    title: str
    description: str = ""
    speakers: tuple = ()
    pause: bool = False


@dataclass(frozen=True)
class Seminar:
    slug: str
    title: str
    date: datetime.date
    intro: str
    programme: tuple
    session: S
    registration_notes: str = ""
    materials: str = ""  # "replays": slides and recordings are online; "pending": still to come
    venue: str = SEMINAR_VENUE
    address: str = SEMINAR_ADDRESS


ODPE_VALIDATION_NOTE = (
    "Les demandes sont examinées par l'ODPE avec l'encadrement : priorité aux professionnels des "
    "territoires qui n'ont pas encore bénéficié de la formation. Une réponse est envoyée par e-mail "
    "au plus tard dix jours avant la session."
)

TRAININGS = [
    Training(
        slug="du-violences-conjugales",
        title="Diplôme universitaire « Violences conjugales »",
        provider=DU,
        intro="Un an de formation universitaire pour comprendre les violences au sein du couple, "
        "leurs effets sur les victimes et les enfants, le cadre juridique et l'accompagnement des "
        "auteurs. Places financées par le Département pour ses professionnels.",
        objectives=(
            "Maîtriser les connaissances actuelles sur les violences conjugales et l'emprise",
            "Connaître le cadre juridique civil et pénal et les dispositifs de protection",
            "Évaluer le danger et construire un accompagnement pluridisciplinaire",
            "Prendre en compte les enfants co-victimes et travailler avec les auteurs",
        ),
        programme=(
            heading("Organisation"),
            para(
                "Cent heures d'enseignement réparties en sept regroupements de deux jours sur six mois, "
                "à Lille, et un mémoire professionnel soutenu à la fin de l'année."
            ),
            accordion(
                "Les modules",
                (
                    "Module 1 — Comprendre",
                    "Histoire, sociologie et chiffres des violences conjugales ; "
                    "cycle de la violence, emprise, contrôle coercitif.",
                ),
                (
                    "Module 2 — Protéger",
                    "Ordonnance de protection, téléphone grave danger, bracelet "
                    "anti-rapprochement, éviction du conjoint violent.",
                ),
                ("Module 3 — Soigner", "Psychotraumatisme, santé des femmes, enfants exposés."),
                (
                    "Module 4 — Accompagner",
                    "Travail en réseau, hébergement, insertion, prise en charge des auteurs.",
                ),
            ),
            callout(
                "Financement du Département",
                "Dix places par promotion sont financées pour les professionnels du Département, sur "
                "proposition de l'encadrement et avis de l'ODPE (feuille de route, action 19).",
            ),
        ),
        themes=("violences-conjugales", "enfants-co-victimes", "auteurs", "parcours-de-sortie"),
        audiences=("pmi", "service-social-de-proximite", "protection-de-lenfance", "encadrement"),
        format=HYBRID,
        hours=100,
        days=14,
        cost="1 450 € (tarif formation continue)",
        certificate="Diplôme universitaire (DU)",
        prerequisites="Exercer auprès de victimes ou d'auteurs de violences ; lettre de motivation et "
        "accord de l'encadrement.",
        registration_notes="Candidature auprès du service de formation continue de l'université. "
        "Pour une place financée, envoyez aussi votre dossier à l'ODPE avant le 15 novembre.",
        registration_url="https://formation-continue.exemple.fr/du-violences-conjugales",
        related=("comprendre-le-cycle-de-la-violence", "evaluer-le-danger-reperes"),
        sessions=(
            S(
                -330,
                place=UNIVERSITY_PLACE,
                territory=T.METROPOLE_LILLE,
                days=160,
                capacity=25,
                mode=EXTERNAL,
                label="Promotion 2025-2026",
            ),
            S(
                50,
                place=UNIVERSITY_PLACE,
                territory=T.METROPOLE_LILLE,
                days=160,
                capacity=25,
                mode=EXTERNAL,
                label="Promotion 2027",
            ),
        ),
    ),
    Training(
        slug="colloque-enfants-exposes-aux-violences-conjugales",
        title="Colloque : enfants exposés aux violences conjugales, quelles réponses ?",
        provider=DU,
        intro="Une journée de conférences et de tables rondes organisée par l'équipe du DU avec les "
        "acteurs de la protection de l'enfance, de la justice et du soin.",
        objectives=(
            "Faire le point sur les connaissances relatives aux enfants co-victimes",
            "Découvrir des dispositifs d'accompagnement mis en place dans d'autres départements",
        ),
        programme=(
            para(
                "Conférence d'ouverture sur le psychotraumatisme de l'enfant, table ronde sur "
                "l'exercice de l'autorité parentale après la séparation, retours d'expérience "
                "d'espaces de rencontre médiatisée."
            ),
        ),
        themes=("enfants-co-victimes", "violences-conjugales"),
        audiences=("protection-de-lenfance", "pmi", "partenaires-associatifs"),
        hours=6,
        days=1,
        cost="Gratuit, sur inscription",
        certificate="Attestation de présence",
        registration_notes="Inscription sur le site de l'université, dans la limite des places.",
        registration_url="https://colloques.exemple.fr/enfants-exposes",
        related=("enfants-exposes-etat-des-connaissances", "enfant-expose-victime-a-part-entiere"),
        sessions=(
            S(
                80,
                place=UNIVERSITY_PLACE,
                territory=T.METROPOLE_LILLE,
                ends="17:30",
                capacity=300,
                mode=EXTERNAL,
            ),
        ),
    ),
    Training(
        slug="emprise-et-mecanismes-des-violences-conjugales",
        title="Emprise et mécanismes des violences conjugales",
        provider=SOLFA,
        intro="Deux jours pour comprendre le cycle de la violence et l'emprise, et ajuster sa posture "
        "face à une femme qui ne peut pas encore partir.",
        objectives=(
            "Distinguer conflit et violence conjugale",
            "Comprendre l'emprise et ses effets sur la capacité à agir",
            "Adopter une posture qui ne culpabilise pas la victime",
        ),
        programme=(
            accordion(
                "Déroulé",
                (
                    "Jour 1",
                    "Définitions, chiffres, cycle de la violence ; étude de cas ; les stratégies "
                    "de l'agresseur.",
                ),
                (
                    "Jour 2",
                    "Emprise et psychotraumatisme ; l'entretien avec une victime ; orienter vers "
                    "les partenaires du territoire.",
                ),
            ),
        ),
        themes=("violences-conjugales", "reperage"),
        audiences=("service-social-de-proximite", "pmi", "centres-de-sante-sexuelle"),
        hours=14,
        days=2,
        related=("comprendre-le-cycle-de-la-violence", "webinaire-comprendre-l-emprise"),
        sessions=(
            S(
                -120,
                place=PLACES[T.CAMBRESIS],
                territory=T.CAMBRESIS,
                days=2,
                capacity=18,
                people=("r2", "r5", "!r9", "r10"),
            ),
            S(
                66,
                place=PLACES[T.FLANDRE_INTERIEURE],
                territory=T.FLANDRE_INTERIEURE,
                days=2,
                capacity=18,
                closes_before=10,
            ),
            S(
                5,
                place=PLACES[T.METROPOLE_ROUBAIX_TOURCOING],
                territory=T.METROPOLE_ROUBAIX_TOURCOING,
                days=2,
                capacity=18,
                closes_before=14,
            ),
        ),
    ),
    Training(
        slug="accueillir-les-femmes-victimes-de-violences",
        title="Accueillir et accompagner les femmes victimes de violences",
        provider=SOLFA,
        intro="Les repères de l'accueil : premier entretien, évaluation du danger, mise en sécurité, "
        "hébergement et accompagnement dans la durée, avec les professionnelles de SOLFA.",
        objectives=(
            "Conduire un premier entretien d'accueil",
            "Évaluer le danger et construire un plan de mise en sécurité",
            "Connaître les dispositifs d'hébergement et d'accompagnement de la métropole",
        ),
        programme=(
            heading("Programme"),
            para(
                "Matin : l'accueil inconditionnel, l'écoute, les mots à éviter. Après-midi : "
                "évaluation du danger avec la grille partagée du Département, mises en situation."
            ),
        ),
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        hours=7,
        days=1,
        related=("evaluer-le-danger-reperes", "hebergement-et-logement-des-victimes"),
        sessions=(
            S(
                -75,
                place=SOLFA_PLACE,
                territory=T.METROPOLE_LILLE,
                capacity=15,
                people=("referent", "professionnel", "r0", "r1", "!r7", "r8"),
            ),
            S(
                38,
                place=SOLFA_PLACE,
                territory=T.METROPOLE_LILLE,
                capacity=15,
                closes_before=7,
                people=("referent", "r4", "r5", "r6"),
            ),
        ),
    ),
    Training(
        slug="immersion-a-l-accueil-de-jour-de-solfa",
        title="Immersion à l'accueil de jour de SOLFA",
        provider=SOLFA,
        intro="Une journée aux côtés des intervenantes de l'accueil de jour, pour découvrir leurs "
        "pratiques et tisser des liens de travail. Trois places par session.",
        objectives=(
            "Découvrir l'accueil de jour et son fonctionnement",
            "Faciliter les orientations entre services départementaux et association",
        ),
        programme=(
            para(
                "Participation aux temps d'accueil collectifs, échanges avec l'équipe, présentation "
                "des permanences juridiques et de l'accompagnement vers le logement. Les immersions "
                "croisées sont une action de la feuille de route (action 42)."
            ),
            callout(
                "Confidentialité",
                "Les personnes accueillies sont informées de votre présence et peuvent la refuser. "
                "Un engagement de confidentialité est signé le matin.",
                kind="important",
            ),
        ),
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "pmi", "protection-de-lenfance"),
        hours=7,
        days=1,
        certificate="",
        prerequisites="Avoir suivi une formation de base sur les violences conjugales.",
        sessions=(
            S(
                24,
                place=SOLFA_PLACE,
                territory=T.METROPOLE_LILLE,
                starts="09:30",
                ends="16:30",
                capacity=3,
                people=("r0", "r1", "r2", "professionnel", "r3"),
            ),
            S(
                94,
                place=SOLFA_PLACE,
                territory=T.METROPOLE_LILLE,
                starts="09:30",
                ends="16:30",
                capacity=3,
                opens_in=30,
            ),
        ),
    ),
    Training(
        slug="les-droits-des-victimes-de-violences-conjugales",
        title="Les droits des victimes de violences conjugales",
        provider=CIDFF,
        intro="Une demi-journée en visioconférence avec les juristes du CIDFF : plainte, main "
        "courante, aide juridictionnelle, droits au séjour et au logement.",
        objectives=(
            "Informer une victime sur ses droits sans se substituer au juriste",
            "Savoir orienter vers les permanences juridiques du territoire",
        ),
        programme=(
            para(
                "Le dépôt de plainte et ses suites ; l'aide juridictionnelle ; les droits des "
                "personnes étrangères victimes ; questions-réponses à partir de situations apportées "
                "par les participants."
            ),
        ),
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "centres-de-sante-sexuelle", "cegidd"),
        format=ONLINE,
        hours=3.5,
        days=0.5,
        related=("informer-une-victime-sur-ses-droits", "demarches-juridiques-des-victimes"),
        sessions=(
            S(-20, starts="14:00", ends="17:30", online=True, capacity=40, people=("r6", "r9", "!r11")),
            S(17, starts="14:00", ends="17:30", online=True, capacity=40, people=("professionnel",)),
            S(73, starts="09:00", ends="12:30", online=True, capacity=40),
        ),
    ),
    Training(
        slug="l-ordonnance-de-protection",
        title="L'ordonnance de protection : conditions, procédure, accompagnement",
        provider=CIDFF,
        intro="Comprendre l'ordonnance de protection délivrée par le juge aux affaires familiales et "
        "accompagner une victime dans la constitution de sa demande.",
        objectives=(
            "Connaître les conditions et les effets de l'ordonnance de protection",
            "Aider à rassembler les éléments du dossier",
            "Articuler ordonnance de protection et protection de l'enfance",
        ),
        programme=(
            accordion(
                "Déroulé",
                ("Le cadre légal", "Loi du 9 juillet 2010, délais, mesures possibles, durée."),
                ("La procédure", "Saisine du juge, audience, rôle de l'avocat, exécution."),
                ("Cas pratiques", "Trois situations suivies par des professionnels du Département."),
            ),
        ),
        themes=("violences-conjugales", "enfants-co-victimes"),
        audiences=("service-social-de-proximite", "protection-de-lenfance"),
        format=HYBRID,
        hours=7,
        days=1,
        registration_notes=ODPE_VALIDATION_NOTE,
        related=("demarches-juridiques-des-victimes",),
        sessions=(
            S(
                45,
                place=CIDFF_PLACE,
                territory=T.METROPOLE_LILLE,
                capacity=20,
                mode=VALIDATION,
                closes_before=14,
                people=("r8", "r9", "r10", "professionnel"),
                accept=("r8",),
                refuse=("r9",),
            ),
        ),
    ),
    Training(
        slug="accompagnement-juridique-des-victimes",
        title="Accompagnement juridique des victimes : plainte, divorce, autorité parentale",
        provider=CIDFF,
        intro="Deux jours pour suivre le parcours judiciaire d'une victime de violences conjugales, "
        "du dépôt de plainte au jugement aux affaires familiales.",
        objectives=(
            "Expliquer les étapes de la procédure pénale",
            "Connaître les incidences de la séparation sur l'autorité parentale et le logement",
        ),
        programme=(
            para(
                "Jour 1 : procédure pénale, enquête, alternatives aux poursuites, audience. Jour 2 : "
                "divorce, résidence des enfants, droit de visite en espace de rencontre."
            ),
        ),
        themes=("violences-conjugales", "parcours-de-sortie"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        hours=14,
        days=2,
        related=("demarches-juridiques-des-victimes",),
        sessions=(
            S(
                -160,
                place=PLACES[T.VALENCIENNOIS],
                territory=T.VALENCIENNOIS,
                days=2,
                capacity=16,
                people=("referent", "r3", "!r4"),
            ),
            S(59, place=PLACES[T.FLANDRE_MARITIME], territory=T.FLANDRE_MARITIME, days=2, capacity=16),
        ),
    ),
    Training(
        slug="animer-des-seances-d-education-a-la-vie-affective",
        title="Animer des séances d'éducation à la vie affective, relationnelle et sexuelle",
        provider=PF59,
        intro="Trois jours pour construire et animer des séances collectives auprès des jeunes : "
        "posture, outils d'animation, questions sensibles.",
        objectives=(
            "Construire une séance adaptée à l'âge du public",
            "Animer des échanges sur les relations, le corps, les émotions",
            "Repérer et accueillir une révélation de violences",
        ),
        programme=(
            para(
                "Apports sur le développement psycho-affectif, ateliers d'outils d'animation, "
                "préparation et animation d'une séance en binôme, retour d'expérience."
            ),
        ),
        themes=("prevention",),
        audiences=("centres-de-sante-sexuelle", "cegidd"),
        hours=21,
        days=3,
        cost="600 €, pris en charge par le Département",
        related=(
            "animer-une-seance-sur-le-consentement",
            "reglette-de-reperage-des-violences-dans-les-relations-amoureuses",
        ),
        sessions=(
            S(
                -200,
                place=PF59_PLACE,
                territory=T.METROPOLE_LILLE,
                days=3,
                capacity=14,
                people=("r1", "r4", "r6"),
            ),
            S(101, place=PF59_PLACE, territory=T.METROPOLE_LILLE, days=3, capacity=14),
        ),
    ),
    Training(
        slug="parler-du-consentement-avec-les-adolescents",
        title="Parler du consentement avec les adolescents",
        provider=PF59,
        intro="Une formation interinstitutionnelle (Éducation nationale, Département, associations) "
        "pour aborder le consentement, la pornographie et les violences dans les jeunes couples.",
        objectives=(
            "Définir le consentement et ses conditions",
            "Animer un débat à partir de situations du quotidien",
            "Orienter un ou une adolescente victime",
        ),
        programme=(
            para(
                "Une journée en groupe mixte, professionnels de l'Éducation nationale et du "
                "Département ensemble, conformément à l'action 43 de la feuille de route."
            ),
        ),
        themes=("prevention", "violences-conjugales"),
        audiences=("centres-de-sante-sexuelle", "partenaires-associatifs"),
        hours=7,
        days=1,
        related=("animer-une-seance-sur-le-consentement",),
        sessions=(
            S(31, place=PLACES[T.DOUAISIS], territory=T.DOUAISIS, capacity=24, people=("r2", "r7")),
            S(88, place=PLACES[T.AVESNOIS], territory=T.AVESNOIS, capacity=24),
        ),
    ),
    Training(
        slug="competences-psychosociales-et-prevention-des-violences",
        title="Compétences psychosociales et prévention des violences dès l'enfance",
        provider=PF59,
        intro="Les compétences psychosociales (gérer ses émotions, communiquer, résoudre un conflit) "
        "protègent des violences. Deux jours pour les développer avec des enfants de moins de 12 ans.",
        objectives=(
            "Connaître le référentiel des compétences psychosociales",
            "Utiliser des outils d'animation validés",
            "Construire un programme sur plusieurs séances",
        ),
        programme=(
            para(
                "Formation interinstitutionnelle (action 43) : professionnels de PMI, de l'Éducation "
                "nationale, des centres sociaux et des associations d'éducation populaire."
            ),
        ),
        themes=("prevention",),
        audiences=("pmi", "centres-de-sante-sexuelle", "partenaires-associatifs"),
        hours=14,
        days=2,
        registration_notes=ODPE_VALIDATION_NOTE,
        related=("competences-psychosociales-et-prevention",),
        sessions=(
            S(
                115,
                place=PLACES[T.CAMBRESIS],
                territory=T.CAMBRESIS,
                days=2,
                capacity=20,
                mode=VALIDATION,
                opens_in=21,
            ),
        ),
    ),
    Training(
        slug="co-formation-des-referents-vif",
        title="Co-formation des référents VIF : animer un temps d'échange de pratiques",
        provider=ODPE,
        intro="Une journée pour les référents VIF : préparer et animer sur son territoire un temps "
        "de co-formation entre professionnels, à partir d'un kit commun.",
        objectives=(
            "S'approprier le kit de co-formation du réseau",
            "Animer une analyse de situation en groupe",
            "Faire remonter les besoins des équipes à l'ODPE",
        ),
        programme=(
            para(
                "Le réseau des référents VIF facilite des temps de co-formation entre professionnels "
                "(action 16). Cette journée prépare les référents à les animer : déroulé type, "
                "posture d'animateur, gestion des situations difficiles."
            ),
        ),
        themes=("violences-conjugales", "reperage"),
        audiences=("encadrement", "pmi", "service-social-de-proximite"),
        hours=6,
        days=1,
        certificate="",
        prerequisites="Être référent VIF ou en passe de le devenir.",
        registration_notes="Réservée aux référents VIF. " + ODPE_VALIDATION_NOTE,
        sessions=(
            S(
                -55,
                place=PLACES[T.METROPOLE_LILLE],
                territory=T.METROPOLE_LILLE,
                starts="09:30",
                ends="16:00",
                capacity=30,
                mode=VALIDATION,
                people=("referent", "r0", "r3", "r5", "!r11"),
            ),
            S(
                52,
                place=PLACES[T.VALENCIENNOIS],
                territory=T.VALENCIENNOIS,
                starts="09:30",
                ends="16:00",
                capacity=30,
                mode=VALIDATION,
                closes_before=14,
                people=("referent", "r1", "r11"),
                accept=("referent",),
            ),
        ),
    ),
    Training(
        slug="formation-interinstitutionnelle-violences-conjugales-et-protection-de-l-enfance",
        title="Violences conjugales et protection de l'enfance : formation interinstitutionnelle",
        provider=ODPE,
        intro="À la demande des territoires, une journée qui réunit professionnels du Département, "
        "police, gendarmerie, parquet, hôpital et associations autour de situations communes.",
        objectives=(
            "Connaître les missions et les contraintes de chaque institution",
            "Fluidifier la transmission d'informations préoccupantes",
            "Construire des circuits d'orientation sur le territoire",
        ),
        programme=(
            para(
                "Organisée avec les référents VIF du territoire (action 17). Matin : présentations "
                "croisées des institutions. Après-midi : étude d'une situation fictive, de la "
                "révélation à l'audience."
            ),
        ),
        themes=("violences-conjugales", "enfants-co-victimes"),
        audiences=("protection-de-lenfance", "service-social-de-proximite", "partenaires-associatifs"),
        hours=6,
        days=1,
        sessions=(
            S(
                -95,
                place=PLACES[T.FLANDRE_MARITIME],
                territory=T.FLANDRE_MARITIME,
                capacity=40,
                people=("r4", "r8", "!r10"),
            ),
            S(27, place=PLACES[T.AVESNOIS], territory=T.AVESNOIS, capacity=40, people=("r9",)),
            S(
                81,
                place=PLACES[T.METROPOLE_ROUBAIX_TOURCOING],
                territory=T.METROPOLE_ROUBAIX_TOURCOING,
                capacity=40,
            ),
        ),
    ),
    Training(
        slug="reperage-systematique-des-violences-en-pmi-css-et-cegidd",
        title="Le repérage systématique des violences en PMI, CSS et CeGIDD",
        provider=ODPE,
        intro="Poser la question des violences à chaque entretien : pourquoi, comment, et que faire "
        "de la réponse. Une journée pour mettre en place le repérage systématique dans son service.",
        objectives=(
            "Connaître les recommandations de la HAS sur le repérage",
            "S'exercer au questionnement systématique",
            "Organiser l'orientation après une révélation",
        ),
        programme=(
            accordion(
                "Déroulé",
                ("Pourquoi repérer", "Les chiffres, le rapport Henrion, ce que disent les victimes."),
                ("Comment poser la question", "Formulations, entretien seul à seul, traçabilité."),
                ("Et après ?", "Évaluer le danger, orienter, s'appuyer sur le référent VIF."),
            ),
            callout(
                "Supervision",
                "La mise en place du repérage s'accompagne de temps de supervision pour prévenir la "
                "fatigue professionnelle (action 28).",
            ),
        ),
        themes=("reperage", "violences-conjugales"),
        audiences=("pmi", "centres-de-sante-sexuelle", "cegidd"),
        hours=7,
        days=1,
        related=(
            "questionnaire-de-reperage-systematique",
            "reperer-les-violences-conjugales-en-pmi",
            "recommandation-has-reperage-des-femmes-victimes",
        ),
        sessions=(
            S(
                -40,
                place=PLACES[T.DOUAISIS],
                territory=T.DOUAISIS,
                capacity=25,
                people=("professionnel", "r3", "!r4", "r5"),
            ),
            S(
                30,
                place=PLACES[T.VALENCIENNOIS],
                territory=T.VALENCIENNOIS,
                capacity=25,
                people=("referent", "r2", "r6"),
            ),
            S(44, online=True, starts="09:30", ends="12:30", capacity=60, label="Classe virtuelle"),
            S(70, place=PLACES[T.FLANDRE_INTERIEURE], territory=T.FLANDRE_INTERIEURE, capacity=25),
        ),
    ),
    Training(
        slug="enfants-co-victimes-evaluer-et-proteger",
        title="Enfants co-victimes : évaluer et protéger",
        provider=ODPE,
        intro="L'enfant exposé aux violences conjugales est une victime à part entière. Repérer les "
        "effets, évaluer une information préoccupante, protéger.",
        objectives=(
            "Repérer les effets de l'exposition aux violences selon l'âge",
            "Intégrer les violences conjugales dans l'évaluation des informations préoccupantes",
            "Connaître les mesures de protection",
        ),
        programme=(
            para(
                "Pour les professionnels de la protection de l'enfance et des CRIP. Apports cliniques, "
                "grille d'observation, analyse de situations."
            ),
        ),
        themes=("enfants-co-victimes",),
        audiences=("protection-de-lenfance", "pmi"),
        hours=7,
        days=1,
        related=("enfant-expose-grille-d-observation", "enfants-exposes-etat-des-connaissances"),
        sessions=(
            S(
                -140,
                place=PLACES[T.CAMBRESIS],
                territory=T.CAMBRESIS,
                capacity=25,
                people=("r0", "r6", "r11"),
            ),
            S(109, place=PLACES[T.DOUAISIS], territory=T.DOUAISIS, capacity=25, opens_in=25),
        ),
    ),
    Training(
        slug="sensibilisation-aux-vif-pour-les-professionnels-de-la-prevention",
        title="Sensibilisation aux violences intrafamiliales pour les professionnels de la prévention",
        provider=ODPE,
        intro="Pour les conseillères conjugales et familiales, sexologues et animateurs de prévention : "
        "intégrer les violences intrafamiliales aux actions collectives.",
        objectives=(
            "Intégrer le repérage des violences aux actions de prévention",
            "Réagir à une révélation pendant une action collective",
        ),
        programme=(
            para(
                "Trois heures à distance (action 36) : repères sur les violences intrafamiliales, "
                "conduite à tenir après une révélation, outils de l'ODPE et du centre de documentation."
            ),
        ),
        themes=("prevention", "reperage"),
        audiences=("centres-de-sante-sexuelle", "cegidd"),
        format=ONLINE,
        hours=3,
        days=0.5,
        certificate="",
        sessions=(
            S(-30, online=True, starts="14:00", ends="17:00", capacity=50, people=("r1", "r7")),
            S(60, online=True, starts="14:00", ends="17:00", capacity=50),
        ),
    ),
]


def seminar_2026_date(today):
    """Three weeks from now (a Thursday) while that is still in 2026; afterwards, a fixed date."""
    candidate = today + datetime.timedelta(days=21)
    candidate += datetime.timedelta(days=(3 - candidate.weekday()) % 7)
    return candidate if candidate.year <= 2026 else datetime.date(2026, 12, 10)


def seminars(today):
    date_2026 = seminar_2026_date(today)
    return [
        Seminar(
            slug="seminaire-annuel-des-referents-vif-2026",
            title="Séminaire annuel des référents VIF 2026",
            date=date_2026,
            intro="Enfants co-victimes, emprise et séparation, réponse pénale : la journée annuelle du "
            "réseau des référents VIF, construite à partir des besoins exprimés par les référents.",
            programme=(
                Slot("08:45", "09:15", "Accueil des participants", pause=True),
                Slot(
                    "09:15",
                    "09:45",
                    "Ouverture",
                    "Le réseau des référents VIF, trois ans après le lancement de la feuille de route.",
                    ("dufour", "benali"),
                ),
                Slot(
                    "09:45",
                    "10:45",
                    "Psychotraumatisme des enfants co-victimes : comprendre pour mieux accompagner",
                    "Les effets de l'exposition aux violences selon l'âge, et ce "
                    "qui aide l'enfant à se rétablir.",
                    ("vasseur",),
                ),
                Slot("10:45", "11:00", "Pause", pause=True),
                Slot(
                    "11:00",
                    "12:00",
                    "Table ronde : la réponse pénale aux violences conjugales dans le Nord",
                    "Plainte, ordonnance de protection, téléphone grave danger : ce qui a "
                    "changé, ce qui bloque encore.",
                    ("carpentier", "delattre"),
                ),
                Slot("12:00", "13:30", "Déjeuner", pause=True),
                Slot(
                    "13:30",
                    "14:30",
                    "Emprise et séparation : les moments de danger",
                    "Pourquoi la "
                    "séparation est la période la plus dangereuse, et comment l'anticiper avec la "
                    "victime.",
                    ("haddad",),
                ),
                Slot(
                    "14:30",
                    "15:30",
                    "Prévenir dès l'enfance : compétences psychosociales et consentement",
                    "Retour sur les formations interinstitutionnelles menées dans trois territoires.",
                    ("deschamps",),
                ),
                Slot("15:30", "15:45", "Pause", pause=True),
                Slot(
                    "15:45",
                    "16:30",
                    "Le réseau en 2027 : bilan et perspectives",
                    "Résultats de "
                    "l'enquête auprès des référents et premières pistes pour la prochaine feuille de "
                    "route.",
                    ("benali", "lemaire"),
                ),
                Slot("16:30", "16:45", "Clôture"),
            ),
            session=S(
                0,
                place=(SEMINAR_VENUE, SEMINAR_ADDRESS),
                territory=T.METROPOLE_LILLE,
                starts="08:45",
                ends="16:45",
                capacity=150,
                closes_before=3,
                people=("referent", "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"),
            ),
            registration_notes="Ouvert aux référents VIF, à l'encadrement des services et aux "
            "partenaires du réseau. Déjeuner offert sur place.",
        ),
        Seminar(
            slug="seminaire-annuel-des-referents-vif-2025",
            title="Séminaire annuel des référents VIF 2025",
            date=datetime.date(2025, 12, 11),
            intro="Le premier séminaire du réseau des référents VIF : repérage systématique, "
            "enfants exposés et travail en réseau. Supports et enregistrements disponibles.",
            programme=(
                Slot("09:00", "09:30", "Accueil des participants", pause=True),
                Slot(
                    "09:30",
                    "10:00",
                    "Ouverture : la feuille de route VIF 2023-2026",
                    "",
                    ("dufour", "benali"),
                ),
                Slot(
                    "10:00",
                    "11:00",
                    "Le repérage systématique : retour des services pilotes",
                    "PMI, centres de santé sexuelle et CeGIDD de trois territoires.",
                    ("benali",),
                ),
                Slot("11:00", "11:15", "Pause", pause=True),
                Slot(
                    "11:15",
                    "12:30",
                    "Les enfants exposés aux violences conjugales : état des connaissances",
                    "",
                    ("vasseur",),
                ),
                Slot("12:30", "14:00", "Déjeuner", pause=True),
                Slot(
                    "14:00",
                    "16:00",
                    "Ateliers : travailler en réseau sur son territoire",
                    "",
                    ("haddad", "delattre"),
                ),
            ),
            session=S(
                0,
                place=(SEMINAR_VENUE, SEMINAR_ADDRESS),
                territory=T.METROPOLE_LILLE,
                starts="09:00",
                ends="16:00",
                capacity=150,
                people=("referent", "r0", "r1", "!r2", "r3", "r4", "r5", "r8", "!r9", "r10", "r11"),
            ),
            materials="replays",
        ),
        Seminar(
            slug="journee-d-etude-violences-conjugales-et-handicap",
            title="Journée d'étude : violences conjugales et handicap",
            date=datetime.date(2026, 6, 18),
            venue="Maison de l'autonomie, Douai",
            address="Rue d'Esquerchin, 59500 Douai",
            intro="Les femmes en situation de handicap sont plus exposées aux violences et moins "
            "repérées. Une journée pour adapter l'accueil, l'écoute et l'orientation.",
            programme=(
                Slot("09:30", "10:30", "Handicap et violences : ce que disent les études", "", ("lemaire",)),
                Slot("10:30", "10:45", "Pause", pause=True),
                Slot(
                    "10:45",
                    "12:15",
                    "Accueillir une victime en situation de handicap",
                    "",
                    ("haddad", "deschamps"),
                ),
            ),
            session=S(
                0,
                place=("Maison de l'autonomie", "Rue d'Esquerchin, 59500 Douai"),
                territory=T.DOUAISIS,
                starts="09:30",
                ends="12:15",
                capacity=80,
                people=("r2", "r5", "!r10", "professionnel"),
            ),
            materials="pending",
        ),
    ]


# --- Building ------------------------------------------------------------------------------


def christmas_break(day):
    return (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3)


def working_day(day, length, forward):
    """Move ``day`` so that a session of ``length`` days (up to a week) avoids weekends and
    the Christmas break."""
    if length > 5:
        length = 1
    step = datetime.timedelta(days=1 if forward else -1)
    last = datetime.timedelta(days=length - 1)
    while day.weekday() + length - 1 > 4 or christmas_break(day) or christmas_break(day + last):
        day += step
    return day


def make_session(spec, order, slug, registration_url, today, day=None):
    if day is None:
        day = working_day(today + datetime.timedelta(days=spec.in_days), spec.days, spec.in_days >= 0)
    starts_at = aware(day, spec.starts)
    ends_at = aware(day + datetime.timedelta(days=spec.days - 1), spec.ends)
    place, address = spec.place or ("", "")
    session = Session(
        sort_order=order,
        label=spec.label,
        starts_at=starts_at,
        ends_at=ends_at,
        online=spec.online,
        place="" if spec.online else place,
        address="" if spec.online else address,
        territory=spec.territory,
        capacity=spec.capacity,
        registration_mode=spec.mode,
        external_registration_url=registration_url if spec.mode == EXTERNAL else "",
        join_url=f"https://visio.exemple.fr/odpe/{slug}-{day:%Y%m%d}" if spec.online else "",
    )
    if spec.opens_in is not None:
        session.registration_opens_at = aware(today + datetime.timedelta(days=spec.opens_in), "09:00")
    if spec.closes_before is not None:
        session.registration_deadline = aware(day - datetime.timedelta(days=spec.closes_before), "23:59")
    return session


class People:
    """The demo accounts by their short name, fetched once; a missing account is skipped."""

    def __init__(self):
        self._users = None

    def get(self, name):
        if self._users is None:
            demo = {
                user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@exemple.fr")
            }
            self._users = {
                name: demo[name] for name in ("referent", "professionnel", "editeur") if name in demo
            }
            referents = (
                User.objects.filter(groups__name=REFERENTS_GROUP)
                .exclude(email="referent@exemple.fr")
                .order_by("pk")
            )
            for index, user in enumerate(referents[:12]):
                self._users[f"r{index}"] = user
        return self._users.get(name)


def register_people(session, spec, people):
    """Registrations of ``spec.people`` to ``session`` (saved), following the spec's rules."""
    now = timezone.now()
    if session.starts_at <= now:
        rows = []
        for offset, name in enumerate(spec.people):
            user = people.get(name.lstrip("!"))
            if user is None:
                continue
            rows.append(
                Registration(
                    session=session,
                    user=user,
                    status=Registration.Status.CONFIRMED,
                    attendance=Registration.Attendance.ABSENT
                    if name.startswith("!")
                    else Registration.Attendance.PRESENT,
                    service=user.service,
                    territory=user.territory,
                    created_at=session.starts_at
                    - datetime.timedelta(days=30)
                    + datetime.timedelta(hours=offset),
                    decided_at=session.starts_at - datetime.timedelta(days=20)
                    if session.registration_mode == VALIDATION
                    else None,
                )
            )
        Registration.objects.bulk_create(rows)
        return
    if session.registration_state(now) != "open":
        return
    registered = {}
    for name in spec.people:
        user = people.get(name)
        if user is not None:
            registered[name] = registration_service.register(user, session.pk)
    for names, accept in ((spec.accept, True), (spec.refuse, False)):
        for name in names:
            if name in registered:
                registration_service.decide(registered[name].pk, accept)


def build_training(catalog, spec, providers, terms, today, people):
    sessions = [
        make_session(session, order, spec.slug, spec.registration_url, today)
        for order, session in enumerate(spec.sessions)
    ]
    page = ensure_page(
        catalog,
        TrainingPage,
        spec.slug,
        title=spec.title,
        intro=spec.intro,
        provider=providers[spec.provider],
        objectives=bullets(*spec.objectives),
        programme=stream(*spec.programme),
        themes=[terms.themes[slug] for slug in spec.themes if slug in terms.themes],
        audiences=[terms.audiences[slug] for slug in spec.audiences if slug in terms.audiences],
        prerequisites=spec.prerequisites,
        duration_hours=spec.hours,
        duration_days=spec.days,
        format=spec.format,
        cost=spec.cost,
        funded_by_department=spec.funded,
        certificate=spec.certificate,
        registration_notes=spec.registration_notes,
        related_resources=[terms.resources[slug] for slug in spec.related if slug in terms.resources],
        sessions=sessions,
    )
    for session, session_spec in zip(
        Session.objects.filter(page_id=page.pk).order_by("sort_order"), spec.sessions, strict=True
    ):
        register_people(session, session_spec, people)
    return page


def programme_blocks(slots, speakers):
    blocks = []
    for slot in slots:
        value = {"starts": f"{slot.starts}:00", "ends": f"{slot.ends}:00", "title": slot.title}
        if slot.pause:
            blocks.append(("pause", value))
        else:
            value["description"] = rich(slot.description) if slot.description else ""
            value["speakers"] = [speakers[key].pk for key in slot.speakers]
            blocks.append(("slot", value))
    return blocks


def materials_blocks(spec, terms):
    if not spec.materials:
        return []
    if spec.materials == "replays":
        blocks = [
            para(
                "Merci aux 120 participants. Les diaporamas des intervenants et les enregistrements "
                "de la matinée sont à votre disposition ; les ateliers de l'après-midi n'ont pas été "
                "enregistrés.",
            )
        ]
        for slug, title in (
            (
                "enfants-exposes-etat-des-connaissances",
                "Diaporama — Les enfants exposés aux violences conjugales",
            ),
            (
                "questionnaire-de-reperage-systematique",
                "Support — Le repérage systématique dans les services pilotes",
            ),
        ):
            document = terms.document(slug)
            if document is not None:
                blocks.append(("document", {"document": document.pk, "title": title}))
        blocks.append(
            para(
                "Les enregistrements de l'ouverture et des deux conférences sont publiés dans la "
                'rubrique <a href="/webinaires/">Webinaires</a>, sous-titrés et transcrits.'
            )
        )
        return blocks
    return [
        para(
            "Les supports des interventions seront publiés ici après relecture par les intervenants. "
            "Une synthèse des échanges est disponible dans la boîte à outils des référents."
        )
    ]


def build_seminar(index, spec, speakers, terms, today, people):
    session = make_session(spec.session, 0, spec.slug, "", today, day=spec.date)
    page = ensure_page(
        index,
        SeminarPage,
        spec.slug,
        title=spec.title,
        intro=spec.intro,
        date=spec.date,
        venue=spec.venue,
        address=spec.address,
        programme=stream(*programme_blocks(spec.programme, speakers)),
        materials=stream(*materials_blocks(spec, terms)),
        registration_notes=spec.registration_notes,
        sessions=[session],
    )
    register_people(Session.objects.get(page_id=page.pk), spec.session, people)
    return page


def build():
    home = get_home_page()
    catalog = ensure_page(
        home,
        TrainingCatalogPage,
        "formations",
        title="Formations",
        intro="Les formations sur les violences intrafamiliales ouvertes aux professionnels du "
        "Département : DU Violences conjugales, SOLFA, CIDFF, Planning familial 59, colloques.",
    )
    seminar_index = ensure_page(
        home,
        SeminarIndexPage,
        "seminaires",
        title="Séminaires",
        intro="Le séminaire annuel du réseau des référents VIF et les journées d'étude : "
        "programmes, intervenants, supports et replays.",
    )

    today = timezone.localdate()
    existing_trainings = set(catalog.get_children().values_list("slug", flat=True))
    existing_seminars = set(seminar_index.get_children().values_list("slug", flat=True))
    missing_trainings = [spec for spec in TRAININGS if spec.slug not in existing_trainings]
    missing_seminars = [spec for spec in seminars(today) if spec.slug not in existing_seminars]
    if not missing_trainings and not missing_seminars:
        return catalog, seminar_index

    terms, people = Terms(), People()
    with registration_service.notifications_muted():
        if missing_trainings:
            providers = {provider.name: provider for provider in Provider.objects.all()}
            for spec in missing_trainings:
                if spec.provider in providers:
                    build_training(catalog, spec, providers, terms, today, people)
        if missing_seminars:
            speakers = ensure_speakers()
            for spec in missing_seminars:
                build_seminar(seminar_index, spec, speakers, terms, today, people)
    return catalog, seminar_index
