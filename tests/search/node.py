"""The search node the search tests run against: the one named by ``SEARCH_TEST_URL``.

``.ci/run`` starts two (see ci/README.md, "Search nodes"): OpenSearch 2.19 for ``make test``
(``SEARCH_TEST_URL=opensearch2+http://…``) and Elasticsearch 7.10 for ``make test-es7``
(``elasticsearch7+http://…``, in ``.venv-es7`` with the 7.x Python client). The engine is the
URL's scheme prefix; the tests that need a node skip locally without the variable and fail
under ``CI=true`` (``require_service``)."""

import contextlib
import os
import uuid

from django.core.management import call_command
from django.test import override_settings

from wagtail.search.backends import get_search_backend

from portal.settings.base import search_backends_from_url
from tests.conftest import require_service

SEARCH_TEST_URL = os.environ.get("SEARCH_TEST_URL", "")
ENGINE = SEARCH_TEST_URL.partition("+")[0]

# The modelsearch backend class each engine gets from search_backends_from_url
# (opensearch2+ URLs get opensearch3's class, see there).
BACKEND_CLASSES = {
    "opensearch2": "OpenSearch3SearchBackend",
    "opensearch3": "OpenSearch3SearchBackend",
    "elasticsearch7": "Elasticsearch7SearchBackend",
    "elasticsearch8": "Elasticsearch8SearchBackend",
    "elasticsearch9": "Elasticsearch9SearchBackend",
}

# The node's name in test ids and in the relevance figures: "opensearch", "elasticsearch7"…
LABEL = "opensearch" if ENGINE.startswith("opensearch") else (ENGINE or "search_node")

MISSING = (
    "SEARCH_TEST_URL non défini : pas de nœud OpenSearch/Elasticsearch pour les tests de recherche "
    "(`bash .ci/run` en démarre deux, ou ci/search-node/node.sh run ; "
    "puis SEARCH_TEST_URL=opensearch2+http://127.0.0.1:9250)"
)


def require_node():
    require_service(bool(SEARCH_TEST_URL), MISSING)
    assert ENGINE in BACKEND_CLASSES, (
        f"SEARCH_TEST_URL={SEARCH_TEST_URL!r} : moteur attendu parmi {sorted(BACKEND_CLASSES)}"
    )


def node_backends(prefix):
    """``WAGTAILSEARCH_BACKENDS`` for the test node, indices prefixed with ``prefix``."""
    require_node()
    return search_backends_from_url(f"{SEARCH_TEST_URL.rstrip('/')}/{prefix}")


def delete_indices(backends):
    """Drop every index (and alias) under the backend's prefix (call with ``backends`` active)."""
    backend = get_search_backend()
    prefix = backends["default"]["INDEX_PREFIX"]
    names = list(backend.es.indices.get(index=f"{prefix}*"))
    if names:
        backend.es.indices.delete(index=",".join(names))


@contextlib.contextmanager
def indexed(prefix):
    """Within the block, the node is the search backend, holding everything in the database
    (``update_index``) under indices of its own, dropped at the end."""
    backends = node_backends(f"{prefix}_{uuid.uuid4().hex[:12]}")
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        try:
            call_command("update_index", verbosity=0)
            yield LABEL
        finally:
            delete_indices(backends)
