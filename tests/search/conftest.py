import pytest

from django.db import connection

from tests.library.conftest import library_index, private_collection, toolbox  # noqa: F401 - shared fixtures
from tests.search import node


@pytest.fixture(params=["database", "node"], ids=["database", node.LABEL])
def backend(request, demo_content):
    """The demo content searched on the database backend in use (its vendor as the label),
    then on the search node of ``SEARCH_TEST_URL`` under indices named for the test module
    (skipped locally without a node). A module with other content defines its own."""
    if request.param == "database":
        yield connection.vendor
        return
    with node.indexed(request.module.__name__.rpartition(".")[2]) as label:
        yield label
