"""The CI search node (OpenSearch 2.19 from Maven Central, see ci/README.md).

`.ci/run` starts it and exports SEARCH_TEST_URL=opensearch2+http://127.0.0.1:PORT.
Without that variable these tests skip locally and fail under CI=true.
"""

import os

from tests.conftest import require_service

SEARCH_TEST_URL = os.environ.get("SEARCH_TEST_URL", "")


def connect():
    require_service(
        bool(SEARCH_TEST_URL),
        "SEARCH_TEST_URL non défini : pas de nœud OpenSearch pour les tests de recherche "
        "(`bash .ci/run` en démarre un, ou ci/search-node/node.sh run ; "
        "puis SEARCH_TEST_URL=opensearch2+http://127.0.0.1:9250)",
    )
    engine, _, address = SEARCH_TEST_URL.partition("+")
    assert engine in {"opensearch2", "opensearch3"} and address, (
        f"SEARCH_TEST_URL={SEARCH_TEST_URL!r} : attendu opensearch2+http://hôte:port"
    )
    from opensearchpy import OpenSearch

    return OpenSearch([address], timeout=10)


def test_search_node_is_opensearch():
    client = connect()
    try:
        version = client.info()["version"]
    finally:
        client.close()
    assert version["distribution"] == "opensearch"
    assert version["number"].split(".")[0] in {"2", "3"}


def test_french_analyzer_stems_words():
    client = connect()
    try:
        result = client.indices.analyze(body={"analyzer": "french", "text": "Les violences conjugales"})
    finally:
        client.close()
    # Stop word "les" dropped, light French stemming.
    assert [token["token"] for token in result["tokens"]] == ["violenc", "conjugal"]
