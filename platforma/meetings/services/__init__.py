"""Writes to meetings, attendance, motions, decisions and minutes. Each records one audit entry.

Re-exported here so callers write ``from platforma.meetings import services``.
"""

from .attendance import (
    attendance_check_in,
    attendance_check_in_many,
    attendance_check_out,
    proxy_give,
    proxy_revoke,
)
from .explain import explain_result
from .floor import floor_vote_cast, motion_floor_close, motion_floor_open
from .meetings import (
    agenda_document_add,
    agenda_document_remove,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    convocation_send,
    meeting_close,
    meeting_create,
    meeting_open,
    meeting_update,
)
from .minutes import minutes_approve, minutes_update
from .motions import (
    decision_carry_out,
    decision_register,
    decision_set_public,
    motion_create,
    motion_decide,
    votes_record,
)

__all__ = [
    "agenda_document_add",
    "agenda_document_remove",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_item_update",
    "attendance_check_in",
    "attendance_check_in_many",
    "attendance_check_out",
    "convocation_send",
    "decision_carry_out",
    "decision_register",
    "decision_set_public",
    "explain_result",
    "floor_vote_cast",
    "meeting_close",
    "meeting_create",
    "meeting_open",
    "meeting_update",
    "minutes_approve",
    "minutes_update",
    "motion_create",
    "motion_decide",
    "motion_floor_close",
    "motion_floor_open",
    "proxy_give",
    "proxy_revoke",
    "votes_record",
]
