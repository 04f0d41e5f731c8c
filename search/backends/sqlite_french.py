"""French analysis for modelsearch's SQLite FTS5 backend (imported only on SQLite: the
FTS5 models exist only there). See ``search.backends.database``."""

import json

from django.db import connections, models
from django.db.models import F, FloatField
from django.db.models.expressions import RawSQL

from modelsearch.backends.database.sqlite import query as modelsearch_sqlite_query
from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import AndNot, Lexeme, SearchQueryExpression
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


# The most matches one ranked search scores. FTS5 computes bm25 for every row it ranks, even
# under ``ORDER BY … LIMIT``: 10,000 matches (two common words in a large library) cost about
# 80 ms, too much for a search page that runs several searches. Beyond this many matches, the
# most recently indexed ones are ranked; 2,000 keep a ranked search near 20 ms on 2 cores.
MAX_SCORED = 2000

FTS_TABLE = modelsearch_sqlite.SQLiteFTSIndexEntry._meta.db_table
ENTRY_TABLE = modelsearch_sqlite.IndexEntry._meta.db_table
INTEGER_PKS = (models.AutoField, models.BigAutoField, models.IntegerField)


def has_integer_pk(model):
    """Index entries keep object ids as text, compared here as integers."""
    field = model._meta.pk
    while field.is_relation:  # a page type's pk is its link to Page
        field = field.target_field
    return isinstance(field, INTEGER_PKS)


# bm25 weights of the FTS5 table's columns (autocomplete, body, title): a word of the title
# counts as much as four of the body; the autocomplete column (the title's prefixes) not at all.
BM25_WEIGHTS = (0.0, 1.0, 4.0)


def weighted_bm25():
    return f"bm25({FTS_TABLE}, {', '.join(str(weight) for weight in BM25_WEIGHTS)})"


