"""gunicorn settings: ``gunicorn -c deploy/gunicorn.conf.py portal.wsgi:application``.

Worker recycling (``max_requests``, against slow memory growth) must never leave the site
without a worker:

- ``preload_app``: the master imports the portal once; a new worker is a fork, ready in
  milliseconds instead of the seconds an import of Django + Wagtail takes;
- each worker's limit is staggered by its rank (``staggered_max_requests``), so that workers
  started together (at boot, after a reload) are recycled one at a time, spread over the
  whole period, never all within a few seconds; the random jitter is proportional to the
  limit too (``max_requests // 2``), for any worker gunicorn starts outside our hook;
- ``when_ready``: the master also builds the URL resolver and the template engines before the
  first fork, so that a new worker's first request does not pay for them;
- ``graceful_timeout``: a recycled or reloaded worker finishes its requests in flight.

Reloads: ``kill -HUP`` of the master (``systemctl reload``) replaces every worker by a fresh
fork, without a pause; with ``preload_app`` it does not load a new version of the code (the
master holds it): a new version needs a restart (docs/deployment.md).

Environment (all optional): ``GUNICORN_BIND`` (127.0.0.1:8000), ``WEB_CONCURRENCY`` (workers,
3), ``GUNICORN_TIMEOUT`` (120 s: video uploads), ``GUNICORN_GRACEFUL_TIMEOUT`` (30 s),
``GUNICORN_MAX_REQUESTS`` (2000; 0 = never recycle), ``GUNICORN_FORWARDED_ALLOW_IPS``
(127.0.0.1: the nginx in front).
"""

import os


def staggered_max_requests(max_requests, workers, age):
    """The request limit of the worker gunicorn numbered ``age`` (1, 2, 3…): the base limit
    plus its rank's share of it, so that ``workers`` workers get limits spread evenly over
    [max_requests, 2 × max_requests), and a replacement takes the next rank."""
    if max_requests <= 0:
        return 0
    workers = max(1, workers)
    return max_requests + ((age - 1) % workers) * max_requests // workers


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 2
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # nginx logs the requests; the app logs what happened (JSON)


def pre_fork(server, worker):
    # In the master, before each fork: no database connection opened while importing the
    # app may be inherited (and shared) by the workers.
    from django.db import connections

    connections.close_all()


def post_fork(server, worker):
    if server.cfg.max_requests > 0:
        worker.max_requests = staggered_max_requests(server.cfg.max_requests, server.cfg.workers, worker.age)


def when_ready(server):
    # In the master, once the app is preloaded and before the first fork: build what every
    # worker would otherwise build on its first request (the URL resolver imports every view
    # module, the template engines their loaders), so that a new worker's first answer is as
    # fast as the others' instead of a pause while it recycles.
    if not server.cfg.preload_app:
        return
    from django.template import engines
    from django.urls import get_resolver

    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports the URLconf and the views
    resolver.reverse_dict  # noqa: B018 - builds the reverse lookup tables
    engines.all()
