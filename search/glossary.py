"""The field's glossary: the abbreviations of the roadmap and of French child protection and
VIF practice, and the everyday words people type for what the documents say.

Data only, read by ``manage.py load_glossary`` (which adds the entries missing from
``search.models.Synonym``). The data migration ``0007_seed_synonyms`` holds its own frozen
copy of the first version: a migration must seed the same rows whatever this list becomes.

Each entry is ``(term, expansions)``: ``term`` as ``Synonym.term`` holds it (spellings
separated by commas), ``expansions`` what a French document says instead. Sigles with several
meanings keep the one of this field (CSS: centre de santé sexuelle). Left out on purpose: the
sigles that are also everyday French words a victim types ("JE" juge des enfants, "AS"
assistante sociale, "ES", "PE", "SF"), whose expansion would hijack "je suis victime".
"""

# Announced above the results ("Résultats pour action éducative en milieu ouvert (AEMO)"):
# the reader learns what the sigle means.
ABBREVIATIONS = [
    # The roadmap's own.
    ("VIF", ["violences intrafamiliales"]),
    ("ODPE", ["Observatoire départemental de la protection de l'enfance"]),
    ("PMI", ["protection maternelle et infantile"]),
    ("CSS", ["centre de santé sexuelle"]),
    ("CeGIDD", ["centre gratuit d'information, de dépistage et de diagnostic"]),
    ("SSP", ["service social de proximité"]),
    ("CRIP", ["cellule de recueil des informations préoccupantes"]),
    ("ARS", ["agence régionale de santé"]),
    ("EVARS", ["espace de vie affective, relationnelle et sexuelle"]),
    ("DDFE, DDDFE", ["déléguée départementale aux droits des femmes et à l'égalité"]),
    ("FIPD, FIPDR", ["fonds interministériel de prévention de la délinquance"]),
    ("EPCI", ["établissement public de coopération intercommunale"]),
    (
        "PDALHPD",
        ["plan départemental d'action pour le logement et l'hébergement des personnes défavorisées"],
    ),
    ("ISCG", ["intervenant social en commissariat et en gendarmerie"]),
    ("MECS", ["maison d'enfants à caractère social"]),
    ("CCF", ["conseillère conjugale et familiale", "conseiller conjugal et familial"]),
    ("CIDFF", ["centre d'information sur les droits des femmes et des familles"]),
    ("PF59, PF 59", ["Planning familial 59", "Planning familial"]),
    ("DU", ["diplôme universitaire"]),
    ("SOLFA", ["Solidarité Femmes Accueil"]),
    ("LGBTQIA, LGBTQI, LGBTQ, LGBTI", ["LGBT+", "lesbiennes, gays, bisexuels et trans"]),
    # Violence and its forms.
    ("VC", ["violences conjugales"]),
    ("VSS", ["violences sexistes et sexuelles"]),
    ("VFF", ["violences faites aux femmes"]),
    ("MGF", ["mutilations génitales féminines", "mutilations sexuelles féminines"]),
    ("TSPT, ESPT, PTSD", ["trouble de stress post-traumatique", "état de stress post-traumatique"]),
    ("ITT", ["incapacité totale de travail"]),
    # Child protection.
    ("ASE", ["aide sociale à l'enfance"]),
    ("IP", ["information préoccupante"]),
    ("AEMO", ["action éducative en milieu ouvert"]),
    ("AED", ["aide éducative à domicile", "action éducative à domicile"]),
    ("OPP", ["ordonnance de placement provisoire"]),
    ("PPE", ["projet pour l'enfant"]),
    ("MNA", ["mineur non accompagné"]),
    ("MIE", ["mineur isolé étranger", "mineur non accompagné"]),
    ("CDEF", ["centre départemental de l'enfance et de la famille"]),
    ("ONPE", ["Observatoire national de la protection de l'enfance"]),
    ("CNPE", ["Conseil national de la protection de l'enfance"]),
    ("SNATED", ["service national d'accueil téléphonique de l'enfance en danger", "Allô enfance en danger"]),
    ("CIDE", ["Convention internationale des droits de l'enfant"]),
    ("UAPED", ["unité d'accueil pédiatrique enfants en danger"]),
    ("PJJ", ["protection judiciaire de la jeunesse"]),
    ("UEMO", ["unité éducative de milieu ouvert"]),
    ("CER", ["centre éducatif renforcé"]),
    ("CEF", ["centre éducatif fermé"]),
    ("TISF", ["technicien de l'intervention sociale et familiale"]),
    ("ASSFAM", ["assistant familial", "famille d'accueil"]),
    ("ASSMAT", ["assistante maternelle"]),
    ("MJAGBF", ["mesure judiciaire d'aide à la gestion du budget familial"]),
    ("AESF", ["accompagnement en économie sociale et familiale"]),
    ("MASP", ["mesure d'accompagnement social personnalisé"]),
    ("LAEP", ["lieu d'accueil enfants-parents"]),
    ("REAAP", ["réseau d'écoute, d'appui et d'accompagnement des parents"]),
    ("EAJE", ["établissement d'accueil du jeune enfant"]),
    ("RPE", ["relais petite enfance"]),
    ("RAM", ["relais assistants maternels", "relais petite enfance"]),
    ("MDA", ["maison des adolescents"]),
    ("PAEJ", ["point accueil écoute jeunes"]),
    # Justice, police, victims' rights.
    ("JAF", ["juge aux affaires familiales"]),
    ("OP", ["ordonnance de protection"]),
    ("TGD", ["téléphone grave danger"]),
    ("BAR", ["bracelet anti-rapprochement"]),
    ("TJ", ["tribunal judiciaire"]),
    ("TGI", ["tribunal de grande instance", "tribunal judiciaire"]),
    ("SPIP", ["service pénitentiaire d'insertion et de probation"]),
    ("TIG", ["travail d'intérêt général"]),
    ("UMJ", ["unité médico-judiciaire"]),
    ("AJ", ["aide juridictionnelle"]),
    ("CIVI", ["commission d'indemnisation des victimes d'infractions"]),
    ("BAV", ["bureau d'aide aux victimes"]),
    ("EVVI", ["évaluation personnalisée des victimes"]),
    ("PAD", ["point d'accès au droit"]),
    ("MJD", ["maison de justice et du droit"]),
    ("CDAD", ["conseil départemental de l'accès au droit"]),
    ("CLSPD", ["conseil local de sécurité et de prévention de la délinquance"]),
    ("CISPD", ["conseil intercommunal de sécurité et de prévention de la délinquance"]),
    ("FSI", ["forces de sécurité intérieure"]),
    ("PV", ["procès-verbal"]),
    ("CPCA", ["centre de prise en charge des auteurs de violences conjugales"]),
    (
        "CRIAVS",
        ["centre ressource pour les intervenants auprès des auteurs de violences sexuelles"],
    ),
    # Health.
    ("HAS", ["Haute Autorité de santé"]),
    ("CPEF", ["centre de planification et d'éducation familiale", "centre de santé sexuelle"]),
    ("IST, MST", ["infections sexuellement transmissibles"]),
    ("IVG", ["interruption volontaire de grossesse"]),
    ("VIH", ["virus de l'immunodéficience humaine"]),
    ("EPP", ["entretien prénatal précoce"]),
    ("CMP", ["centre médico-psychologique"]),
    ("CMPP", ["centre médico-psycho-pédagogique"]),
    ("CUMP", ["cellule d'urgence médico-psychologique"]),
    ("CN2R", ["Centre national de ressources et de résilience"]),
    ("CAMSP", ["centre d'action médico-sociale précoce"]),
    ("CSAPA", ["centre de soins, d'accompagnement et de prévention en addictologie"]),
    ("CMS", ["centre médico-social"]),
    ("CLS", ["contrat local de santé"]),
    ("CPTS", ["communauté professionnelle territoriale de santé"]),
    ("IDE", ["infirmier diplômé d'État"]),
    ("SAMU", ["service d'aide médicale urgente"]),
    ("CPS", ["compétences psychosociales"]),
    # Disability and old age.
    ("MDPH", ["maison départementale des personnes handicapées"]),
    ("AAH", ["allocation aux adultes handicapés"]),
    ("PCH", ["prestation de compensation du handicap"]),
    ("APA", ["allocation personnalisée d'autonomie"]),
    ("IME", ["institut médico-éducatif"]),
    (
        "ESAT",
        [
            "établissement et service d'accompagnement par le travail",
            "établissement et service d'aide par le travail",
        ],
    ),
    ("SAVS", ["service d'accompagnement à la vie sociale"]),
    ("SAMSAH", ["service d'accompagnement médico-social pour adultes handicapés"]),
    ("EHPAD", ["établissement d'hébergement pour personnes âgées dépendantes"]),
    ("CLIC", ["centre local d'information et de coordination gérontologique"]),
    ("ESMS", ["établissements et services sociaux et médico-sociaux"]),
    # Social action, housing, income.
    ("MDS", ["maison départementale des solidarités", "maison départementale de la solidarité"]),
    ("UTPAS", ["unité territoriale de prévention et d'action sociale"]),
    ("CCAS", ["centre communal d'action sociale"]),
    ("CIAS", ["centre intercommunal d'action sociale"]),
    ("CHRS", ["centre d'hébergement et de réinsertion sociale"]),
    ("SIAO", ["service intégré d'accueil et d'orientation"]),
    ("CADA", ["centre d'accueil pour demandeurs d'asile"]),
    ("HUDA", ["hébergement d'urgence pour demandeurs d'asile"]),
    ("OFPRA", ["Office français de protection des réfugiés et apatrides"]),
    ("OFII", ["Office français de l'immigration et de l'intégration"]),
    ("HLM", ["habitation à loyer modéré", "logement social"]),
    ("SDF", ["sans domicile fixe"]),
    ("RSA", ["revenu de solidarité active"]),
    ("CAF", ["caisse d'allocations familiales"]),
    ("CPAM", ["caisse primaire d'assurance maladie"]),
    ("MSA", ["Mutualité sociale agricole"]),
    ("QPV", ["quartier prioritaire de la politique de la ville"]),
    # Professions.
    ("ASS", ["assistant de service social"]),
    ("CESF", ["conseiller en économie sociale et familiale"]),
    ("EJE", ["éducateur de jeunes enfants"]),
    # The State and national bodies.
    ("DDETS", ["direction départementale de l'emploi, du travail et des solidarités"]),
    (
        "DREETS",
        ["direction régionale de l'économie, de l'emploi, du travail et des solidarités"],
    ),
    ("DRDFE", ["direction régionale aux droits des femmes et à l'égalité"]),
    ("SDFE", ["service des droits des femmes et de l'égalité entre les femmes et les hommes"]),
    ("DSDEN", ["direction des services départementaux de l'Éducation nationale"]),
    ("HCE", ["Haut Conseil à l'égalité entre les femmes et les hommes"]),
    (
        "MIPROF",
        [
            "mission interministérielle pour la protection des femmes contre les violences et la "
            "lutte contre la traite des êtres humains"
        ],
    ),
    ("CIIVISE", ["commission indépendante sur l'inceste et les violences sexuelles faites aux enfants"]),
    ("FNSF", ["Fédération nationale Solidarité Femmes"]),
    # Working words.
    ("AAP", ["appel à projets"]),
    ("APP", ["analyse des pratiques professionnelles"]),
    ("DIU", ["diplôme interuniversitaire"]),
    ("RGPD", ["règlement général sur la protection des données"]),
    ("RDV", ["rendez-vous"]),
    # Helplines.
    ("3919", ["Violences Femmes Info", "numéro national d'écoute pour les femmes victimes de violences"]),
    ("119", ["Allô enfance en danger", "enfance en danger"]),
    ("115", ["hébergement d'urgence", "Samu social"]),
    ("114", ["numéro d'urgence pour les personnes sourdes et malentendantes"]),
]