class WeightedBM25(modelsearch_sqlite_query.BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        return weighted_bm25(), []


class FrenchQueryMixin:
    # Searches rank by the column-weighted bm25; autocompletion by the plain one (modelsearch's).
    WEIGHTED_SCORE = True

    def search(self, config, start, stop, score_field=None):
        # A query made only of stop words ("de la") has nothing to look for: no result,
        # rather than an empty MATCH expression.
        if isinstance(self.query, (PlainText, Phrase)) and not tokens_of(self.query):
            return self.queryset.none()
        normalized = modelsearch_sqlite.normalize(self.query)
        if (
            not self.order_by_relevance
            or not has_integer_pk(self.queryset.model)
            or isinstance(normalized, (MatchAll, Not, AndNot))
        ):
            return super().search(config, start, stop, score_field=score_field)
        return self._ranked_window(normalized, config, start, stop, score_field)

    def _ranked_window(self, normalized, config, start, stop, score_field):
        """A ranked search in two SQL statements, whatever the number of matches: one ranks
        (at most ``MAX_SCORED`` matches scored), one loads the objects of the page asked for.

        modelsearch scores each matching object with a correlated subquery that runs the
        ``MATCH`` again, and the planner may put the index entries in the outer loop: FTS5
        then runs the ``MATCH`` once per entry and recounts each term's documents for bm25
        every time (36 s for "violences conjugales" at 10,000 resources). Here the FTS5
        table is the outer loop (``CROSS JOIN`` fixes the order), read newest entry first
        (its own rowid order, no sort); each match joins its entry by primary key and is
        kept if the queryset has its object (live, public, in the site…: a correlated
        ``EXISTS``, one primary-key lookup, rather than evaluating the queryset over every
        page); the first ``MAX_SCORED`` kept are scored and SQLite keeps the page asked for
        (``ORDER BY score LIMIT``).

        The score is FTS5's bm25 of the whole ``MATCH`` with the columns weighted
        (``BM25_WEIGHTS``: a title word counts four body words), lower is better, ties to the
        newest object. For And/Or queries modelsearch multiplies or averages ``1 + bm25`` per
        part, every part reading the same whole-row bm25, which stops being monotonic once
        bm25 drops below -1 (it turned the order upside down): one bm25 ranks them here. Autocompletion keeps modelsearch's plain bm25."""
        search_query = self.build_search_query(normalized, config=config)
        if search_query is None:
            return self.queryset.none()
        connection = connections[self.queryset.db]
        match = modelsearch_sqlite.MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        match_sql, match_params = match.as_sql(
            modelsearch_sqlite.SQLiteFTSIndexEntry.objects.all().query.get_compiler(connection=connection),
            connection,
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        allowed = self.queryset.order_by().annotate(allowed_pk=F("pk")).values("allowed_pk")
        allowed_sql, allowed_params = allowed.query.sql_with_params()
        object_pk = f"CAST({ENTRY_TABLE}.object_id AS INTEGER)"
        score = weighted_bm25() if self.WEIGHTED_SCORE else f"bm25({FTS_TABLE})"
        sql = (
            "SELECT object_pk, score FROM ("  # noqa: S608 - table names and Django's SQL; values are parameters
            f"SELECT {object_pk} AS object_pk, {score} AS score "
            f"FROM {FTS_TABLE} CROSS JOIN {ENTRY_TABLE} ON {ENTRY_TABLE}.id = {FTS_TABLE}.rowid "
            f"WHERE {match_sql} "
            f"AND {ENTRY_TABLE}.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND EXISTS (SELECT 1 FROM ({allowed_sql}) AS allowed WHERE allowed.allowed_pk = {object_pk}) "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s"
            ") ORDER BY score, object_pk DESC LIMIT %s OFFSET %s"
        )
        limit = -1 if stop is None else max(stop - (start or 0), 0)
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [*match_params, *content_types, *allowed_params, MAX_SCORED, limit, start or 0]
            )
            scores = dict(cursor.fetchall())
        if not scores:
            return self.queryset.none()
        # One parameter for the order (and one for the scores), not a CASE of 500 branches
        # per row: Django took longer to compile those than SQLite to rank.
        column = f'"{self.queryset.model._meta.db_table}"."{self.queryset.model._meta.pk.column}"'
        queryset = self.queryset.filter(pk__in=list(scores))
        if score_field is not None:
            queryset = queryset.annotate(
                **{
                    score_field: RawSQL(  # noqa: S611 - a column name; values are parameters
                        f"json_extract(%s, '$.\"' || {column} || '\"')",
                        [json.dumps({str(pk): score for pk, score in scores.items()})],
                        output_field=FloatField(),
                    )
                }
            )
        return queryset.order_by(
            RawSQL(f"instr(%s, ',' || {column} || ',')", [",".join(["", *map(str, scores), ""])])  # noqa: S611 - same
        )

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """FTS5's bm25 of the whole ``MATCH``, columns weighted. modelsearch multiplies one
        bm25 per part of an ``And`` (``(1 + a) * (1 + b) - 1``): bm25 is negative (lower is
        better) and every part gets the same value (bm25 scores the whole match), so two
        parts turned the order upside down."""
        return self._score()

    def _build_rank_expression(self, vectors, config):
        return self._score()

    def _score(self):
        return WeightedBM25() if self.WEIGHTED_SCORE else modelsearch_sqlite_query.BM25()

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
    WEIGHTED_SCORE = False

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


def tidy_index(index):
    """After a rebuild (``update_index``): merge the FTS5 segments that thousands of
    inserts left (one b-tree per term to read instead of dozens: the ``MATCH`` of a common
    word twice as fast) and refresh the planner's statistics on the index entries (stale
    ones, e.g. taken before the index was filled, make SQLite scan the whole entry table to
    build a Bloom filter for each search)."""
    with index.write_connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608 - a table name
        cursor.execute(f"ANALYZE {ENTRY_TABLE}")


class FrenchSQLiteSearchRebuilder(modelsearch_sqlite.SQLiteSearchRebuilder):
    def finish(self):
        super().finish()
        tidy_index(self.index)


class FrenchSQLiteSearchAtomicRebuilder(modelsearch_sqlite.SQLiteSearchAtomicRebuilder):
    def finish(self):
        tidy_index(self.index)  # inside the rebuild's transaction, which super() ends
        super().finish()


class FrenchSQLiteSearchBackend(modelsearch_sqlite.SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    rebuilder_class = FrenchSQLiteSearchRebuilder
    atomic_rebuilder_class = FrenchSQLiteSearchAtomicRebuilder
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
