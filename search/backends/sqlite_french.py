"""French analysis for modelsearch's SQLite FTS5 backend (imported only on SQLite: the
FTS5 models exist only there). See ``search.backends.database``."""

from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import Phrase, PlainText

from search.french import analyze, analyze_to_text


class FrenchObjectIndexer(modelsearch_sqlite.ObjectIndexer):
    def prepare_value(self, value):
        return analyze_to_text(super().prepare_value(value))


class FrenchSQLiteIndex(modelsearch_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's ``add_items``, with the French indexer (modelsearch names its
        indexer class inside the method, so the method is restated here)."""
        if not model.get_search_fields():
            return
        indexers = [FrenchObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = modelsearch_sqlite.get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            [
                modelsearch_sqlite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class FrenchQueryMixin:
    def search(self, config, start, stop, score_field=None):
        # A query made only of stop words ("de la") has nothing to look for: no result,
        # rather than an empty MATCH expression.
        if isinstance(self.query, (PlainText, Phrase)) and not analyze(self.query.query_string):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = analyze(query.query_string)
            if not terms:
                return None
            *others, last = terms
            lexemes = Lexeme(last, prefix=self.LAST_TERM_IS_PREFIX)
            for term in others:
                if query.operator.upper() == "AND":
                    lexemes &= Lexeme(term)
                else:
                    lexemes |= Lexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            terms = analyze(query.query_string)
            if not terms:
                return None
            return SearchQueryExpression(" ".join(terms))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchQueryCompiler(FrenchQueryMixin, modelsearch_sqlite.SQLiteSearchQueryCompiler):
    pass


class FrenchSQLiteAutocompleteQueryCompiler(
    FrenchQueryMixin, modelsearch_sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class FrenchSQLiteSearchBackend(modelsearch_sqlite.SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
