"""PostgreSQL: a GIN index on ``title || body``, the expression the database backend matches
(``(title || body) @@ to_tsquery(...)``).

Without it PostgreSQL has no statistics on that expression and estimates that a query
matches one row. With 10,000 resources a two-word query ("violences conjugales", 6,700
matches) then joined pages in a nested loop: 72 million comparisons, 14 to 17 s. The index
gives the planner real statistics (after ANALYZE), and a hash join: 66 ms."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin
    ON wagtailsearch_indexentry USING GIN ((title || body));
ANALYZE wagtailsearch_indexentry;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_title_body_gin;")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_simple_unaccent"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