# Applied without a word above the results: they widen a search the way a synonym does.
EXPRESSIONS = [
    # How victims and relatives name the violence.
    (
        "mari violent, conjoint violent, compagnon violent, concubin violent, époux violent",
        ["violences conjugales", "auteur de violences conjugales"],
    ),
    ("femme violente, épouse violente, compagne violente", ["violences conjugales", "hommes victimes"]),
    ("femme battue, femmes battues", ["femmes victimes de violences conjugales", "violences conjugales"]),
    ("homme battu, hommes battus", ["hommes victimes de violences conjugales", "violences conjugales"]),
    (
        "petit ami violent, petit copain violent, copain violent, copine violente",
        ["violences dans le couple", "violences dans les relations amoureuses"],
    ),
    ("ex violent, ex conjoint violent", ["violences post-séparation", "violences conjugales"]),
    (
        "père violent, mère violente, parent violent, parents violents",
        ["violences intrafamiliales", "parentalité des auteurs"],
    ),
    ("coups, coups et blessures, frappée, frappé", ["violences physiques"]),
    ("viol conjugal, viol dans le couple", ["violences sexuelles dans le couple", "viol entre conjoints"]),
    ("attouchements, abus sexuel, abus sexuels", ["agression sexuelle", "violences sexuelles"]),
    ("pédophilie, pédophile, pédocriminalité", ["violences sexuelles faites aux enfants"]),
    (
        "harcèlement moral, violence psychologique, violence morale, violences morales",
        ["violences psychologiques"],
    ),
    ("insultes, injures, menaces", ["violences verbales"]),
    (
        "violence économique, privée d'argent, dépendance financière",
        ["violences économiques"],
    ),
    ("violence administrative, papiers confisqués", ["violences administratives"]),
    ("jaloux, jalouse, jalousie", ["contrôle coercitif", "emprise"]),
    (
        "pervers narcissique, pervers narcissiques, manipulateur, manipulatrice, manipulation",
        ["emprise"],
    ),
    ("fémicide, fémicides, meurtre conjugal, homicide conjugal", ["féminicide"]),
    ("dispute, disputes, scène de ménage, conflit de couple", ["conflit conjugal", "violences conjugales"]),
    ("agresseur, agresseurs, bourreau", ["auteur de violences", "auteurs"]),
    ("excision", ["mutilations génitales féminines", "mutilations sexuelles féminines"]),
    ("mariage arrangé", ["mariage forcé"]),
    ("michetonnage, loverboy, lover boy", ["prostitution des mineurs", "exploitation sexuelle"]),
    (
        "fessée, fessées, châtiments corporels, punition corporelle",
        ["violences éducatives ordinaires"],
    ),
    ("bébé secoué", ["syndrome du bébé secoué", "traumatisme crânien non accidentel"]),
    # Online.
    ("texto, textos", ["SMS"]),
    (
        "harcèlement par sms, harcèlement par texto, harcèlement par message",
        ["cyberharcèlement", "cyberviolences"],
    ),
    ("cyber harcèlement, harcèlement en ligne", ["cyberharcèlement", "cyberviolences"]),
    ("revenge porn, revenge porno, photos intimes", ["diffusion d'images intimes", "cyberviolences"]),
    ("logiciel espion, mouchard, traceur, géolocalisation", ["cyberviolences", "surveillance"]),
    ("porno, porn", ["pornographie"]),
    # Children and the people around them.
    (
        "enfant témoin, enfants témoins, enfant exposé, enfants exposés",
        ["enfants co-victimes", "enfants exposés aux violences conjugales"],
    ),
    ("covictime, covictimes", ["co-victimes", "enfants co-victimes"]),
    (
        "enfant maltraité, enfants maltraités, maltraitance infantile, maltraitance des enfants",
        ["enfance en danger", "protection de l'enfance"],
    ),
    ("enfant en danger, enfants en danger", ["enfance en danger", "information préoccupante"]),
    ("enfant placé, enfants placés, placement", ["aide sociale à l'enfance", "accueil familial"]),
    ("famille d'accueil, familles d'accueil", ["assistant familial", "accueil familial"]),
    ("signalement, signaler", ["information préoccupante", "signalement au procureur"]),
    ("ado, ados", ["adolescent", "jeunes"]),
    ("gamin, gamins, gosse, gosses, môme, mômes", ["enfant", "enfants"]),
    ("bébé, bébés", ["nourrisson", "petite enfance"]),
    ("enceinte, femme enceinte, femmes enceintes", ["grossesse", "périnatalité"]),
    ("maman, mamans", ["mère"]),
    ("papa, papas", ["père"]),
    (
        "maman solo, mère seule, mère isolée, parent solo",
        ["monoparentalité", "famille monoparentale"],
    ),
    (
        "garde des enfants, garde alternée",
        ["résidence de l'enfant", "résidence alternée", "autorité parentale"],
    ),
    ("droit de visite, droits de visite", ["visite médiatisée", "espace de rencontre"]),
    ("point rencontre, lieu neutre", ["espace de rencontre"]),
    # Publics.
    (
        "vieux, vieille, vieilles, senior, seniors, aînés, personne âgée",
        ["personnes âgées", "plus de 70 ans"],
    ),
    (
        "handicapé, handicapée, handicapés, handicapées, personne handicapée",
        ["situation de handicap", "personnes en situation de handicap"],
    ),
    ("handicap mental, retard mental", ["déficience intellectuelle"]),
    (
        "gay, gays, lesbienne, lesbiennes, homo, homosexuel, homosexuelle, homosexuels, homosexualité",
        ["LGBT+", "couples de même sexe"],
    ),
    ("trans, transgenre, transgenres, non binaire, queer", ["LGBT+", "identité de genre"]),
    ("sans papiers, sans titre de séjour", ["titre de séjour", "personnes étrangères"]),
    (
        "migrante, migrantes, étrangère, étrangères, réfugiée, réfugiées",
        ["personnes étrangères", "demandeurs d'asile"],
    ),
    ("alcool, alcoolisme, drogue, drogues, toxicomanie", ["addictions", "conduites addictives"]),
    # Help, justice, housing, money.
    ("porter plainte, déposer plainte", ["dépôt de plainte"]),
    ("certificat de coups, constat de coups", ["certificat médical", "incapacité totale de travail"]),
    ("avocat gratuit, avocat commis d'office", ["aide juridictionnelle"]),
    ("divorce, divorcer", ["séparation", "juge aux affaires familiales"]),
    (
        "éloignement du conjoint, expulsion du conjoint",
        ["éviction du conjoint violent", "ordonnance de protection"],
    ),
    ("bracelet électronique", ["bracelet anti-rapprochement"]),
    ("téléphone grand danger, téléphone d'alerte", ["téléphone grave danger"]),
    ("policier, policiers, gendarme, gendarmes, flic, flics", ["forces de l'ordre", "police", "gendarmerie"]),
    (
        "quitter son mari, quitter son conjoint, quitter le domicile",
        ["départ du domicile", "sortie des violences"],
    ),
    ("foyer, foyers", ["hébergement", "centre d'hébergement"]),
    ("logement d'urgence, mise à l'abri", ["hébergement d'urgence"]),
    ("sans abri, sans logement, à la rue", ["sans domicile fixe", "hébergement d'urgence"]),
    ("numéro d'urgence, numéro vert, numéro d'écoute", ["3919", "119"]),
    ("aide financière, aide financière d'urgence", ["aide d'urgence", "aide universelle d'urgence"]),
    ("boulot, job, taf", ["emploi", "insertion professionnelle"]),
    ("mairie, mairies", ["commune", "centre communal d'action sociale"]),
    # Professionals and places.
    (
        "assistante sociale, assistant social, assistantes sociales",
        ["assistant de service social", "travailleur social"],
    ),
    ("éduc, éducs", ["éducateur", "éducateur spécialisé"]),
    ("psy, psys", ["psychologue", "soutien psychologique"]),
    ("trauma, traumas, traumatisme, psychotrauma", ["psychotraumatisme", "psycho-trauma"]),
    (
        "épuisement professionnel, burn out, burnout, fatigue compassionnelle",
        ["fatigue professionnelle", "traumatisme vicariant"],
    ),
    ("analyse de pratique, analyse de pratiques", ["analyse des pratiques professionnelles", "supervision"]),
    ("prof, profs, professeur, professeurs, instit", ["enseignant", "Éducation nationale"]),
    ("école, écoles", ["Éducation nationale", "milieu scolaire"]),
    ("infirmière scolaire, médecin scolaire", ["santé scolaire", "Éducation nationale"]),
    ("docteur, toubib, généraliste", ["médecin", "médecin généraliste"]),
    ("centre de planification, centres de planification", ["centre de santé sexuelle"]),
    (
        "éducation sexuelle, éducation à la sexualité",
        ["éducation à la vie affective, relationnelle et sexuelle"],
    ),
    # The portal's own words: documents, trainings, data.
    (
        "flyer, flyers, prospectus, tract, plaquette, plaquettes, brochure",
        ["dépliant", "support de communication"],
    ),
    ("poster, posters", ["affiche"]),
    ("kakémono, roll up", ["support de communication", "exposition"]),
    ("expo, expos", ["exposition"]),
    ("pub, publicité, spot", ["campagne de communication"]),
    ("stats, stat, chiffres, chiffres clés", ["données", "statistiques"]),
    ("film, films, court métrage, clip", ["vidéo"]),
    ("replay, rediffusion", ["enregistrement", "webinaire"]),
    ("webinar, webinars, visio, visioconférence, conférence en ligne", ["webinaire"]),
    ("e-learning, elearning, formation en ligne, mooc", ["formation à distance", "webinaire"]),
    ("colloque, colloques, conférence, conférences, journée d'étude", ["séminaire"]),
    ("tuto, tutos, tutoriel", ["guide", "fiche réflexe"]),
    ("fiche pratique, fiches pratiques, mémo, aide-mémoire", ["fiche réflexe"]),
    (
        "questionnaire, grille de repérage, grille d'évaluation, checklist",
        ["outil de repérage", "repérage systématique"],
    ),
    ("dépistage des violences, détection, détecter", ["repérage", "repérage systématique"]),
    ("signaux d'alerte, signes d'alerte, indices", ["signaux faibles", "repérage"]),
    ("kit, kits", ["boîte à outils", "outils"]),
    ("annuaire, carte des ressources, contacts utiles", ["répertoire", "cartographie des ressources"]),
    ("newsletter, lettre d'info, infolettre", ["lettre d'information"]),
    ("mail, email, e-mail, mel", ["courriel", "adresse électronique"]),
    ("s'inscrire", ["inscription"]),
    ("subvention, subventions", ["financement", "appel à projets"]),
    ("loi, lois, législation", ["texte de référence", "cadre juridique"]),
]

# (term, expansions, shown): what ``load_glossary`` and the seed migration create.
GLOSSARY = [(term, expansions, True) for term, expansions in ABBREVIATIONS] + [
    (term, expansions, False) for term, expansions in EXPRESSIONS
]
