"""The retention task, for the worker (``manage.py privacy_retention`` is the same, for cron)."""

from __future__ import annotations

from django_tasks import task

from .services import registrations_retention


@task()
def retention() -> dict[str, int]:
    return registrations_retention(actor=None)
