"""Writes to events, registrations and attendance. Each service checks that the actor organises
what it is handed: the platform's secretariat, or a coordinator of one of the event's working
groups (``_common.require_organiser``, ``core.tenancy.require_manage_or_coordinate``); a
registrant acts with the token of their own registration. Each records one audit entry."""

from ._common import R, event_mark_changed
from .attendance import attendance_check_in, attendance_check_in_many
from .events import (
    EVENT_FIELDS,
    event_cancel,
    event_create,
    event_file_add,
    event_file_remove,
    event_file_update,
    event_kind_create,
    event_update,
)
from .public_registration import (
    ConfirmationInvalid,
    RegistrationThrottled,
    registration_awaiting,
    registration_confirm,
    registration_request,
    registrations_expire,
)
from .registrations import (
    AUDIENCES,
    registration_cancel,
    registration_create,
    registration_promote_waitlisted,
    registration_set_consent,
    registrations_message,
)

__all__ = [
    "AUDIENCES",
    "ConfirmationInvalid",
    "RegistrationThrottled",
    "EVENT_FIELDS",
    "R",
    "attendance_check_in",
    "attendance_check_in_many",
    "event_cancel",
    "event_create",
    "event_file_add",
    "event_file_remove",
    "event_file_update",
    "event_kind_create",
    "event_mark_changed",
    "event_update",
    "registration_awaiting",
    "registration_cancel",
    "registration_confirm",
    "registration_create",
    "registration_promote_waitlisted",
    "registration_request",
    "registration_set_consent",
    "registrations_expire",
    "registrations_message",
]
