"""When the search engine is down, the portal stays up; ``update_index`` catches up afterwards.

- searching raises ``search.query.SearchUnavailable`` (not the client's exception), whether the
  connection is refused or times out, and the search page answers 503 with a French message;
- saving, publishing and deleting pages still work: modelsearch logs the failed index update
  and goes on (its OpenSearch/Elasticsearch backends set ``catch_indexing_errors``, and the
  update runs as a django-tasks task whose immediate backend records failures, never raises);
- ``manage.py update_index`` then indexes what was missed: on the database backend always,
  on the search node named by ``SEARCH_TEST_URL`` (``tests.search.node``; skipped locally
  without it, fails under ``CI=true``).

The "down" engine is of the node's kind (elasticsearch7 in ``make test-es7``, so the 7.x
client's errors are checked too), opensearch2 without ``SEARCH_TEST_URL``.

"Down" is a local port bound but not listening (connections refused), or listening but never
answering (timeouts): no network, nothing to start."""

import logging
import socket
import time
import uuid

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from demo.builders.common import ensure_page, get_home_page
from home.models import ContentPage
from portal.settings.base import search_backends_from_url
from search.query import SearchUnavailable, search
from tests.search import node

pytestmark = pytest.mark.django_db


@pytest.fixture
def refused_port():
    """A port nothing listens on: bound (so nobody else takes it meanwhile), not listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def silent_port():
    """A port that accepts connections (the kernel's backlog) but never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def engine_at(port, prefix="portail_vif", timeout=None):
    backends = search_backends_from_url(f"{node.ENGINE or 'opensearch2'}+http://127.0.0.1:{port}/{prefix}")
    if timeout is not None:
        backends["default"]["TIMEOUT"] = timeout
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


@pytest.fixture
def engine_down(refused_port):
    with engine_at(refused_port):
        yield refused_port


def test_search_raises_search_unavailable_when_the_connection_is_refused(engine_down):
    results = search(Page.objects.live(), "violences")
    with pytest.raises(SearchUnavailable):
        list(results)
    with pytest.raises(SearchUnavailable):
        results.count()
    with pytest.raises(SearchUnavailable):
        list(results[:10])


def test_search_raises_search_unavailable_on_timeout(silent_port):
    with engine_at(silent_port, timeout=1):
        started = time.monotonic()
        with pytest.raises(SearchUnavailable):
            list(search(Page.objects.live(), "violences")[:10])
    assert time.monotonic() - started < 10


def test_only_stop_words_ask_nothing_even_when_down(engine_down):
    assert list(search(Page.objects.live(), "de la")) == []


def test_search_page_answers_503_in_french(client, engine_down):
    response = client.get("/recherche/", {"q": "violences"})
    assert response.status_code == 503
    assert "Service de recherche temporairement indisponible" in response.content.decode()


def test_publishing_and_deleting_still_work(engine_down, caplog):
    with caplog.at_level(logging.ERROR, logger="modelsearch.index"):
        page = ensure_page(
            get_home_page(), ContentPage, "publiee-moteur-arrete", title="Publiée moteur arrêté"
        )
        page.title = "Republiée moteur arrêté"
        page.save_revision().publish()
        assert Page.objects.live().filter(pk=page.pk, title="Republiée moteur arrêté").exists()
        page.delete()
    assert not Page.objects.filter(pk=page.pk).exists()
    # Logged, for the operator to run update_index.
    assert any("while adding" in record.getMessage() for record in caplog.records)


def test_update_index_catches_up_on_the_database_backend():
    backends = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        ensure_page(get_home_page(), ContentPage, "rattrapage", title="Rattrapage de l'indexation")
        assert list(search(Page.objects.live(), "rattrapage")) == []
        call_command("update_index", verbosity=0)
        assert [page.slug for page in search(Page.objects.live(), "rattrapages")] == ["rattrapage"]


def test_indices_never_built_are_unavailable_too():
    """SEARCH_URL set but `update_index` never run: a 503 and a log line, not a 500."""
    backends = node.node_backends(f"test_{uuid.uuid4().hex[:12]}")
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        pytest.raises(SearchUnavailable, match="index_not_found"),
    ):
        list(search(Page.objects.live(), "violences"))


def test_update_index_catches_up_on_the_search_node(refused_port):
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    live = node.node_backends(prefix)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=live):
            # An empty page index, as before the engine went down (update_index would take 4 s).
            index = get_search_backend().get_index_for_model(Page)
            index.put()
            index.add_model(Page)
        # Published while the engine is down: the page is live, not indexed.
        with engine_at(refused_port, prefix):
            ensure_page(get_home_page(), ContentPage, "rattrapage", title="Rattrapage de l'indexation")
        with override_settings(WAGTAILSEARCH_BACKENDS=live):
            assert list(search(Page.objects.live(), "rattrapage")) == []
            call_command("update_index", verbosity=0)
            assert [page.slug for page in search(Page.objects.live(), "rattrapages")] == ["rattrapage"]
            assert type(get_search_backend()).__name__ == node.BACKEND_CLASSES[node.ENGINE]
    finally:
        with override_settings(WAGTAILSEARCH_BACKENDS=live):
            node.delete_indices(live)


def test_partner_api_answers_503_when_the_engine_is_down(client, engine_down):
    response = client.get("/api/v2/pages/", {"search": "violences"})
    assert response.status_code == 503
    assert response.json()["message"] == "Service de recherche temporairement indisponible."
