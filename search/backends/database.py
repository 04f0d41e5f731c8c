"""The portal's database search backend: modelsearch's, with French analysis.

- SQLite (FTS5, the embedded default): FTS5 folds case and accents but does not stem, so the
  indexed text and the queries both go through ``search.french.analyze`` (elisions, stop
  words, Snowball French stems) — here, in one place.
- PostgreSQL: modelsearch's backend as it is, with ``SEARCH_CONFIG = "fr_unaccent"`` (a French
  text-search configuration with unaccent, created by ``search``'s migration).
- Other databases: modelsearch's fallback.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``."""

from django.db import connection

from modelsearch.backends import database as modelsearch_database


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    backend = modelsearch_database.SearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_french import FrenchSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return FrenchSQLiteSearchBackend(params)
    elif connection.vendor == "postgresql" and backend.config == "fr_unaccent":
        # modelsearch autocompletes with "simple" (no stemming); ours also ignores accents
        # (search/migrations/0004).
        backend.autocomplete_config = "simple_unaccent"
    return backend
