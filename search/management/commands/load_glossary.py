"""Add the glossary's entries (``search.glossary``) that the synonyms lack: after editors
deleted rows, or once the glossary has grown since the seed migration. Idempotent: an entry
one of whose spellings an existing row already holds (case, accents and dots aside) is left
alone, so editors' changes are never overwritten."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.forms import split_term
from search.glossary import GLOSSARY
from search.models import Synonym
from search.synonyms import term_words


def spellings(term):
    return {key for key in (term_words(spelling) for spelling in split_term(term)) if key}


def missing_entries():
    """The glossary's entries none of whose spellings a synonym holds yet, in order."""
    taken = set()
    for term in Synonym.objects.values_list("term", flat=True):
        taken |= spellings(term)
    missing = []
    for term, expansions, shown in GLOSSARY:
        keys = spellings(term)
        if not keys & taken:
            missing.append((term, expansions, shown))
            taken |= keys
    return missing


class Command(BaseCommand):
    help = "Ajoute les entrées du glossaire absentes des synonymes et sigles (sans toucher aux autres)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Affiche les entrées sans les ajouter.")

    def handle(self, *args, dry_run=False, **options):
        missing = missing_entries()
        if not dry_run:
            with transaction.atomic():
                for term, expansions, shown in missing:
                    # One save per entry (not bulk_create): the save signal refreshes the
                    # synonyms the search reads.
                    Synonym.objects.create(term=term, expansions="\n".join(expansions), shown=shown)
        if options.get("verbosity", 1) >= 2:
            for term, _expansions, _shown in missing:
                self.stdout.write(f"  {term}")
        verb = "à ajouter" if dry_run else "ajoutée(s)"
        self.stdout.write(
            f"{len(missing)} entrée(s) du glossaire {verb}, {len(GLOSSARY) - len(missing)} déjà présente(s)."
        )
