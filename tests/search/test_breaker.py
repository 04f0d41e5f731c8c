"""A hanging search engine (connections accepted, never answered) must not hold the portal.

The engine is a real TCP server in a thread that accepts every connection and never sends a
byte (or, for the recovery, answers every request with an empty OpenSearch result). With
the short client timeouts, the search page answers its French 503 within about the read
timeout; after ``SEARCH_BREAKER_FAILURES`` failures the circuit breaker is open and searches
and suggestions answer at once, without even connecting; ``/healthz`` reports the engine
down within its own timeout; plain pages are unaffected; after the cool-down one request
tries the engine again, and a success closes the breaker."""

import json
import socket
import threading
import time

import pytest

from django.core.cache import cache
from django.test import override_settings

from modelsearch.backends import import_backend

from portal.settings.base import search_backends_from_url
from search import breaker
from tests.search import node

pytestmark = pytest.mark.django_db

# "At once": no engine contacted (checked by counting connections), whatever the machine's load.
AT_ONCE = 1.0

EMPTY_RESULT = json.dumps(
    {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "count": 0,
    }
).encode()


class FakeEngine:
    """Accepts connections in a thread; hangs (never answers) or answers an empty result."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.answering = False
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections.append(conn)
            if self.answering:
                threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn):
        conn.settimeout(2)
        try:
            while True:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                while len(body) < length:
                    body += conn.recv(65536)
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(EMPTY_RESULT)).encode() + b"\r\n\r\n" + EMPTY_RESULT
                )
        except OSError:
            return

    def close(self):
        self.stopped.set()
        self.thread.join(2)
        for conn in self.connections:
            conn.close()
        self.sock.close()


@pytest.fixture
def engine():
    fake = FakeEngine()
    breaker.reset()
    try:
        yield fake
    finally:
        breaker.reset()
        fake.close()


def engine_settings(port, engine_name=None, timeout=0.5):
    backends = search_backends_from_url(
        f"{engine_name or node.ENGINE or 'opensearch2'}+http://127.0.0.1:{port}/portail_vif"
    )
    if timeout is not None:
        import urllib3

        if isinstance(backends["default"]["TIMEOUT"], urllib3.Timeout):
            backends["default"]["TIMEOUT"] = urllib3.Timeout(connect=timeout, read=timeout)
        else:
            backends["default"]["TIMEOUT"] = timeout
    # The engine's client is imported on first use (seconds on a busy machine): not timed.
    import_backend(backends["default"]["BACKEND"])
    return override_settings(
        WAGTAILSEARCH_BACKENDS=backends,
        SEARCH_BREAKER_FAILURES=2,
        SEARCH_BREAKER_COOLDOWN=1.5,
        HEALTHZ_SEARCH_TIMEOUT=0.3,
    )


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_default_timeouts_are_short(engine, client):
    """Without any setting, a hanging engine holds a search about 2.5 s, not 5 s."""
    with engine_settings(engine.port, timeout=None):
        response, elapsed = timed(lambda: client.get("/recherche/", {"q": "violences"}))
    assert response.status_code == 503
    assert "Service de recherche temporairement indisponible" in response.content.decode()
    assert elapsed < 4.5


def test_hanging_engine_opens_the_breaker(engine, client):
    with engine_settings(engine.port):
        # The first searches wait for the read timeout, then answer the French 503.
        for query in ("violences", "formation"):
            response, elapsed = timed(lambda q=query: client.get("/recherche/", {"q": q}))
            assert response.status_code == 503
            assert "Service de recherche temporairement indisponible" in response.content.decode()
            assert elapsed < 3
        contacted = len(engine.connections)
        assert contacted >= 1

        # Breaker open: at once, without connecting to the engine.
        for query in ("emprise", "inceste", "hebergement"):
            response, elapsed = timed(lambda q=query: client.get("/recherche/", {"q": q}))
            assert response.status_code == 503
            assert "Service de recherche temporairement indisponible" in response.content.decode()
            assert elapsed < AT_ONCE
        response, elapsed = timed(lambda: client.get("/recherche/suggestions/", {"q": "viol"}))
        assert response.status_code == 503
        assert response.json()["suggestions"] == []
        assert elapsed < AT_ONCE
        response, elapsed = timed(lambda: client.get("/api/v2/pages/", {"search": "violences"}))
        assert response.status_code == 503
        assert elapsed < AT_ONCE
        assert len(engine.connections) == contacted

        # Plain pages do not depend on the engine.
        response, elapsed = timed(lambda: client.get("/"))
        assert response.status_code == 200
        assert elapsed < 2


def test_healthz_reports_the_hanging_engine_quickly(engine, client):
    with engine_settings(engine.port, timeout=5):
        response, elapsed = timed(lambda: client.get("/healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["search"] == "error"
    assert elapsed < 2


def test_breaker_retries_after_the_cool_down_and_closes_on_success(engine, client):
    with engine_settings(engine.port, engine_name="opensearch2"):
        for query in ("violences", "formation"):
            assert client.get("/recherche/", {"q": query}).status_code == 503
        assert client.get("/recherche/", {"q": "emprise"}).status_code == 503
        contacted = len(engine.connections)

        time.sleep(1.6)  # the cool-down is over: half-open, one request tries the engine
        response = client.get("/recherche/", {"q": "inceste"})
        assert response.status_code == 503  # still hanging: open again
        assert len(engine.connections) > contacted
        response, elapsed = timed(lambda: client.get("/recherche/", {"q": "hebergement"}))
        assert response.status_code == 503
        assert elapsed < AT_ONCE

        engine.answering = True  # the engine is back
        time.sleep(1.6)
        response = client.get("/recherche/", {"q": "consentement"})
        assert response.status_code == 200
        assert cache.get(breaker.OPEN_UNTIL_KEY) is None
        response = client.get("/recherche/suggestions/", {"q": "viol"})
        assert response.status_code == 200


def test_no_breaker_on_the_database_backend(client):
    breaker.reset()
    for _ in range(3):
        breaker.record_failure()
    assert client.get("/recherche/", {"q": "violences"}).status_code == 200
