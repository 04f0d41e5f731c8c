"""Seed the synonyms and abbreviations with the field's glossary: the roadmap's sigles, the
usual ones of child protection and VIF practice, and the everyday words people type for what
the documents say (``search/glossary.py`` explains the choices).

A frozen copy of ``search.glossary.GLOSSARY`` as it was when this migration was written:
the glossary may grow, this migration seeds the same rows forever (``manage.py
load_glossary`` adds later entries). An entry is skipped when one of its spellings is
already taken by a row (folded as ``search.synonyms.term_words`` folds it: case, accents,
dots): running it on a database whose editors already changed a row neither duplicates nor
overwrites their work. Going back keeps the rows (they may have been edited since)."""

import re
import unicodedata

from django.db import migrations

# (term: spellings separated by commas, expansions: one line each, shown)
GLOSSARY = [
    ("VIF", ["violences intrafamiliales"], True),
    ("ODPE", ["Observatoire départemental de la protection de l'enfance"], True),
    ("PMI", ["protection maternelle et infantile"], True),
    ("CSS", ["centre de santé sexuelle"], True),
    ("CeGIDD", ["centre gratuit d'information, de dépistage et de diagnostic"], True),
    ("SSP", ["service social de proximité"], True),
    ("CRIP", ["cellule de recueil des informations préoccupantes"], True),
    ("ARS", ["agence régionale de santé"], True),
    ("EVARS", ["espace de vie affective, relationnelle et sexuelle"], True),
    ("DDFE, DDDFE", ["déléguée départementale aux droits des femmes et à l'égalité"], True),
    ("FIPD, FIPDR", ["fonds interministériel de prévention de la délinquance"], True),
    ("EPCI", ["établissement public de coopération intercommunale"], True),
    (
        "PDALHPD",
        ["plan départemental d'action pour le logement et l'hébergement des personnes défavorisées"],
        True,
    ),
    ("ISCG", ["intervenant social en commissariat et en gendarmerie"], True),
    ("MECS", ["maison d'enfants à caractère social"], True),
    ("CCF", ["conseillère conjugale et familiale", "conseiller conjugal et familial"], True),
    ("CIDFF", ["centre d'information sur les droits des femmes et des familles"], True),
    ("PF59, PF 59", ["Planning familial 59", "Planning familial"], True),
    ("DU", ["diplôme universitaire"], True),
    ("SOLFA", ["Solidarité Femmes Accueil"], True),
    ("LGBTQIA, LGBTQI, LGBTQ, LGBTI", ["LGBT+", "lesbiennes, gays, bisexuels et trans"], True),
    ("VC", ["violences conjugales"], True),
    ("VSS", ["violences sexistes et sexuelles"], True),
    ("VFF", ["violences faites aux femmes"], True),
    ("MGF", ["mutilations génitales féminines", "mutilations sexuelles féminines"], True),
    ("TSPT, ESPT, PTSD", ["trouble de stress post-traumatique", "état de stress post-traumatique"], True),
    ("ITT", ["incapacité totale de travail"], True),
    ("ASE", ["aide sociale à l'enfance"], True),
    ("IP", ["information préoccupante"], True),
    ("AEMO", ["action éducative en milieu ouvert"], True),
    ("AED", ["aide éducative à domicile", "action éducative à domicile"], True),
    ("OPP", ["ordonnance de placement provisoire"], True),
    ("PPE", ["projet pour l'enfant"], True),
    ("MNA", ["mineur non accompagné"], True),
    ("MIE", ["mineur isolé étranger", "mineur non accompagné"], True),
    ("CDEF", ["centre départemental de l'enfance et de la famille"], True),
    ("ONPE", ["Observatoire national de la protection de l'enfance"], True),
    ("CNPE", ["Conseil national de la protection de l'enfance"], True),
    (
        "SNATED",
        ["service national d'accueil téléphonique de l'enfance en danger", "Allô enfance en danger"],
        True,
    ),
    ("CIDE", ["Convention internationale des droits de l'enfant"], True),
    ("UAPED", ["unité d'accueil pédiatrique enfants en danger"], True),
    ("PJJ", ["protection judiciaire de la jeunesse"], True),
    ("UEMO", ["unité éducative de milieu ouvert"], True),
    ("CER", ["centre éducatif renforcé"], True),
    ("CEF", ["centre éducatif fermé"], True),
    ("TISF", ["technicien de l'intervention sociale et familiale"], True),
    ("ASSFAM", ["assistant familial", "famille d'accueil"], True),
    ("ASSMAT", ["assistante maternelle"], True),
    ("MJAGBF", ["mesure judiciaire d'aide à la gestion du budget familial"], True),
    ("AESF", ["accompagnement en économie sociale et familiale"], True),
    ("MASP", ["mesure d'accompagnement social personnalisé"], True),
    ("LAEP", ["lieu d'accueil enfants-parents"], True),
    ("REAAP", ["réseau d'écoute, d'appui et d'accompagnement des parents"], True),
    ("EAJE", ["établissement d'accueil du jeune enfant"], True),
    ("RPE", ["relais petite enfance"], True),
    ("RAM", ["relais assistants maternels", "relais petite enfance"], True),
    ("MDA", ["maison des adolescents"], True),
    ("PAEJ", ["point accueil écoute jeunes"], True),
    ("JAF", ["juge aux affaires familiales"], True),
    ("OP", ["ordonnance de protection"], True),
    ("TGD", ["téléphone grave danger"], True),
    ("BAR", ["bracelet anti-rapprochement"], True),
    ("TJ", ["tribunal judiciaire"], True),
    ("TGI", ["tribunal de grande instance", "tribunal judiciaire"], True),
    ("SPIP", ["service pénitentiaire d'insertion et de probation"], True),
    ("TIG", ["travail d'intérêt général"], True),
    ("UMJ", ["unité médico-judiciaire"], True),
    ("AJ", ["aide juridictionnelle"], True),
    ("CIVI", ["commission d'indemnisation des victimes d'infractions"], True),
    ("BAV", ["bureau d'aide aux victimes"], True),
    ("EVVI", ["évaluation personnalisée des victimes"], True),
    ("PAD", ["point d'accès au droit"], True),
    ("MJD", ["maison de justice et du droit"], True),
    ("CDAD", ["conseil départemental de l'accès au droit"], True),
    ("CLSPD", ["conseil local de sécurité et de prévention de la délinquance"], True),
    ("CISPD", ["conseil intercommunal de sécurité et de prévention de la délinquance"], True),
    ("FSI", ["forces de sécurité intérieure"], True),
    ("PV", ["procès-verbal"], True),
    ("CPCA", ["centre de prise en charge des auteurs de violences conjugales"], True),
    ("CRIAVS", ["centre ressource pour les intervenants auprès des auteurs de violences sexuelles"], True),
    ("HAS", ["Haute Autorité de santé"], True),
    ("CPEF", ["centre de planification et d'éducation familiale", "centre de santé sexuelle"], True),
    ("IST, MST", ["infections sexuellement transmissibles"], True),
    ("IVG", ["interruption volontaire de grossesse"], True),
    ("VIH", ["virus de l'immunodéficience humaine"], True),
    ("EPP", ["entretien prénatal précoce"], True),
    ("CMP", ["centre médico-psychologique"], True),
    ("CMPP", ["centre médico-psycho-pédagogique"], True),
    ("CUMP", ["cellule d'urgence médico-psychologique"], True),
    ("CN2R", ["Centre national de ressources et de résilience"], True),
    ("CAMSP", ["centre d'action médico-sociale précoce"], True),
    ("CSAPA", ["centre de soins, d'accompagnement et de prévention en addictologie"], True),
    ("CMS", ["centre médico-social"], True),
    ("CLS", ["contrat local de santé"], True),
    ("CPTS", ["communauté professionnelle territoriale de santé"], True),
    ("IDE", ["infirmier diplômé d'État"], True),
    ("SAMU", ["service d'aide médicale urgente"], True),
    ("CPS", ["compétences psychosociales"], True),
    ("MDPH", ["maison départementale des personnes handicapées"], True),
    ("AAH", ["allocation aux adultes handicapés"], True),
    ("PCH", ["prestation de compensation du handicap"], True),
    ("APA", ["allocation personnalisée d'autonomie"], True),
    ("IME", ["institut médico-éducatif"], True),
    (
        "ESAT",
        [
            "établissement et service d'accompagnement par le travail",
            "établissement et service d'aide par le travail",
        ],
        True,
    ),
    ("SAVS", ["service d'accompagnement à la vie sociale"], True),
    ("SAMSAH", ["service d'accompagnement médico-social pour adultes handicapés"], True),
    ("EHPAD", ["établissement d'hébergement pour personnes âgées dépendantes"], True),
    ("CLIC", ["centre local d'information et de coordination gérontologique"], True),
    ("ESMS", ["établissements et services sociaux et médico-sociaux"], True),
    ("MDS", ["maison départementale des solidarités", "maison départementale de la solidarité"], True),
    ("UTPAS", ["unité territoriale de prévention et d'action sociale"], True),
    ("CCAS", ["centre communal d'action sociale"], True),
    ("CIAS", ["centre intercommunal d'action sociale"], True),
    ("CHRS", ["centre d'hébergement et de réinsertion sociale"], True),
    ("SIAO", ["service intégré d'accueil et d'orientation"], True),
    ("CADA", ["centre d'accueil pour demandeurs d'asile"], True),
    ("HUDA", ["hébergement d'urgence pour demandeurs d'asile"], True),
    ("OFPRA", ["Office français de protection des réfugiés et apatrides"], True),
    ("OFII", ["Office français de l'immigration et de l'intégration"], True),
    ("HLM", ["habitation à loyer modéré", "logement social"], True),
    ("SDF", ["sans domicile fixe"], True),
    ("RSA", ["revenu de solidarité active"], True),
    ("CAF", ["caisse d'allocations familiales"], True),
    ("CPAM", ["caisse primaire d'assurance maladie"], True),
    ("MSA", ["Mutualité sociale agricole"], True),
    ("QPV", ["quartier prioritaire de la politique de la ville"], True),
    ("ASS", ["assistant de service social"], True),
    ("CESF", ["conseiller en économie sociale et familiale"], True),
    ("EJE", ["éducateur de jeunes enfants"], True),
    ("DDETS", ["direction départementale de l'emploi, du travail et des solidarités"], True),
    ("DREETS", ["direction régionale de l'économie, de l'emploi, du travail et des solidarités"], True),
    ("DRDFE", ["direction régionale aux droits des femmes et à l'égalité"], True),
    ("SDFE", ["service des droits des femmes et de l'égalité entre les femmes et les hommes"], True),
    ("DSDEN", ["direction des services départementaux de l'Éducation nationale"], True),
    ("HCE", ["Haut Conseil à l'égalité entre les femmes et les hommes"], True),
    (
        "MIPROF",
        [
            "mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains"
        ],
        True,
    ),
    (
        "CIIVISE",
        ["commission indépendante sur l'inceste et les violences sexuelles faites aux enfants"],
        True,
    ),
    ("FNSF", ["Fédération nationale Solidarité Femmes"], True),
    ("AAP", ["appel à projets"], True),
    ("APP", ["analyse des pratiques professionnelles"], True),
    ("DIU", ["diplôme interuniversitaire"], True),
    ("RGPD", ["règlement général sur la protection des données"], True),
    ("RDV", ["rendez-vous"], True),
    (
        "3919",
        ["Violences Femmes Info", "numéro national d'écoute pour les femmes victimes de violences"],
        True,
    ),
    ("119", ["Allô enfance en danger", "enfance en danger"], True),
    ("115", ["hébergement d'urgence", "Samu social"], True),
    ("114", ["numéro d'urgence pour les personnes sourdes et malentendantes"], True),
    (
        "mari violent, conjoint violent, compagnon violent, concubin violent, époux violent",
        ["violences conjugales", "auteur de violences conjugales"],
        False,
    ),
    (
        "femme violente, épouse violente, compagne violente",
        ["violences conjugales", "hommes victimes"],
        False,
    ),
    (
        "femme battue, femmes battues",
        ["femmes victimes de violences conjugales", "violences conjugales"],
        False,
    ),
    (
        "homme battu, hommes battus",
        ["hommes victimes de violences conjugales", "violences conjugales"],
        False,
    ),
    (
        "petit ami violent, petit copain violent, copain violent, copine violente",
        ["violences dans le couple", "violences dans les relations amoureuses"],
        False,
    ),
    ("ex violent, ex conjoint violent", ["violences post-séparation", "violences conjugales"], False),
    (
        "père violent, mère violente, parent violent, parents violents",
        ["violences intrafamiliales", "parentalité des auteurs"],
        False,
    ),
    ("coups, coups et blessures, frappée, frappé", ["violences physiques"], False),
    (
        "viol conjugal, viol dans le couple",
        ["violences sexuelles dans le couple", "viol entre conjoints"],
        False,
    ),
    ("attouchements, abus sexuel, abus sexuels", ["agression sexuelle", "violences sexuelles"], False),
    ("pédophilie, pédophile, pédocriminalité", ["violences sexuelles faites aux enfants"], False),
    (
        "harcèlement moral, violence psychologique, violence morale, violences morales",
        ["violences psychologiques"],
        False,
    ),
    ("insultes, injures, menaces", ["violences verbales"], False),
    ("violence économique, privée d'argent, dépendance financière", ["violences économiques"], False),
    ("violence administrative, papiers confisqués", ["violences administratives"], False),
    ("jaloux, jalouse, jalousie", ["contrôle coercitif", "emprise"], False),
    (
        "pervers narcissique, pervers narcissiques, manipulateur, manipulatrice, manipulation",
        ["emprise"],
        False,
    ),
    ("fémicide, fémicides, meurtre conjugal, homicide conjugal", ["féminicide"], False),
    (
        "dispute, disputes, scène de ménage, conflit de couple",
        ["conflit conjugal", "violences conjugales"],
        False,
    ),
    ("agresseur, agresseurs, bourreau", ["auteur de violences", "auteurs"], False),
    ("excision", ["mutilations génitales féminines", "mutilations sexuelles féminines"], False),
    ("mariage arrangé", ["mariage forcé"], False),
    ("michetonnage, loverboy, lover boy", ["prostitution des mineurs", "exploitation sexuelle"], False),
    (
        "fessée, fessées, châtiments corporels, punition corporelle",
        ["violences éducatives ordinaires"],
        False,
    ),
    ("bébé secoué", ["syndrome du bébé secoué", "traumatisme crânien non accidentel"], False),
    ("texto, textos", ["SMS"], False),
    (
        "harcèlement par sms, harcèlement par texto, harcèlement par message",
        ["cyberharcèlement", "cyberviolences"],
        False,
    ),
    ("cyber harcèlement, harcèlement en ligne", ["cyberharcèlement", "cyberviolences"], False),
    ("revenge porn, revenge porno, photos intimes", ["diffusion d'images intimes", "cyberviolences"], False),
    ("logiciel espion, mouchard, traceur, géolocalisation", ["cyberviolences", "surveillance"], False),
    ("porno, porn", ["pornographie"], False),
    (
        "enfant témoin, enfants témoins, enfant exposé, enfants exposés",
        ["enfants co-victimes", "enfants exposés aux violences conjugales"],
        False,
    ),
    ("covictime, covictimes", ["co-victimes", "enfants co-victimes"], False),
    (
        "enfant maltraité, enfants maltraités, maltraitance infantile, maltraitance des enfants",
        ["enfance en danger", "protection de l'enfance"],
        False,
    ),
    ("enfant en danger, enfants en danger", ["enfance en danger", "information préoccupante"], False),
    ("enfant placé, enfants placés, placement", ["aide sociale à l'enfance", "accueil familial"], False),
    ("famille d'accueil, familles d'accueil", ["assistant familial", "accueil familial"], False),
    ("signalement, signaler", ["information préoccupante", "signalement au procureur"], False),
    ("ado, ados", ["adolescent", "jeunes"], False),
    ("gamin, gamins, gosse, gosses, môme, mômes", ["enfant", "enfants"], False),
    ("bébé, bébés", ["nourrisson", "petite enfance"], False),
    ("enceinte, femme enceinte, femmes enceintes", ["grossesse", "périnatalité"], False),
    ("maman, mamans", ["mère"], False),
    ("papa, papas", ["père"], False),
    ("maman solo, mère seule, mère isolée, parent solo", ["monoparentalité", "famille monoparentale"], False),
    (
        "garde des enfants, garde alternée",
        ["résidence de l'enfant", "résidence alternée", "autorité parentale"],
        False,
    ),
    ("droit de visite, droits de visite", ["visite médiatisée", "espace de rencontre"], False),
    ("point rencontre, lieu neutre", ["espace de rencontre"], False),
    (
        "vieux, vieille, vieilles, senior, seniors, aînés, personne âgée",
        ["personnes âgées", "plus de 70 ans"],
        False,
    ),
    (
        "handicapé, handicapée, handicapés, handicapées, personne handicapée",
        ["situation de handicap", "personnes en situation de handicap"],
        False,
    ),
    ("handicap mental, retard mental", ["déficience intellectuelle"], False),
    (
        "gay, gays, lesbienne, lesbiennes, homo, homosexuel, homosexuelle, homosexuels, homosexualité",
        ["LGBT+", "couples de même sexe"],
        False,
    ),
    ("trans, transgenre, transgenres, non binaire, queer", ["LGBT+", "identité de genre"], False),
    ("sans papiers, sans titre de séjour", ["titre de séjour", "personnes étrangères"], False),
    (
        "migrante, migrantes, étrangère, étrangères, réfugiée, réfugiées",
        ["personnes étrangères", "demandeurs d'asile"],
        False,
    ),
    ("alcool, alcoolisme, drogue, drogues, toxicomanie", ["addictions", "conduites addictives"], False),
    ("porter plainte, déposer plainte", ["dépôt de plainte"], False),
    ("certificat de coups, constat de coups", ["certificat médical", "incapacité totale de travail"], False),
    ("avocat gratuit, avocat commis d'office", ["aide juridictionnelle"], False),
    ("divorce, divorcer", ["séparation", "juge aux affaires familiales"], False),
    (
        "éloignement du conjoint, expulsion du conjoint",
        ["éviction du conjoint violent", "ordonnance de protection"],
        False,
    ),
    ("bracelet électronique", ["bracelet anti-rapprochement"], False),
    ("téléphone grand danger, téléphone d'alerte", ["téléphone grave danger"], False),
    (
        "policier, policiers, gendarme, gendarmes, flic, flics",
        ["forces de l'ordre", "police", "gendarmerie"],
        False,
    ),
    (
        "quitter son mari, quitter son conjoint, quitter le domicile",
        ["départ du domicile", "sortie des violences"],
        False,
    ),
    ("foyer, foyers", ["hébergement", "centre d'hébergement"], False),
    ("logement d'urgence, mise à l'abri", ["hébergement d'urgence"], False),
    ("sans abri, sans logement, à la rue", ["sans domicile fixe", "hébergement d'urgence"], False),
    ("numéro d'urgence, numéro vert, numéro d'écoute", ["3919", "119"], False),
    ("aide financière, aide financière d'urgence", ["aide d'urgence", "aide universelle d'urgence"], False),
    ("boulot, job, taf", ["emploi", "insertion professionnelle"], False),
    ("mairie, mairies", ["commune", "centre communal d'action sociale"], False),
    (
        "assistante sociale, assistant social, assistantes sociales",
        ["assistant de service social", "travailleur social"],
        False,
    ),
    ("éduc, éducs", ["éducateur", "éducateur spécialisé"], False),
    ("psy, psys", ["psychologue", "soutien psychologique"], False),
    ("trauma, traumas, traumatisme, psychotrauma", ["psychotraumatisme", "psycho-trauma"], False),
    (
        "épuisement professionnel, burn out, burnout, fatigue compassionnelle",
        ["fatigue professionnelle", "traumatisme vicariant"],
        False,
    ),
    (
        "analyse de pratique, analyse de pratiques",
        ["analyse des pratiques professionnelles", "supervision"],
        False,
    ),
    ("prof, profs, professeur, professeurs, instit", ["enseignant", "Éducation nationale"], False),
    ("école, écoles", ["Éducation nationale", "milieu scolaire"], False),
    ("infirmière scolaire, médecin scolaire", ["santé scolaire", "Éducation nationale"], False),
    ("docteur, toubib, généraliste", ["médecin", "médecin généraliste"], False),
    ("centre de planification, centres de planification", ["centre de santé sexuelle"], False),
    (
        "éducation sexuelle, éducation à la sexualité",
        ["éducation à la vie affective, relationnelle et sexuelle"],
        False,
    ),
    (
        "flyer, flyers, prospectus, tract, plaquette, plaquettes, brochure",
        ["dépliant", "support de communication"],
        False,
    ),
    ("poster, posters", ["affiche"], False),
    ("kakémono, roll up", ["support de communication", "exposition"], False),
    ("expo, expos", ["exposition"], False),
    ("pub, publicité, spot", ["campagne de communication"], False),
    ("stats, stat, chiffres, chiffres clés", ["données", "statistiques"], False),
    ("film, films, court métrage, clip", ["vidéo"], False),
    ("replay, rediffusion", ["enregistrement", "webinaire"], False),
    ("webinar, webinars, visio, visioconférence, conférence en ligne", ["webinaire"], False),
    ("e-learning, elearning, formation en ligne, mooc", ["formation à distance", "webinaire"], False),
    ("colloque, colloques, conférence, conférences, journée d'étude", ["séminaire"], False),
    ("tuto, tutos, tutoriel", ["guide", "fiche réflexe"], False),
    ("fiche pratique, fiches pratiques, mémo, aide-mémoire", ["fiche réflexe"], False),
    (
        "questionnaire, grille de repérage, grille d'évaluation, checklist",
        ["outil de repérage", "repérage systématique"],
        False,
    ),
    ("dépistage des violences, détection, détecter", ["repérage", "repérage systématique"], False),
    ("signaux d'alerte, signes d'alerte, indices", ["signaux faibles", "repérage"], False),
    ("kit, kits", ["boîte à outils", "outils"], False),
    ("annuaire, carte des ressources, contacts utiles", ["répertoire", "cartographie des ressources"], False),
    ("newsletter, lettre d'info, infolettre", ["lettre d'information"], False),
    ("mail, email, e-mail, mel", ["courriel", "adresse électronique"], False),
    ("s'inscrire", ["inscription"], False),
    ("subvention, subventions", ["financement", "appel à projets"], False),
    ("loi, lois, législation", ["texte de référence", "cadre juridique"], False),
]

ELISION = re.compile(r"\b(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)'")
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "})


def folded(spelling):
    """The spelling's words, lower-cased, without accents, elisions or dots ("A.E.M.O." =
    "aemo"): search.synonyms.term_words as it was, frozen here with the data."""
    text = ELISION.sub(" ", spelling.replace(".", "").translate(TYPOGRAPHIC).lower())
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(re.findall(r"[^\W_]+", text))


def spellings(term):
    return {folded(part) for part in term.split(",") if folded(part)}


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    taken = set()
    for term in Synonym.objects.values_list("term", flat=True):
        taken |= spellings(term)
    for term, expansions, shown in GLOSSARY:
        keys = spellings(term)
        if keys & taken:
            continue
        Synonym.objects.get_or_create(
            term=term, defaults={"expansions": "\n".join(expansions), "shown": shown}
        )
        taken |= keys


class Migration(migrations.Migration):
    dependencies = [("search", "0006_synonym")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
