"""Benchmark: ``make bench``.

Serves the portal as in production (gunicorn started with deploy/gunicorn.conf.py, 2 sync
workers, ``portal.settings.production``, DEBUG off, static files through WhiteNoise) on
127.0.0.1 and loads each page type with wrk (``wrk -t2 -c8``), then prints, per page:
requests/s, p50 and p95 latency and SQL queries,

- uncached: straight to gunicorn;
- cached: through nginx configured from deploy/nginx/portal.conf (the production template,
  scripts/nginx_conf.py), in front of gunicorn (anonymous visitors);
- ceiling: the same HTML saved to files and served by nginx as static files;

then the same pages through two gunicorn instances behind one nginx upstream (scaling by
adding app servers), the search page on OpenSearch when ``BENCH_SEARCH_URL`` is set
(e.g. ``opensearch2+http://127.0.0.1:9260/bench``: the path prefixes the bench's indices),
and two phases that need no wrk and can run alone (``python scripts/bench.py startup
recycling``, ``make bench BENCH_PHASES="startup recycling"``; report in
``var/bench/phases.md``):

- ``startup``: the time to import ``portal.wsgi`` (what a gunicorn process pays before it
  serves), CPU and wall, median of ``BENCH_STARTUP_RUNS`` (3), and how much of site-packages
  is compiled to bytecode;
- ``recycling``: the former command line and deploy/gunicorn.conf.py, each with a low
  ``max_requests`` (``BENCH_RECYCLE_MAX_REQUESTS``, 20) while visitors load the home page
  without a pause for ``BENCH_RECYCLE_DURATION`` seconds (30), then a ``kill -HUP`` of the
  master under the same load (``BENCH_RELOAD_DURATION``, 15 s), and the time from start to
  the first answer; it reports failures and the longest silence.

The table is printed and written to ``var/bench/results.md``. Environment:
``DATABASE_URL`` (the bench database, set by the Makefile), ``BENCH_DURATION`` (seconds of
load per measure, 10), ``BENCH_THREADS`` (2), ``BENCH_CONNECTIONS`` (8), ``BENCH_WORKERS``
(gunicorn workers per app server, 2), ``BENCH_SEARCH_URL`` (optional).

Needs wrk and nginx (Debian packages ``wrk`` and ``nginx``): installed with apt-get when
missing and run as root. Speed is measured here, never in the test suite; the test suite
checks the query budgets (``tests/portal/test_query_budgets.py``)."""

import datetime
import functools
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts import nginx_conf  # noqa: E402

OUT = Path(os.environ.get("BENCH_DIR", ROOT / "var" / "bench"))
BIN = Path(sys.executable).parent
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SEARCH_URL = os.environ.get("BENCH_SEARCH_URL", "")

# Production settings, relaxed only where the bench has no TLS proxy in front.
APP_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "STATIC_ROOT": str(OUT / "static"),
    "LOG_LEVEL": "WARNING",
    "SEARCH_URL": "",
}

