"""French analysis for modelsearch's SQLite FTS5 backend (imported only on SQLite: the
FTS5 models exist only there). See ``search.backends.database``."""

from django.db.models import Case, FloatField, Value, When

from modelsearch.backends.database.sqlite import query as modelsearch_sqlite_query
from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.french import STOP_WORDS, analyze_to_text, words
from search.tokens import tokens_of


def autocomplete_words(text):
    """Folded words without stop words: what autocompletion compares, prefixes included."""
    return [word for word in words(text) if word not in STOP_WORDS]


class FrenchObjectIndexer(modelsearch_sqlite.ObjectIndexer):
    """Indexes the analysis' tokens (``search.french.index_text``), once per field: the
    value as a whole is analyzed, not each item of a list again (a StreamField's texts were
    stemmed twice when ``prepare_value`` did it, since it calls itself on each item)."""

    def prepare_field(self, obj, field):
        if isinstance(field, AutocompleteField):
            # Autocompletion matches prefixes of the words as written (folded), as on
            # PostgreSQL (simple_unaccent) and OpenSearch (edge n-grams): no stems.
            yield (field, " ".join(autocomplete_words(self.prepare_value(field.get_value(obj)))))
        elif isinstance(field, SearchField):
            yield (field, analyze_to_text(self.prepare_value(field.get_value(obj))))
        else:
            yield from super().prepare_field(obj, field)


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


MAX_RANKED = 500

# bm25 weights of the FTS5 table's columns (autocomplete, body, title): a word of the title
# counts as much as four of the body; the autocomplete column (the title's prefixes) not at all.
BM25_WEIGHTS = (0.0, 1.0, 4.0)


class WeightedBM25(modelsearch_sqlite_query.BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
        return f"bm25({modelsearch_sqlite.SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class FrenchQueryMixin:
    def search(self, config, start, stop, score_field=None):
        # A query made only of stop words ("de la") has nothing to look for: no result,
        # rather than an empty MATCH expression.
        if isinstance(self.query, (PlainText, Phrase)) and not tokens_of(self.query):
            return self.queryset.none()
        normalized = modelsearch_sqlite.normalize(self.query)
        # Pages of results (the search page asks for at most 200): ranked with one MATCH.
        # Without a bound, the ordering would need one SQL parameter per match.
        bounded = stop is not None and stop - (start or 0) <= MAX_RANKED
        if not (self.order_by_relevance and bounded) or isinstance(normalized, (MatchAll, Not)):
            return super().search(config, start, stop, score_field=score_field)
        return self._ranked_once(normalized, config, start, stop, score_field or "_score")

    def _ranked_once(self, normalized, config, start, stop, score_field):
        """modelsearch's ranked search, with the FTS5 ``MATCH`` run once.

        modelsearch scores each matching object with a correlated subquery that runs the
        whole ``MATCH`` again (``SELECT bm25(...) ... WHERE MATCH ... AND object_id =
        page.id LIMIT 1``): quadratic in the number of matches (3 s at 3,000 resources,
        minutes at 10,000). Here the scores of every match come from one query, the
        queryset's own filters (live, public…) from a second, and the page asked for is
        ranked in Python: lower bm25 first, then the newest, as modelsearch orders."""
        match = modelsearch_sqlite.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalized, config=config)
        )
        scores = {}
        for object_id, score in (
            modelsearch_sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
        ):
            scores.setdefault(str(object_id), score)
        pk_field = self.queryset.model._meta.pk
        allowed = self.queryset.filter(pk__in=[pk_field.to_python(pk) for pk in scores]).values_list(
            "pk", flat=True
        )
        ranked = sorted(allowed, key=lambda pk: (scores[str(pk)], -pk))[start:stop]
        if not ranked:
            return self.queryset.none()
        return (
            self.queryset.filter(pk__in=ranked)
            .annotate(
                **{
                    score_field: Case(
                        *[When(pk=pk, then=Value(scores[str(pk)])) for pk in ranked],
                        output_field=FloatField(),
                    )
                }
            )
            .order_by(Case(*[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked)]))
        )

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """FTS5's bm25 of the whole ``MATCH``, columns weighted. modelsearch multiplies one
        bm25 per part of an ``And`` (``(1 + a) * (1 + b) - 1``): bm25 is negative (lower is
        better) and every part gets the same value (bm25 scores the whole match), so two
        parts turned the order upside down."""
        return WeightedBM25()

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = tokens_of(query)
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
            terms = tokens_of(query)
            if not terms:
                return None
            return SearchQueryExpression(" ".join(terms))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchQueryCompiler(FrenchQueryMixin, modelsearch_sqlite.SQLiteSearchQueryCompiler):
    pass


class FrenchSQLiteAutocompleteQueryCompiler(
    FrenchQueryMixin, modelsearch_sqlite.SQLiteAutocompleteQueryCompiler
):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            terms = autocomplete_words(query.query_string)
            if not terms:
                return None
            *others, last = terms
            lexemes = Lexeme(last, prefix=True)
            for term in others:
                lexemes &= Lexeme(term)
            return SearchQueryExpression(lexemes, config=config)
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchBackend(modelsearch_sqlite.SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
