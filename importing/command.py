"""Base class of the apps' import commands (``import_resources``, ``import_trainings``)."""

from django.core.management.base import BaseCommand, CommandError

from .rows import ImportFileError


class ImportCommand(BaseCommand):
    """The shared contract of the portal's import commands: French report on stderr and
    stdout, each good row imported, exit status 1 when rows were refused, ``--dry-run``.
    A command sets ``help`` and implements ``get_importer()`` (raise CommandError when the
    parent page is missing)."""

    def get_importer(self):
        raise NotImplementedError

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
