"""The worker's task of notices (run by ``manage.py db_worker``; at once in tests)."""

from __future__ import annotations

from django_tasks import task

from .services import notices_send


@task()
def notify_election(election_id: int, event: str) -> int:
    """Tell the representatives of ``event``: out of the request that moved the election, so
    a platform of many members never makes the secretariat's page wait. A retry tells nobody
    twice (``notices_send`` skips whoever already has the notice)."""
    return notices_send(election_id=election_id, event=event)
