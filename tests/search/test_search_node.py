"""The CI search node, seen with the engine's own Python client (see ci/README.md).

`.ci/run` starts two nodes: OpenSearch 2.19 for `make test`
(SEARCH_TEST_URL=opensearch2+http://127.0.0.1:PORT, opensearch-py) and Elasticsearch 7.10 for
`make test-es7` (elasticsearch7+http://127.0.0.1:PORT, elasticsearch-py 7.x in .venv-es7).
Without that variable these tests skip locally and fail under CI=true.
"""

import pytest

from tests.search import node


@pytest.fixture
def client():
    node.require_node()
    address = node.SEARCH_TEST_URL.partition("+")[2]
    if node.ENGINE.startswith("opensearch"):
        from opensearchpy import OpenSearch

        client = OpenSearch([address], timeout=10)
    else:
        from elasticsearch import Elasticsearch

        client = Elasticsearch([address], timeout=10)
    try:
        yield client
    finally:
        client.close()


def test_search_node_is_the_engine_named_by_the_url(client):
    version = client.info()["version"]
    major = version["number"].split(".")[0]
    if node.ENGINE.startswith("opensearch"):
        assert version["distribution"] == "opensearch"
        assert major in {"2", "3"}
    else:
        # elasticsearch7+ → a 7.x Elasticsearch server (OpenSearch reports its distribution).
        assert version.get("distribution") != "opensearch"
        assert major == node.ENGINE.removeprefix("elasticsearch")


def test_french_analyzer_stems_words(client):
    result = client.indices.analyze(body={"analyzer": "french", "text": "Les violences conjugales"})
    # Stop word "les" dropped, light French stemming.
    assert [token["token"] for token in result["tokens"]] == ["violenc", "conjugal"]
