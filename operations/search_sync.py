"""Search index updates that survive an engine outage.

modelsearch already updates the index through django-tasks: on save it enqueues
``insert_or_update_object_task`` (run by ``manage.py db_worker`` in production, so
publishing never waits for the engine); on delete it removes the object at once. When an
external engine (OpenSearch, Elasticsearch) is down, modelsearch logs the error and carries
on: the page is published, the index is stale. This module closes that gap without
replacing modelsearch's machinery: a logging handler on ``modelsearch.index`` catches those
failures and schedules a retry of the same object (update or removal) with a growing delay
(5 min, 10, 20… up to 6 h), for as long as the engine stays down, up to ``MAX_ATTEMPTS``;
after that it logs an error asking for ``manage.py update_index``. Why a logging handler:
modelsearch offers no other hook, and its log call carries the object and the backend name.

Retries need a backend that can defer tasks (the database backend, production). With the
ImmediateBackend (development, tests) the failure is only logged.
"""

import contextvars
import datetime
import logging

from django_tasks import default_task_backend, task

from django.apps import apps
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
FIRST_DELAY = datetime.timedelta(minutes=5)
LONGEST_DELAY = datetime.timedelta(hours=6)

_attempt = contextvars.ContextVar("search_index_attempt", default=0)


@task()
def retry_search_index(action, app_label, model_name, pk, attempt):
    from modelsearch import index

    model = apps.get_model(app_label, model_name)
    token = _attempt.set(attempt)
    try:
        if action == "add":
            instance = model._default_manager.filter(pk=pk).first()
            if instance is not None:  # deleted since: nothing left to index
                index.insert_or_update_object(instance)
        else:
            index.remove_object(model(pk=pk))
    finally:
        _attempt.reset(token)


def schedule_retry(action, instance, attempt):
    if attempt > MAX_ATTEMPTS:
        logger.error(
            "Index de recherche : %s.%s %s toujours pas à jour après %d tentatives ; lancer manage.py update_index.",
            instance._meta.app_label,
            instance._meta.model_name,
            instance.pk,
            MAX_ATTEMPTS,
        )
        return None
    args = (action, instance._meta.app_label, instance._meta.model_name, str(instance.pk))
    if _already_scheduled(args):  # one save fires several updates: one retry is enough
        return None
    delay = min(FIRST_DELAY * 2 ** (attempt - 1), LONGEST_DELAY)
    return retry_search_index.using(run_after=timezone.now() + delay).enqueue(*args, attempt)


def _already_scheduled(args):
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return False
    lookups = {f"args_kwargs__args__{position}": value for position, value in enumerate(args)}
    return DBTaskResult.objects.filter(
        status="READY", task_path=retry_search_index.module_path, **lookups
    ).exists()


class IndexFailureHandler(logging.Handler):
    """Turns modelsearch's "Exception raised while adding/deleting %r … '%s' search backend"
    log records into scheduled retries."""

    def emit(self, record):
        try:
            message = str(record.msg)
            if not message.startswith("Exception raised while") or len(record.args or ()) != 2:
                return
            instance, backend_name = record.args
            if not getattr(instance, "_meta", None) or instance.pk is None:
                return
            from modelsearch.backends import get_search_backend

            # The database backend re-raises: its transaction is rolled back, nothing to retry.
            if not get_search_backend(backend_name).catch_indexing_errors:
                return
            if not default_task_backend.supports_defer:
                return
            action = "add" if message.startswith("Exception raised while adding") else "remove"
            schedule_retry(action, instance, _attempt.get() + 1)
        except Exception:  # a logging handler must never break the code that logs
            self.handleError(record)
