"""Import trainings and their sessions from a CSV or XLSX file:
``python manage.py import_trainings FICHIER``.

The columns live in ``trainings.importing``; the command body (report, exit status,
``--dry-run``) is ``importing.command.ImportCommand``, shared with ``import_resources``."""

from importing.command import CONTRACT_HELP, FILE_FORMATS, ImportCommand
from trainings.importing import TrainingImporter

HELP = (
    f"""Importe des formations et leurs sessions dans le catalogue depuis un
fichier {FILE_FORMATS}.

Colonnes (ligne 1, casse et accents indifférents) : title, provider, summary, themes, audiences,
format, duration_hours, cost, funded, session_start, session_end, place, territory, capacity,
registration, registration_url. Obligatoires : title et provider (nom d'un organisme
enregistré, casse et accents indifférents ; « PF59 » ou « ODPE » suffisent).

Formation : thèmes et publics séparés par « ; » ; format présentiel, distanciel ou hybride
(présentiel si vide) ; duration_hours en heures (14 ou 3,5) ; cost en texte libre
(« Gratuit », « 450 € ») ; funded oui ou non (prise en charge par le Département, non si vide) ;
summary : 600 caractères au plus.

Session (facultative) : session_start et session_end vont ensemble, au format
AAAA-MM-JJ HH:MM (ou cellules date et heure d'un XLSX) ; place (« En ligne » pour une
session à distance) ; territory parmi les huit territoires du Département ; capacity :
nombre entier de places (vide : sans limite) ; registration ouverte (par défaut), validation
ou externe ; registration_url, adresse complète, obligatoire pour une inscription externe.
Une formation proposée à plusieurs dates prend une ligne par session, les colonnes de la
formation étant répétées à l'identique.

Chaque ligne valide est enregistrée et publiée dans sa propre transaction. Une formation de
même titre (casse et espaces en bordure ignorés) est mise à jour au lieu d'être dupliquée :
ses colonnes remplacent ses champs (objectifs, programme et autres champs saisis dans
l'administration restent en place). Une session de même date et heure de début est mise à
jour au lieu d'être dupliquée ; les sessions absentes du fichier restent en place. Relancer
l'import sur le même fichier ne change rien.

"""
    + CONTRACT_HELP
)


class Command(ImportCommand):
    help = HELP
    importer_class = TrainingImporter
    missing_parent = (
        "Le catalogue des formations (page « formations ») n'existe pas encore : "
        "créez-le sous la page d'accueil dans l'administration avant d'importer."
    )
