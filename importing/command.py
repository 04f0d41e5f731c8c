"""The body of the apps' import commands (``import_resources``, ``import_trainings``): an app's
command names its importer, the message shown when the destination page is missing, and the
first part of its help (the columns); the rest of the contract is here, written once."""

from django.core.management.base import BaseCommand, CommandError

from .rows import ImportFileError

# What every import command's help says: the files it reads, and (at the end) what it answers.
FILE_FORMATS = "CSV (UTF-8, avec ou sans BOM, séparateur « , » ou « ; ») ou XLSX (première feuille)"
CONTRACT_HELP = """Les lignes en erreur sont signalées sur la sortie d'erreur (« Ligne 4 : … », l'en-tête étant
la ligne 1) et le bilan est écrit sur la sortie standard.

Code de sortie : 0 si toutes les lignes sont valides ; 1 (CommandError) si une ligne au moins
est en erreur, APRÈS l'import des lignes valides (un cron ou un script le remarque ainsi), ou
si le fichier entier est inutilisable (introuvable, illisible, colonnes obligatoires absentes),
auquel cas rien n'est importé. Avec --dry-run, même code de sortie, mais rien n'est écrit."""


class ImportCommand(BaseCommand):
    """The shared contract of the portal's import commands: French report on stderr and
    stdout, each good row imported, exit status 1 when rows were refused, ``--dry-run``.
    A command sets ``help`` (ending with ``CONTRACT_HELP``), ``importer_class`` (a
    ``PagesByTitleMixin`` importer) and ``missing_parent`` (in French: the page to create
    before importing)."""

    importer_class = None
    missing_parent = ""

    def get_importer(self):
        parent = self.importer_class.find_parent()
        if parent is None:
            raise CommandError(self.missing_parent)
        return self.importer_class(parent)

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FICHIER", help="Fichier .csv ou .xlsx à importer.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vérifie le fichier et affiche le bilan sans rien enregistrer.",
        )

    def handle(self, *args, file, dry_run=False, verbosity=1, **options):
        importer = self.get_importer()
        try:
            report = importer.run(file, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        if report.ignored_columns and verbosity >= 1:
            self.stderr.write(
                "Colonne(s) ignorée(s) : " + ", ".join(f"« {name} »" for name in report.ignored_columns)
            )
        for message in report.error_lines():
            self.stderr.write(message)
        if verbosity >= 2:
            prefix = "serait " if dry_run else ""
            for line, outcome, label in report.outcomes:
                self.stdout.write(f"Ligne {line} : {prefix}{outcome.value} « {label} »")

        summary = importer.summary(report)
        if dry_run:
            summary = f"Simulation (--dry-run), rien n'a été enregistré : {summary}"
        style = self.style.SUCCESS if not report.error_count else self.style.WARNING
        self.stdout.write(style(summary))

        if report.error_count:
            done = "rien n'a été enregistré" if dry_run else "les lignes valides ont été importées"
            raise CommandError(
                f"{report.error_count} ligne(s) en erreur ({done}) : corrigez-les puis relancez l'import."
            )
