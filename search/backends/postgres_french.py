"""French analysis for modelsearch's PostgreSQL backend (imported only on PostgreSQL).

The index holds the tokens of ``search.french`` under the ``simple`` configuration (no
stemming, no stop words: the tokens are already stems), and the search compiler analyzes a
plain query with the same function, so PostgreSQL compares exactly what SQLite and
OpenSearch compare. Autocompletion keeps modelsearch's way (raw titles, ``simple_unaccent``,
prefixes). See ``search.backends.database``."""

from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText

from search.french import analyze_to_text
from search.tokens import as_tokens


class FrenchObjectIndexer(modelsearch_postgres.ObjectIndexer):
    def prepare_field(self, obj, field):
        if isinstance(field, SearchField):
            value = analyze_to_text(self.prepare_value(field.get_value(obj)))
            yield (field, modelsearch_postgres.get_weight(field.boost), value)
        else:
            yield from super().prepare_field(obj, field)


class FrenchPostgresIndex(modelsearch_postgres.PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch names its indexer class inside ``add_items`` (a module global): the
        # French one replaces it there. Only this backend uses that module in the portal.
        modelsearch_postgres.ObjectIndexer = FrenchObjectIndexer
        super().add_items(model, objs)


class FrenchPostgresSearchQueryCompiler(modelsearch_postgres.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            query = as_tokens(query)
            if query is None:
                return None
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresSearchBackend(modelsearch_postgres.PostgresSearchBackend):
    index_class = FrenchPostgresIndex
    query_compiler_class = FrenchPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Tokens in, tokens out: "simple" only lower-cases and splits, as the tokens already are.
        self.config = "simple"
