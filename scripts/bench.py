"""Benchmark: ``make bench``.

Measures, in-process with Django's test client (no network, no cache), the median and
95th-percentile response times and the SQL query count of the portal's pages on a large
dataset (see ``generate_bench_data``). Speed is measured here, never in the test suite."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from library.models import ResourcePage  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))


def measure(client, url):
    client.get(url)  # warm-up
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries.captured_queries)


def main():
    client = Client(HTTP_HOST="localhost")
    resource = ResourcePage.objects.live().order_by("pk").first()
    pages = [
        ("Accueil", "/"),
        ("Bibliothèque", "/ressources/"),
        ("Bibliothèque filtrée", "/ressources/?theme=reperage&type=guide&sort=title"),
        ("Bibliothèque page 50", "/ressources/?page=50"),
        ("Ressource", resource.url),
        ("Flux RSS", "/ressources/flux/"),
        ("Recherche « reperage »", "/recherche/?q=reperage"),
        ("Recherche 3 mots", "/recherche/?q=violences+conjugales+grossesse"),
        ("Recherche filtrée", "/recherche/?q=violences&type=library.resourcepage&theme=reperage"),
    ]
    count = ResourcePage.objects.live().count()
    print(
        f"\nPortail VIF Nord — {count} ressources, {REQUESTS} requêtes par page, base {connection.vendor}\n"
    )
    print(f"{'Page':<24} {'médiane (ms)':>13} {'p95 (ms)':>10} {'requêtes SQL':>13}")
    for label, url in pages:
        median, p95, queries = measure(client, url)
        print(f"{label:<24} {median:>13.1f} {p95:>10.1f} {queries:>13}")


if __name__ == "__main__":
    main()
