"""Import resources from a CSV or XLSX file: ``python manage.py import_resources FICHIER``.

The logic lives in ``library.importing``; this command only finds the library index,
prints the report and chooses the exit status."""

from django.core.management.base import CommandError

from importing.command import ImportCommand
from library.importing import ResourceImporter, get_library_index

HELP = """Importe des ressources dans la bibliothèque depuis un fichier CSV (UTF-8, avec ou sans BOM,
séparateur « , » ou « ; ») ou XLSX (première feuille).

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

Les lignes en erreur sont signalées sur la sortie d'erreur (« Ligne 4 : … », l'en-tête étant
la ligne 1) et le bilan est écrit sur la sortie standard.

Code de sortie : 0 si toutes les lignes sont valides ; 1 (CommandError) si une ligne au moins
est en erreur, APRÈS l'import des lignes valides (un cron ou un script le remarque ainsi), ou
si le fichier entier est inutilisable (introuvable, illisible, colonnes obligatoires absentes),
auquel cas rien n'est importé. Avec --dry-run, même code de sortie, mais rien n'est écrit."""


class Command(ImportCommand):
    help = HELP

    def get_importer(self):
        index = get_library_index()
        if index is None:
            raise CommandError(
                "La bibliothèque de ressources (page « ressources ») n'existe pas encore : "
                "créez-la sous la page d'accueil dans l'administration avant d'importer."
            )
        return ResourceImporter(index)
