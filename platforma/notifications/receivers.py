"""Notices follow what the elections tell them (``elections.services.lifecycle.election_moved``)."""

from __future__ import annotations

import logging

from django.dispatch import receiver

from platforma.elections.services.lifecycle import election_moved

from .services import MOVES
from .tasks import notify_election

logger = logging.getLogger(__name__)


@receiver(election_moved, dispatch_uid="notifications.election_moved")
def election_moved_notify(*, election_id: int, event: str, **kwargs) -> None:
    """Enqueue the notices of a move (sent after the move committed). A failure is logged and
    swallowed: the move stands, and the reminder command or a rerun can tell people later."""
    if event not in MOVES:
        return
    try:
        notify_election.enqueue(election_id, MOVES[event].value)
    except Exception:  # the move has committed; telling people must not undo or fail it
        logger.exception("Notices of election %s (%s) could not be sent", election_id, event)
