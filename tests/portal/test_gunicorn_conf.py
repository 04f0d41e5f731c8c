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
