"""OpenSearch / Elasticsearch with the portal's French analysis (``search.french``) done in
Python: documents carry the analysis' tokens, which the index splits on spaces only (the
``default`` analyzer of ``portal.settings.base.search_backends_from_url``), and the search
compiler analyzes a plain query with the same function. So the node compares exactly the
tokens SQLite and PostgreSQL compare. Autocompletion keeps its raw titles and edge n-grams.

Settings: ``"BACKEND": "search.backends.node"`` and ``"ENGINE"``: the modelsearch module
(``opensearch3``, ``elasticsearch7``, ``elasticsearch8``, ``elasticsearch9``)."""

import importlib

from modelsearch.index import AutocompleteField, SearchField

from search.french import analyze_to_text
from search.tokens import as_tokens


def _flatten(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_flatten(item) for item in value if item is not None)
    if isinstance(value, dict):
        return ", ".join(_flatten(item) for item in value.values() if item is not None)
    return "" if value is None else str(value)


class FrenchMappingMixin:
    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, SearchField) and not isinstance(field, AutocompleteField) and value is not None:
            value = analyze_to_text(_flatten(value))
        return name, value, edgengrams


class FrenchCompilerMixin:
    def _compile_plaintext_query(self, query, fields, boost=1.0):
        query = as_tokens(query)
        if query is None:
            return {"match_none": {}}
        return super()._compile_plaintext_query(query, fields, boost)

    def _compile_phrase_query(self, query, fields):
        query = as_tokens(query)
        if query is None:
            return {"match_none": {}}
        return super()._compile_phrase_query(query, fields)


_classes = {}


def backend_class(engine):
    if engine not in _classes:
        base = importlib.import_module(f"modelsearch.backends.{engine}").SearchBackend
        mapping = type(base.mapping_class.__name__, (FrenchMappingMixin, base.mapping_class), {})
        compiler = type(
            base.query_compiler_class.__name__,
            (FrenchCompilerMixin, base.query_compiler_class),
            {"mapping_class": mapping},
        )
        _classes[engine] = type(
            base.__name__,
            (base,),
            {"mapping_class": mapping, "query_compiler_class": compiler, "__module__": __name__},
        )
    return _classes[engine]


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    params = dict(params)
    engine = params.pop("ENGINE")
    return backend_class(engine)(params)
