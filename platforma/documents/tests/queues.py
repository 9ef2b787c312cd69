"""The two task backends, set explicitly so these tests mean the same with or without the
project's pytest plugin that runs tasks at once."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.core.management import call_command

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def use_queue(settings: Any, backends: dict[str, Any]) -> None:
    settings.TASKS = backends
    from django_tasks import task_backends

    # django-tasks caches its backends; its setting_changed receiver drops them, but say so.
    expected = backends["default"]["BACKEND"].rsplit(".", 1)[1]
    assert type(task_backends["default"]).__name__ == expected


def run_worker() -> None:
    """What `manage.py db_worker` does in production, until the queue is empty.

    The worker calls ``close_old_connections`` between tasks, which closes a connection whose
    autocommit is off: inside a test's transaction on PostgreSQL that would end the test's
    transaction, so it is left out here (on SQLite it is a no-op for the in-memory database)."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)
