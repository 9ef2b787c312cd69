"""Tasks run at once in tests (a pytest plugin, loaded by ``-p`` in pyproject.toml).

Most tests look at ``django.core.mail.outbox`` right after a request: with the immediate backend
the outbox's delivery task (``core.tasks.deliver``) runs inside ``enqueue``. Tests of the real
queue (rows in the database, a worker, retries later) ask for ``db_task_queue``.

django-tasks caches its backends; its ``setting_changed`` receiver rebuilds them whenever
``settings.TASKS`` changes, which the ``settings`` fixture signals (both ways).
"""

import pytest

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def db_task_queue(settings, _tasks_run_at_once):
    """The database backend, as in production: tasks wait in the database for a worker
    (``call_command("db_worker", "--batch")``)."""
    settings.TASKS = DATABASE
    from django_tasks import task_backends

    assert type(task_backends["default"]).__name__ == "DatabaseBackend"