# Targets of issue #8 (uncached requests/s on 2 cores, 2 sync workers, wrk -t2 -c8).
TARGETS = {"home": 65, "search": 65, "listing": 95, "detail": 125}
QUERY_BUDGET = 15
P95_BUDGET_MS = 150

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("BENCH rps=%.2f p50=%d p95=%d p99=%d requests=%d status_errors=%d errors=%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.requests, summary.errors.status, errors))
end
"""


# --- Tools -----------------------------------------------------------------------------------


def ensure_tools():
    missing = [
        tool for tool in ("wrk", "nginx") if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists()
    ]
    if not nginx_conf.find_purge_module():
        missing.append("libnginx-mod-http-cache-purge")
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installation de {', '.join(missing)} (apt-get)…", flush=True)
        subprocess.run(  # noqa: S603 - fixed command
            [shutil.which("apt-get"), "install", "-y", "-qq", *missing], check=True, stdout=subprocess.DEVNULL
        )
        return
    sys.exit(
        f"Il manque {', '.join(missing)} : installez les paquets Debian "
        f"(sudo apt-get install {' '.join(missing)}) puis relancez `make bench`."
    )


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local URL
                return response.status
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} ne répond pas après {timeout} s")


class Processes:
    """The servers the bench starts, stopped (by their own pid) when it ends."""

    def __init__(self):
        self.running = []

    def start(self, command, env=None, log=None):
        log_file = open(log or os.devnull, "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(  # noqa: S603 - fixed commands
            command,
            env={**os.environ, **(env or {})},
            cwd=ROOT,
            stdout=log_file,
            stderr=log_file,
            start_new_session=True,
        )
        self.running.append((process, log_file))
        return process

    def stop(self, process):
        for running, log_file in list(self.running):
            if running is process:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
                    try:
                        process.wait(10)
                    except subprocess.TimeoutExpired:
                        os.killpg(process.pid, signal.SIGKILL)
                        process.wait()
                log_file.close()
                self.running.remove((running, log_file))

    def stop_all(self):
        for process, _ in list(self.running):
            self.stop(process)


# --- Worker recycling --------------------------------------------------------------------------

RECYCLE_DURATION = int(os.environ.get("BENCH_RECYCLE_DURATION", "30"))
# Low enough for every worker to reach it during the measure even on a busy machine
# (≈ 4 req/s there): each worker must be recycled at least once, or the row proves nothing.
RECYCLE_MAX_REQUESTS = int(os.environ.get("BENCH_RECYCLE_MAX_REQUESTS", "20"))
RECYCLE_WORKERS = int(os.environ.get("BENCH_RECYCLE_WORKERS", "3"))
RECYCLE_CLIENTS = 4
RELOAD_DURATION = int(os.environ.get("BENCH_RELOAD_DURATION", "15"))


def recycling_command(port, configured):
    """gunicorn as deploy/gunicorn.conf.py starts it, or as the former command line did
    (no preload, a fixed jitter of a tenth of the limit), recycling every few dozen requests."""
    base = [str(BIN / "gunicorn"), "portal.wsgi:application", "--log-level", "info"]
    if configured:
        return base + ["-c", str(ROOT / "deploy" / "gunicorn.conf.py")], {
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(RECYCLE_WORKERS),
            "GUNICORN_MAX_REQUESTS": str(RECYCLE_MAX_REQUESTS),
        }
    return base + [
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(RECYCLE_WORKERS),
        "--graceful-timeout",
        "30",
        "--max-requests",
        str(RECYCLE_MAX_REQUESTS),
        "--max-requests-jitter",
        str(RECYCLE_MAX_REQUESTS // 10),
    ], {}


def hammer(url, duration, clients=RECYCLE_CLIENTS, action=None, action_at=None):
    """``clients`` visitors loading ``url`` back to back for ``duration`` seconds (``action()``
    run once ``action_at`` seconds in): the number of answers, of failures, the slowest answer
    and the longest time without any answer."""
    import threading

    finished, failures, slowest = [], [0], [0.0]
    lock = threading.Lock()
    begun = time.monotonic()
    deadline = begun + duration

    def visitor():
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - local URL
                    response.read()
                    ok = response.status == 200
            except OSError:
                ok = False
            ended = time.monotonic()
            with lock:
                slowest[0] = max(slowest[0], ended - started)
                if ok:
                    finished.append(ended)
                else:
                    failures[0] += 1

    threads = [threading.Thread(target=visitor) for _ in range(clients)]
    for thread in threads:
        thread.start()
    if action:
        time.sleep(max(0.0, begun + action_at - time.monotonic()))
        action()
    for thread in threads:
        thread.join()
    moments = [begun, *sorted(finished), max(deadline, *finished) if finished else deadline]
    gap = max(later - earlier for earlier, later in itertools.pairwise(moments))
    return {"requests": len(finished), "failures": failures[0], "slowest": slowest[0], "gap": gap}


def gunicorn_log_count(log, *needles):
    text = log.read_text(errors="replace")
    return sum(text.count(needle) for needle in needles)


def recycling(processes):
    """Before (the former command line) and after (the config file): workers recycled under
    load (low ``max_requests``), then a graceful reload (``kill -HUP`` of the master) under
    load, then a restart (what ``systemctl restart`` does: stop, start, first answer)."""
    rows = []
    for label, configured in (("ligne de commande d'origine", False), ("deploy/gunicorn.conf.py", True)):
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        command, env = recycling_command(port, configured)
        log = OUT / f"gunicorn-recycling-{'conf' if configured else 'cli'}.log"
        log.unlink(missing_ok=True)
        started = time.monotonic()
        app = processes.start(command, env={**APP_ENV, **env}, log=log)
        wait_for(f"http://127.0.0.1:{port}/robots.txt", timeout=180)
        boot = time.monotonic() - started
        result = hammer(url, RECYCLE_DURATION)
        result["recycled"] = gunicorn_log_count(log, "Autorestarting worker")
        result["event"] = "recyclage (max_requests)"
        if result["recycled"] < RECYCLE_WORKERS:
            print(
                f"  ⚠ {result['recycled']} worker(s) recyclé(s) sur {RECYCLE_WORKERS} : baisser "
                "BENCH_RECYCLE_MAX_REQUESTS ou allonger BENCH_RECYCLE_DURATION",
                flush=True,
            )
        rows.append((label, result))

        before = gunicorn_log_count(log, "Booting worker")
        reload = hammer(
            url, RELOAD_DURATION, action=functools.partial(os.kill, app.pid, signal.SIGHUP), action_at=3
        )
        reload["recycled"] = gunicorn_log_count(log, "Booting worker") - before
        reload["event"] = "rechargement (kill -HUP)"
        rows.append((label, reload))
        processes.stop(app)
        rows.append((label, {"event": "démarrage (premier 200)", "boot": boot}))
        for event_label, r in rows[-3:-1]:
            print(
                f"  {r['event']:<26} {event_label:<28} {r['requests']} réponses, {r['failures']} échecs, "
                f"{r['recycled']} workers remplacés, plus long silence {r['gap']:.1f} s, "
                f"réponse la plus lente {r['slowest']:.1f} s",
                flush=True,
            )
        print(
            f"  démarrage                  {label:<28} {boot:.1f} s jusqu'à la première réponse", flush=True
        )
    return rows


def recycling_table(rows):
    lines = [
        f"Recyclage et rechargement des workers : {RECYCLE_WORKERS} workers, max_requests "
        f"{RECYCLE_MAX_REQUESTS}, {RECYCLE_CLIENTS} visiteurs en continu sur l'accueil pendant "
        f"{RECYCLE_DURATION} s (recyclage) et {RELOAD_DURATION} s (rechargement, `kill -HUP` à 3 s)",
        "",
        "| gunicorn | Événement | Réponses | Échecs | Workers remplacés | Plus long silence (s) "
        "| Réponse la plus lente (s) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, r in rows:
        if "boot" in r:
            lines.append(f"| {label} | {r['event']} | — | — | — | {r['boot']:.1f} | — |")
        else:
            lines.append(
                f"| {label} | {r['event']} | {r['requests']} | {r['failures']} | {r['recycled']} "
                f"| {r['gap']:.1f} | {r['slowest']:.1f} |"
            )
    return "\n".join(lines)


# --- Start-up time -----------------------------------------------------------------------------

STARTUP_RUNS = int(os.environ.get("BENCH_STARTUP_RUNS", "3"))
STARTUP_CODE = "from portal.wsgi import application"


def startup():
    """What a gunicorn process pays before serving (the master with ``preload_app``, every
    worker without): importing ``portal.wsgi`` (Django set-up, every app, the middleware),
    in a fresh interpreter, ``STARTUP_RUNS`` times; CPU time (user + system) and wall time."""
    import resource
    import statistics

    cpu, wall = [], []
    for _ in range(STARTUP_RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "-c", STARTUP_CODE],
            cwd=ROOT,
            env={**os.environ, **APP_ENV},
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall.append(time.monotonic() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    site_packages = next(Path(sys.prefix, "lib").glob("python3*/site-packages"), None)
    sources = compiled = 0
    if site_packages:
        tag = sys.implementation.cache_tag
        for source in site_packages.rglob("*.py"):
            sources += 1
            compiled += (source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc").exists()
    result = {
        "cpu": statistics.median(cpu),
        "wall": statistics.median(wall),
        "compiled": compiled,
        "sources": sources,
    }
    print(
        f"  démarrage    import de portal.wsgi : CPU {result['cpu']:.1f} s, durée {result['wall']:.1f} s "
        f"(médianes de {STARTUP_RUNS}) ; {compiled}/{sources} modules de site-packages compilés",
        flush=True,
    )
    return result


def startup_table(result):
    return (
        f"Démarrage (import de `portal.wsgi`, médiane de {STARTUP_RUNS}) : CPU {result['cpu']:.1f} s, "
        f"durée {result['wall']:.1f} s ; bytecode : {result['compiled']}/{result['sources']} modules "
        "de site-packages compilés"
    )


# --- Servers ---------------------------------------------------------------------------------


def start_gunicorn(processes, port, env=None):
    # As in production: deploy/gunicorn.conf.py (preloaded app, staggered recycling).
    process = processes.start(
        [
            str(BIN / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "portal.wsgi:application",
            "--log-level",
            "warning",
        ],
        env={**APP_ENV, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(WORKERS), **(env or {})},
        log=OUT / f"gunicorn-{port}.log",
    )
    wait_for(f"http://127.0.0.1:{port}/robots.txt")
    return process


def nginx_config(name, server_block, port):
    """A self-contained nginx.conf (its own pid, logs and temporary files under var/bench)."""
    prefix = OUT / "nginx" / name
    for sub in ("temp", "cache", "logs"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""
{user}
worker_processes 2;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    {server_block.replace("@PREFIX@", str(prefix)).replace("@PORT@", str(port))}
}}
"""


def cache_status(url):
    """nginx's X-Cache-Status for ``url`` (HIT: served from the cache)."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local nginx
        return response.headers.get("X-Cache-Status", "?")


def proxy_block(upstream_ports):
    """A plain load-balancing nginx (no cache) in front of several app servers."""
    servers = "\n".join(f"server 127.0.0.1:{port};" for port in upstream_ports)
    return f"""
    upstream portal {{ {servers} keepalive 32; }}
    server {{
        listen 127.0.0.1:@PORT@;
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
    """


def static_block(root):
    return f"""
    server {{
        listen 127.0.0.1:@PORT@;
        root {root};
        default_type text/html;
        location / {{ try_files $uri =404; }}
    }}
    """


def start_nginx(processes, name, server_block):
    port = free_port()
    config = OUT / "nginx" / name / "nginx.conf"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(nginx_config(name, server_block, port))
    process = processes.start(
        [nginx_binary(), "-c", str(config), "-p", str(config.parent)],
        log=config.parent / "logs" / "stderr.log",
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"nginx ({name}) s'est arrêté : {config.parent / 'logs'}") from None
            time.sleep(0.2)
    raise RuntimeError(f"nginx ({name}) ne répond pas")


# --- Measures --------------------------------------------------------------------------------


def wrk(url, duration=DURATION, connections=CONNECTIONS):
    script = OUT / "percentiles.lua"
    script.write_text(WRK_SCRIPT)
    result = subprocess.run(  # noqa: S603 - fixed command
        [
            shutil.which("wrk"),
            f"-t{THREADS}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(
        r"BENCH rps=([\d.]+) p50=(\d+) p95=(\d+) p99=(\d+) requests=(\d+) status_errors=(\d+) errors=(\d+)",
        result.stdout,
    )
    if not match:
        raise RuntimeError(f"Sortie de wrk illisible pour {url} :\n{result.stdout}\n{result.stderr}")
    rps, p50, p95, p99, requests, status_errors, errors = match.groups()
    return {
        "rps": float(rps),
        "p50": int(p50) / 1000,
        "p95": int(p95) / 1000,
        "p99": int(p99) / 1000,
        "requests": int(requests),
        "errors": int(status_errors) + int(errors),
    }


def django_pages():
    """The pages to load (one per page type), their SQL query counts and their HTML, in-process."""
    os.environ.update(APP_ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from home.models import Theme
    from library.models import LibraryIndexPage, ResourcePage, ResourceType
    from trainings.models import TrainingCatalogPage, TrainingPage
    from webinars.models import WebinarPage

    library = LibraryIndexPage.objects.live().public().first()
    resource = ResourcePage.objects.live().public().order_by("pk").first()
    training = TrainingPage.objects.live().public().order_by("-pk").first()
    webinar = WebinarPage.objects.live().public().order_by("-pk").first()
    catalogue = TrainingCatalogPage.objects.live().public().first()
    theme = Theme.objects.order_by("pk").first()
    kind = ResourceType.objects.order_by("pk").first()
    pages = [
        ("home", "Accueil", "/", "home"),
        ("library", "Bibliothèque", library.url, "listing"),
        (
            "library-filtered",
            "Bibliothèque filtrée",
            f"{library.url}?theme={theme.slug}&type={kind.slug}&sort=title",
            "listing",
        ),
        ("resource", "Ressource", resource.url, "detail"),
        ("catalogue", "Catalogue des formations", catalogue.url, "listing"),
        ("training", "Formation", training.url, "detail"),
        ("webinar", "Webinaire", webinar.url, "detail"),
        ("search", "Recherche « violences conjugales »", "/recherche/?q=violences+conjugales", "search"),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    measured = []
    html_dir = OUT / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    for key, label, url, kind_ in pages:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} : HTTP {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        (html_dir / f"{key}.html").write_bytes(response.content)
        measured.append(
            {"key": key, "label": label, "url": url, "kind": kind_, "queries": len(queries.captured_queries)}
        )
    counts = {
        "resources": ResourcePage.objects.live().count(),
        "trainings": TrainingPage.objects.live().count(),
        "webinars": WebinarPage.objects.live().count(),
        "database": connection.vendor,
    }
    connection.close()
    return measured, counts


# What people type, of every kind (issue 14): common words that match most of the bench's
# 10,000 resources, rare words, typos, abbreviations, three or four words, phrases, a word
# found nowhere. Each is searched with an empty application cache (engine + facets + page).
SEARCH_QUERIES = [
    # common words (thousands of matches)
    "violences conjugales",
    "accompagnement",
    "prévention",
    "victimes",
    "protection de l'enfance",
    # rarer words
    "psychotraumatisme",
    "inceste",
    "grossesse",
    "consentement",
    "hébergement d'urgence",
    # typos and accents left out
    "violance conjugale",
    "psychotraumatism",
    "reperage",
    # abbreviations
    "PMI",
    "CeGIDD",
    "VIF",
    # three or four words
    "enfants co-victimes emprise",
    "évaluation du danger sortie des violences",
    "mise à l'abri personnes âgées handicap",
    # phrases
    '"ordonnance de protection"',
    '"santé sexuelle"',
    # found nowhere
    "kangourou",
]
SEARCH_ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "2"))


def search_latency_in_process():
    """The search page for each of ``SEARCH_QUERIES``, ``SEARCH_ROUNDS`` times, each with an
    empty application cache: the engine's latency plus the facets and the rendering, one
    request at a time (run in a child process)."""
    os.environ.update(APP_ENV)
    os.environ["SEARCH_URL"] = os.environ.get("BENCH_CHILD_SEARCH_URL", "")
    sys.path.insert(0, str(ROOT))
    import json
    import statistics

    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from caching.content import clear_local

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/recherche/?q=accueil")  # connections, templates
    timings, slowest = [], {}
    for _ in range(SEARCH_ROUNDS):
        for query in SEARCH_QUERIES:
            cache.clear()
            clear_local()
            start = time.perf_counter()
            response = client.get("/recherche/", {"q": query})
            elapsed = (time.perf_counter() - start) * 1000
            timings.append(elapsed)
            slowest[query] = max(slowest.get(query, 0), elapsed)
            if response.status_code != 200:
                raise RuntimeError(f"/recherche/?q={query} : HTTP {response.status_code}")
    timings.sort()
    worst = max(slowest, key=slowest.get)
    print(
        "BENCH-SEARCH "
        + json.dumps(
            {
                "p50": statistics.median(timings),
                "p95": timings[max(int(len(timings) * 0.95) - 1, 0)],
                "rps": 1000 * len(timings) / sum(timings),
                "n": len(timings),
                "worst": worst,
                "worst_ms": slowest[worst],
                "per_query": slowest,
            }
        )
    )


def search_latency(search_url=""):
    result = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, __file__, "search-latency"],
        cwd=ROOT,
        env={**os.environ, "BENCH_CHILD_SEARCH_URL": search_url},
        capture_output=True,
        text=True,
        check=True,
    )
    import json

    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH-SEARCH "))
    data = json.loads(line.removeprefix("BENCH-SEARCH "))
    for query, elapsed in sorted(data["per_query"].items(), key=lambda item: -item[1]):
        print(f"    {elapsed:7.0f} ms  {query}", flush=True)
    return {
        "rps": data["rps"],
        "p50": data["p50"],
        "p95": data["p95"],
        "errors": 0,
        "sequential": True,
        "worst": f"{data['worst']} ({data['worst_ms']:.0f} ms)",
    }


def search_rows(database):
    """The search rows: the database backend, then OpenSearch/Elasticsearch after
    ``update_index`` when ``BENCH_SEARCH_URL`` is set."""
    label = f"{len(SEARCH_QUERIES)} requêtes × {SEARCH_ROUNDS}, une à la fois"
    rows = []
    print(f"Recherche sans cache applicatif ({label}) — base de données ({database})…", flush=True)
    rows.append(
        (f"Recherche sans cache applicatif — base de données ({database}), {label}", search_latency())
    )
    if SEARCH_URL:
        index_search_node()
        print(f"Recherche sans cache applicatif ({label}) — {SEARCH_URL}…", flush=True)
        rows.append(
            (f"Recherche sans cache applicatif — {engine_name()}, {label}", search_latency(SEARCH_URL))
        )
    return rows


def index_search_node():
    print(f"Indexation dans {SEARCH_URL}…", flush=True)
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "update_index", "-v0"],
        cwd=ROOT,
        env={**os.environ, **APP_ENV, "SEARCH_URL": SEARCH_URL, "SEARCH_TIMEOUT": "60"},
        check=True,
    )
    print(f"  indexé en {time.monotonic() - started:.0f} s", flush=True)


def engine_name():
    return "OpenSearch" if SEARCH_URL.startswith("opensearch") else "Elasticsearch"


def fmt(result):
    if not result:
        return "—", "—", "—"
    if result.get("sequential"):  # one request at a time: req/s = 1 / mean latency
        return f"{result['rps']:.0f} (1 client)", f"{result['p50']:.0f}", f"{result['p95']:.0f}"
    warn = " ⚠" if result["errors"] else ""
    return f"{result['rps']:.0f}{warn}", f"{result['p50']:.0f}", f"{result['p95']:.0f}"


def search_table(rows):
    lines = ["| Mesure | req/s | p50 (ms) | p95 (ms) | Requête la plus lente |", "|---|---:|---:|---:|---|"]
    lines += [
        f"| {label}{flag_p95(result)} | {' | '.join(fmt(result))} | {result['worst']} |"
        for label, result in rows
    ]
    return "\n".join(lines)


def flag_p95(result):
    return f" (**p95 > {P95_BUDGET_MS} ms**)" if result and result["p95"] > P95_BUDGET_MS else ""


def table(pages, extra_rows):
    lines = [
        "| Page | Requêtes SQL | Sans cache req/s | p50 (ms) | p95 (ms) | Cache nginx req/s | p50 | p95 "
        "| X-Cache-Status | Fichier statique req/s | p50 | p95 | Cache / plafond |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for page in pages:
        uncached, cached, ceiling = page.get("uncached"), page.get("cached"), page.get("ceiling")
        ratio = f"{100 * cached['rps'] / ceiling['rps']:.0f} %" if cached and ceiling else "—"
        target = TARGETS[page["kind"]]
        flags = []
        if uncached and uncached["rps"] < target:
            flags.append(f"< {target} req/s")
        if uncached and uncached["p95"] > P95_BUDGET_MS:
            flags.append(f"p95 > {P95_BUDGET_MS} ms")
        if page["queries"] > QUERY_BUDGET:
            flags.append(f"> {QUERY_BUDGET} requêtes")
        label = page["label"] + (f" (**{', '.join(flags)}**)" if flags else "")
        lines.append(
            f"| {label} | {page['queries']} | {' | '.join(fmt(uncached))} | {' | '.join(fmt(cached))} "
            f"| {page.get('cache_status', '—')} | {' | '.join(fmt(ceiling))} | {ratio} |"
        )
    if extra_rows:
        lines += [
            "",
            "| Mesure | req/s | p50 (ms) | p95 (ms) | Requête la plus lente |",
            "|---|---:|---:|---:|---|",
        ]
        lines += [
            f"| {label}{flag_p95(result)} | {' | '.join(fmt(result))} |"
            + (f" {result['worst']} |" if result.get("worst") else " |")
            for label, result in extra_rows
        ]
    return "\n".join(lines)


def prepare():
    """What the production settings need before gunicorn can answer: the collected static
    files (manifest storage: a page without its manifest is a 500) and the cache table."""
    OUT.mkdir(parents=True, exist_ok=True)
    print("Collecte des fichiers statiques…", flush=True)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **APP_ENV},
        check=True,
    )
    # Production's shared cache is a table in the database (CACHE_URL empty).
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env={**os.environ, **APP_ENV}, check=True
    )


def main():
    ensure_tools()
    started = time.monotonic()
    prepare()
    print("Démarrage de l'application…", flush=True)
    started_up = startup()
    pages, counts = django_pages()
    processes = Processes()
    extra = []
    try:
        port = free_port()
        app = start_gunicorn(processes, port)
        print(
            f"gunicorn ({WORKERS} workers sync) sur 127.0.0.1:{port} ; wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s",
            flush=True,
        )
        for page in pages:
            wrk(f"http://127.0.0.1:{port}{page['url']}", duration=2)  # warm-up
            page["uncached"] = wrk(f"http://127.0.0.1:{port}{page['url']}")
            print(
                f"  sans cache   {page['label']:<40} {page['uncached']['rps']:7.1f} req/s  p95 {page['uncached']['p95']:.0f} ms",
                flush=True,
            )

        # The production cache: deploy/nginx/portal.conf, as rendered for deployment (what is
        # cached is the app's decision: query strings and search never are).
        with nginx_conf.NginxProcess(
            [f"127.0.0.1:{port}"], APP_ENV["STATIC_ROOT"], prefix=OUT / "nginx" / "cache", worker_processes=2
        ) as cache:
            for page in pages:
                wrk(f"{cache.url}{page['url']}", duration=1)  # fills the cache
                page["cached"] = wrk(f"{cache.url}{page['url']}")
                page["cache_status"] = cache_status(f"{cache.url}{page['url']}")
                print(
                    f"  cache nginx  {page['label']:<40} {page['cached']['rps']:7.1f} req/s ({page['cache_status']})",
                    flush=True,
                )

        static, static_port = start_nginx(processes, "static", static_block(OUT / "html"))
        for page in pages:
            page["ceiling"] = wrk(f"http://127.0.0.1:{static_port}/{page['key']}.html")
            print(f"  statique     {page['label']:<40} {page['ceiling']['rps']:7.1f} req/s", flush=True)
        processes.stop(static)

        # Scaling out: a second app server behind the same proxy (no cache).
        second_port = free_port()
        second = start_gunicorn(processes, second_port)
        proxy, proxy_port = start_nginx(processes, "two-apps", proxy_block([port, second_port]))
        for key in ("home", "library"):
            page = next(p for p in pages if p["key"] == key)
            url = f"http://127.0.0.1:{proxy_port}{page['url']}"
            wrk(url, duration=1)
            extra.append(
                (
                    f"{page['label']} — 2 serveurs d'application derrière nginx (-c{2 * CONNECTIONS})",
                    wrk(url, connections=2 * CONNECTIONS),
                )
            )
            print(f"  2 serveurs   {page['label']:<40} {extra[-1][1]['rps']:7.1f} req/s", flush=True)
        processes.stop(proxy)
        processes.stop(second)

        extra += search_rows(counts["database"])
        if SEARCH_URL:
            processes.stop(app)
            app = start_gunicorn(processes, port, env={"SEARCH_URL": SEARCH_URL})
            url = f"http://127.0.0.1:{port}/recherche/?q=violences+conjugales"
            wrk(url, duration=2)
            extra.append((f"Recherche « violences conjugales » — {engine_name()}", wrk(url)))
            print(f"  {engine_name()}   {extra[-1][1]['rps']:7.1f} req/s", flush=True)
        print("Recyclage et rechargement des workers sous charge…", flush=True)
        recycled = recycling(processes)
    finally:
        processes.stop_all()

    title = (
        f"Mesures du {datetime.date.today():%d/%m/%Y} — {counts['resources']} ressources, "
        f"{counts['trainings']} formations, {counts['webinars']} webinaires, base {counts['database']} ; "
        f"gunicorn {WORKERS} workers sync, wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s, "
        f"{os.cpu_count()} cœurs ; durée {time.monotonic() - started:.0f} s"
    )
    report = (
        f"{title}\n\n{table(pages, extra)}\n\n{startup_table(started_up)}\n\n{recycling_table(recycled)}\n"
    )
    (OUT / "results.md").write_text(report)
    print("\n" + report)
    print(f"Tableau écrit dans {OUT / 'results.md'}")


PHASES = ("startup", "recycling", "search")


def run_phases(phases):
    """Only some phases (``make bench BENCH_PHASES="startup recycling"``), on the bench
    database, without wrk: the report goes to ``var/bench/phases.md``."""
    prepare()
    running = Processes()
    parts = []
    try:
        if "startup" in phases:
            print("Démarrage de l'application…", flush=True)
            parts.append(startup_table(startup()))
        if "recycling" in phases:
            print("Recyclage et rechargement des workers sous charge…", flush=True)
            parts.append(recycling_table(recycling(running)))
        if "search" in phases:
            vendor = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
            parts.append(search_table(search_rows(vendor)))
    finally:
        running.stop_all()
    report = (
        f"Mesures du {datetime.date.today():%d/%m/%Y}, {os.cpu_count()} cœurs\n\n" + "\n\n".join(parts) + "\n"
    )
    (OUT / "phases.md").write_text(report)
    print("\n" + report)
    print(f"Résultats écrits dans {OUT / 'phases.md'}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments == ["search-latency"]:
        search_latency_in_process()
    elif arguments:
        unknown = sorted(set(arguments) - set(PHASES))
        if unknown:
            sys.exit(
                f"Phase inconnue : {', '.join(unknown)} (phases : {', '.join(PHASES)} ; sans argument : tout)"
            )
        run_phases(arguments)
    else:
        tempfile.tempdir = str(OUT)
        main()
