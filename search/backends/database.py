"""The portal's database search backend: modelsearch's, with the portal's French analysis
(``search.french``) done in Python, at index time and at query time, on every database.

- SQLite (FTS5, the embedded default): ``search.backends.sqlite_french``.
- PostgreSQL: ``search.backends.postgres_french`` (tokens under the ``simple`` configuration;
  autocompletion with ``simple_unaccent``, search/migrations/0004).
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
    elif connection.vendor == "postgresql":
        from .postgres_french import FrenchPostgresSearchBackend

        backend = FrenchPostgresSearchBackend(params)
        # modelsearch autocompletes with "simple" (no stemming); ours also ignores accents.
        backend.autocomplete_config = "simple_unaccent"
    return backend
