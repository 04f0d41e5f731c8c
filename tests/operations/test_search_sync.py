"""Search index updates during an engine outage: publishing still works, the failed update
is scheduled again (with a delay) through the task queue, and lands once the engine answers."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from demo.builders.common import ensure_page, get_home_page
from home.models import ContentPage

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ENGINE_DOWN = {
    "default": {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": ["http://127.0.0.1:1"],
        "TIMEOUT": 2,
    }
}
RETRY_TASK = "operations.search_sync.retry_search_index"


def run_worker():
    """The real worker, until the queue is empty. Inside the test's transaction: the worker's
    close_old_connections() would close the connection (autocommit is off there)."""
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_failed_index_update_is_retried_once_the_engine_answers(site_skeleton, settings):
    settings.TASKS = DATABASE_TASKS
    default_backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = ENGINE_DOWN

    page = ensure_page(get_home_page(), ContentPage, "charte-zebuline", title="Charte zébuline")
    assert page.live, "publishing does not wait for the engine"
    run_worker()  # modelsearch's own update task fails against the closed port…

    [retry] = DBTaskResult.objects.filter(task_path=RETRY_TASK)  # …and is scheduled again
    assert retry.status == "READY"
    assert retry.run_after > timezone.now() + datetime.timedelta(minutes=4)
    assert retry.args_kwargs["args"][0] == "add"
    assert retry.args_kwargs["args"][-1] == 1

    run_worker()
    assert retry.__class__.objects.get(pk=retry.pk).status == "READY", "not before its time"

    settings.WAGTAILSEARCH_BACKENDS = default_backends  # the engine is back
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert [hit.pk for hit in Page.objects.search("zébuline")] == [page.pk]


def test_retries_back_off_and_stop(site_skeleton, settings, caplog):
    from operations import search_sync

    settings.TASKS = DATABASE_TASKS
    settings.WAGTAILSEARCH_BACKENDS = ENGINE_DOWN
    page = ensure_page(get_home_page(), ContentPage, "charte-zebuline", title="Charte zébuline")
    later = search_sync.schedule_retry("add", page, 3)
    assert later.task.run_after - timezone.now() > datetime.timedelta(minutes=19)
    assert search_sync.schedule_retry("add", page, search_sync.MAX_ATTEMPTS + 1) is None
    assert "lancer manage.py update_index" in caplog.text


def test_retry_lands_in_a_real_engine(site_skeleton, settings):
    """The same outage against the CI's OpenSearch node (SEARCH_TEST_URL): the page published
    while the engine was unreachable is found there once the retry has run."""
    from wagtail.search.backends import get_search_backend

    from tests.search.node import delete_indices, node_backends

    prefix = "portail_vif_test_retry"
    engine_up = node_backends(prefix)  # skips locally / fails in CI without a node
    settings.TASKS = DATABASE_TASKS
    try:
        settings.WAGTAILSEARCH_BACKENDS = engine_up
        call_command("update_index", verbosity=0)
        settings.WAGTAILSEARCH_BACKENDS = ENGINE_DOWN
        page = ensure_page(get_home_page(), ContentPage, "charte-zebuline", title="Charte zébuline")
        run_worker()
        settings.WAGTAILSEARCH_BACKENDS = engine_up
        assert list(Page.objects.search("zébuline")) == []
        DBTaskResult.objects.filter(task_path=RETRY_TASK).update(run_after=timezone.now())
        run_worker()
        get_search_backend().es.indices.refresh(index=f"{prefix}_*")
        assert [hit.pk for hit in Page.objects.search("zébuline")] == [page.pk]
    finally:
        settings.WAGTAILSEARCH_BACKENDS = engine_up
        delete_indices(engine_up)
