"""Production: refuses to start without the settings that must be chosen.

Read from top to bottom like base.py: each setting is assigned once here, as a whole value
(nothing inherited from base.py is patched in place).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES, getenv_bool, logging_settings

for _required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if not os.environ.get(_required):
        raise ImproperlyConfigured(f"La variable d'environnement {_required} est obligatoire en production.")

DEBUG = False

# ---------------------------------------------------------------------------
# HTTPS behind the proxy
# ---------------------------------------------------------------------------
# Behind the documented nginx (deploy/nginx/portal.conf, docs/deployment.md): one proxy,
# whose X-Forwarded-For entry is the visitor's address for the log-in throttling.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = getenv_bool("SECURE_SSL_REDIRECT", True)
# The health check answers over plain HTTP too (probes from the load balancer or localhost).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# HSTS preloading is a commitment for the whole parent domain (lenord.fr and every
# subdomain, hard to undo): the department's DNS owners decide it, not this application.
# Until they do (SECURE_HSTS_PRELOAD=true), `check --deploy`'s reminder is silenced.
SECURE_HSTS_PRELOAD = getenv_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# ---------------------------------------------------------------------------
# Static files: hashed, compressed, served by the app server itself (WhiteNoise, far-future
# cache headers), right after SecurityMiddleware.
# ---------------------------------------------------------------------------
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],
]

# ---------------------------------------------------------------------------
# Operations (issue #8): stateless app servers, background tasks, logs.
# ---------------------------------------------------------------------------
# Any app server can answer any request: nothing a request leaves behind stays on its disk
# or in its memory. Sessions, the cache (allauth's log-in throttling, the webinar play
# counter's de-duplication), background tasks and search promotions live in PostgreSQL;
# uploaded files in the S3 bucket (AWS_STORAGE_BUCKET_NAME); static files are built into
# the release (collectstatic) and served by WhiteNoise. See docs/deployment.md.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# CACHE_URL: empty or "db://" → a table in the database (`manage.py createcachetable`);
# "redis://host:6379/0" → Redis (needs the `redis` package); "locmem://" → this process's
# memory only (a single app server; log-in throttling is then per process).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL.startswith("locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL in ("", "db://"):
    CACHES = {
        "default": {
            # Django's DatabaseCache, hot Wagtail keys kept 5 s in the process (caching/backends.py).
            "BACKEND": "caching.backends.LocallyMemoizedDatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "50000"))},
        }
    }
else:
    raise ImproperlyConfigured("CACHE_URL doit être vide, db://, redis://… ou locmem://.")

# Background tasks in the database, run by `manage.py db_worker` (a systemd service).
# TASKS_BACKEND=immediate runs them in the request instead (no worker: a small install).
if os.environ.get("TASKS_BACKEND", "database") == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# JSON logs unless LOG_FORMAT=plain.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_settings(LOG_FORMAT)
