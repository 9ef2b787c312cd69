"""Writes to the member registry. Every function records one audit entry."""

from .appeals import appeal_decide, appeal_lodge, membership_appeal_lodge
from .applications import (
    application_decide,
    application_record_board_opinion,
    application_start_review,
    application_submit,
    recommendation_respond,
)
from .imports import members_import
from .registry import (
    ENDING_STATUSES,
    TRANSITIONS,
    membership_record_existing,
    membership_transition,
    organisation_create,
    organisation_update,
    refuse_future,
    representative_add,
    representative_assign,
    representative_end,
)
from .representatives import (
    organisation_profile_update,
    profile_change_decide,
    public_contacts_update,
    representative_invite,
)

__all__ = [
    "ENDING_STATUSES",
    "TRANSITIONS",
    "appeal_decide",
    "appeal_lodge",
    "application_decide",
    "application_record_board_opinion",
    "application_start_review",
    "application_submit",
    "members_import",
    "membership_appeal_lodge",
    "membership_record_existing",
    "membership_transition",
    "organisation_create",
    "organisation_profile_update",
    "organisation_update",
    "profile_change_decide",
    "public_contacts_update",
    "recommendation_respond",
    "refuse_future",
    "representative_add",
    "representative_assign",
    "representative_end",
    "representative_invite",
]
