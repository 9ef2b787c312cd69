"""Writes of the elections app; every function records one audit entry."""

from .box import election_tellers_appoint, readiness_problems, teller_share_take
from .lifecycle import (
    TRANSITIONS,
    election_close,
    election_create,
    election_open_nominations,
    election_open_voting,
    election_publish,
    election_second_round_create,
    election_transition,
    election_update,
    seat_problems,
    settings_refusal,
)
from .nominations import nomination_answer, nomination_create, nomination_second
from .paper import paper_entry_save, paper_voter_record
from .voting import Receipt, ballot_cast, election_proxy_grant

__all__ = [
    "TRANSITIONS",
    "Receipt",
    "ballot_cast",
    "election_close",
    "election_create",
    "election_open_nominations",
    "election_open_voting",
    "election_proxy_grant",
    "election_publish",
    "election_second_round_create",
    "election_transition",
    "election_tellers_appoint",
    "election_update",
    "nomination_answer",
    "nomination_create",
    "nomination_second",
    "paper_entry_save",
    "paper_voter_record",
    "readiness_problems",
    "seat_problems",
    "settings_refusal",
    "teller_share_take",
]
