"""deploy/gunicorn.conf.py: workers are forks of a preloaded app, and their request limits
are spread so that they are never all recycled at once (the site went silent for 36 s)."""

import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def load(monkeypatch, **env):
    for name in ("WEB_CONCURRENCY", "GUNICORN_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_preload_graceful_and_documented_defaults(monkeypatch):
    conf = load(monkeypatch)
    assert conf["preload_app"] is True
    assert conf["workers"] == 3
    assert conf["max_requests"] == 2000
    assert conf["graceful_timeout"] >= 10
    assert conf["timeout"] == 120
    assert conf["forwarded_allow_ips"] == "127.0.0.1"


@pytest.mark.parametrize(("workers", "max_requests"), [(3, 2000), (5, 1000), (8, 500), (1, 2000)])
def test_worker_limits_are_spread_over_the_whole_period(monkeypatch, workers, max_requests):
    conf = load(monkeypatch, WEB_CONCURRENCY=str(workers), GUNICORN_MAX_REQUESTS=str(max_requests))
    assert conf["max_requests_jitter"] == max_requests // 2, "jitter proportional to the limit"
    limits = []
    for age in range(1, workers + 1):
        worker = SimpleNamespace(age=age, max_requests=max_requests)
        server = SimpleNamespace(cfg=SimpleNamespace(max_requests=max_requests, workers=workers))
        conf["post_fork"](server, worker)
        limits.append(worker.max_requests)
    # Started together, the workers reach their limits one at a time, evenly spaced: the
    # smallest gap between two recycles is a whole share of the period, not a few requests.
    assert sorted(limits) == [max_requests + rank * max_requests // workers for rank in range(workers)]
    assert len(set(limits)) == workers
    # A replacement takes the next rank: the pattern continues.
    assert conf["staggered_max_requests"](max_requests, workers, workers + 1) == limits[0]


def test_recycling_can_be_switched_off(monkeypatch):
    conf = load(monkeypatch, GUNICORN_MAX_REQUESTS="0")
    worker = SimpleNamespace(age=2, max_requests=10**9)
    conf["post_fork"](SimpleNamespace(cfg=SimpleNamespace(max_requests=0, workers=3)), worker)
    assert worker.max_requests == 10**9


ROOT = CONF.parents[1]


def test_every_documented_start_uses_the_config_file():
    """The systemd unit of docs/deployment.md starts gunicorn with deploy/gunicorn.conf.py, so
    that production gets the preloaded app and the staggered limits, not the former command
    line whose three workers were recycled within 9 s (36 s without an answer)."""
    deployment = (ROOT / "docs" / "deployment.md").read_text()
    exec_starts = [
        line for line in deployment.splitlines() if line.startswith("ExecStart=") and "gunicorn" in line
    ]
    assert exec_starts, "the gunicorn unit is documented"
    for line in exec_starts:
        assert line.endswith("gunicorn -c deploy/gunicorn.conf.py portal.wsgi:application")
    assert "ExecReload=/bin/kill -s HUP $MAINPID" in deployment
    assert "--max-requests" not in deployment.replace("--max-requests 2000 --max-requests-jitter 200", "")
    # Every setting the config file reads from the environment is documented.
    for name in (
        "GUNICORN_BIND",
        "WEB_CONCURRENCY",
        "GUNICORN_TIMEOUT",
        "GUNICORN_GRACEFUL_TIMEOUT",
        "GUNICORN_MAX_REQUESTS",
        "GUNICORN_FORWARDED_ALLOW_IPS",
    ):
        assert f'"{name}"' in CONF.read_text()
        assert f"`{name}`" in deployment


def test_install_compiles_bytecode():
    """A worker started from source-only packages took 8 s of CPU to import the portal, 3 s
    with bytecode: `make install` compiles it (nothing would at run time: read-only code,
    PYTHONDONTWRITEBYTECODE)."""
    makefile = (ROOT / "Makefile").read_text()
    install_lines = [
        line for line in makefile.splitlines() if line.strip().startswith("VIRTUAL_ENV=$(VENV) ")
    ]
    assert len(install_lines) == 1, "the recipe of make install"
    assert all("--compile-bytecode" in line for line in install_lines)


def test_the_master_builds_the_url_resolver_before_forking(monkeypatch):
    """A recycled worker is a fork of the master: what the master built, the new worker does
    not build during its first request (the pause while a worker is replaced)."""
    from django.urls import clear_url_caches, get_resolver

    conf = load(monkeypatch)
    clear_url_caches()
    assert not get_resolver()._populated
    conf["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))
    assert get_resolver()._populated, "a forked worker inherits a ready resolver"
