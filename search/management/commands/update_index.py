"""``update_index``: Wagtail's (modelsearch's) command, then the search vocabulary.

The vocabulary (``search.vocabulary``: the words corrections and completions come from) is
rebuilt from the live pages at the end, whatever the backend, so that a fresh index and its
vocabulary always describe the same content."""

from wagtail.search.management.commands.update_index import Command as WagtailCommand

from search import vocabulary


class Command(WagtailCommand):
    def handle(self, **options):
        super().handle(**options)
        count = vocabulary.rebuild()
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Vocabulaire de recherche : {count} mots.")
