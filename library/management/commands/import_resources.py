"""Import resources from a CSV or XLSX file: ``python manage.py import_resources FICHIER``.

The columns live in ``library.importing``; the command body (report, exit status,
``--dry-run``) is ``importing.command.ImportCommand``, shared with ``import_trainings``."""

from importing.command import CONTRACT_HELP, FILE_FORMATS, ImportCommand
from library.importing import ResourceImporter

HELP = (
    f"""Importe des ressources dans la bibliothèque depuis un fichier
{FILE_FORMATS}.

Colonnes (ligne 1, casse et accents indifférents) : title, summary, resource_type, themes,
audiences, organisation, published, url, file. Obligatoires : title, resource_type, published
(AAAA-MM-JJ, ou une cellule date dans un XLSX). Thèmes et publics séparés par « ; » dans la
cellule. summary : 600 caractères au plus. url : adresse complète (https://…). file : chemin
d'un fichier à joindre, relatif au dossier du fichier importé.

Chaque ligne valide est publiée sous la bibliothèque, dans sa propre transaction. Une
ressource de même titre (casse et espaces en bordure ignorés) est mise à jour au lieu d'être
dupliquée : champs, thèmes et publics sont remplacés par ceux de la ligne ; une cellule file
vide laisse les fichiers en place, un fichier déjà présent dans la médiathèque (même contenu)
est réutilisé, un autre fichier remplace le premier fichier de la ressource. Relancer l'import
sur le même fichier ne change rien.

"""
    + CONTRACT_HELP
)


class Command(ImportCommand):
    help = HELP
    importer_class = ResourceImporter
    missing_parent = (
        "La bibliothèque de ressources (page « ressources ») n'existe pas encore : "
        "créez-la sous la page d'accueil dans l'administration avant d'importer."
    )
