"""The database when it refuses writes: read-only (a standby not yet promoted, a full disk, a
maintenance window with ``default_transaction_read_only``) or locked (SQLite's single writer,
a PostgreSQL lock held past ``lock_timeout``).

Reads keep working; a write that is only bookkeeping (download and play counters) is skipped
(``best_effort_write``); any other write answers the French 503 page with ``Retry-After``
(``server_error``, the project's ``handler500``: it sees every uncaught exception, from a
view, a template or a middleware such as the session's save)."""

import logging
import sys
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# SQLSTATE codes (PostgreSQL): read-only transaction or standby, lock not available
# (lock_timeout), statement cancelled (statement_timeout).
UNAVAILABLE_SQLSTATES = {"25006", "55P03", "57014"}
# Messages (SQLite has no SQLSTATE): "attempt to write a readonly database", "database is
# locked", "database table is locked"; PostgreSQL's in any language they are written in English.
UNAVAILABLE_MESSAGES = (
    "readonly database",
    "read-only transaction",
    "database is locked",
    "database table is locked",
    "lock timeout",
    "statement timeout",
)
# Counters wait at most this long for a lock (milliseconds): a download never waits for them.
BEST_EFFORT_LOCK_WAIT_MS = 200


def refuses_writes(exc):
    """True when ``exc`` (or what caused it) says the database is read-only or locked."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DatabaseError) or type(exc).__module__.startswith(("sqlite3", "psycopg")):
            if getattr(exc, "sqlstate", None) in UNAVAILABLE_SQLSTATES:
                return True
            message = str(exc).lower()
            if any(marker in message for marker in UNAVAILABLE_MESSAGES):
                return True
        exc = exc.__cause__ or exc.__context__
    return False


@contextmanager
def short_lock_wait(milliseconds, using="default"):
    """Within the block, a lock held by another connection is waited for ``milliseconds`` at
    most (SQLite's busy timeout; PostgreSQL's ``lock_timeout``, for the current transaction)."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            previous = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {int(previous)}")
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{int(milliseconds)}ms"])
            yield
    else:
        yield


def best_effort_write(what, write, *args, **kwargs):
    """Run ``write`` (a counter's update) in its own savepoint, waiting for no lock: when the
    database refuses it, the failure is logged and forgotten. Returns True when it was written."""
    try:
        with short_lock_wait(BEST_EFFORT_LOCK_WAIT_MS), transaction.atomic():
            write(*args, **kwargs)
    except DatabaseError as exc:
        logger.warning("%s not recorded: the database refused the write (%s)", what, type(exc).__name__)
        return False
    return True


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """``handler500``: a database that refuses writes gets the French 503 page (static, like
    500.html: it must render without the database), anything else Django's own 500."""
    if refuses_writes(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
