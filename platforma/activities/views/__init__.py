"""The activities' pages: public ones (``public``) and the organisers' office (``office``).

The names re-exported here are those ``urls.py`` uses, public and office alike.
"""

from .office import (
    event_cancel,
    event_checkin,
    event_create,
    event_edit,
    event_file_remove,
    event_file_update,
    event_files,
    event_kinds,
    event_message,
    event_registrations,
    registration_add,
    registrations_export,
)
from .office import event_list as office_event_list
from .office import registration_cancel as office_registration_cancel
from .public import (
    event_detail,
    event_file,
    event_ics,
    event_list,
    event_register,
    feed_ics,
    registration_cancel,
    registration_confirm,
    registration_consent,
    registration_detail,
    registration_ics,
    registration_sent,
)

__all__ = [
    "event_cancel",
    "event_checkin",
    "event_create",
    "event_detail",
    "event_edit",
    "event_file",
    "event_file_remove",
    "event_file_update",
    "event_files",
    "event_ics",
    "event_kinds",
    "event_list",
    "event_message",
    "event_register",
    "event_registrations",
    "feed_ics",
    "office_event_list",
    "office_registration_cancel",
    "registration_add",
    "registration_cancel",
    "registration_confirm",
    "registration_consent",
    "registration_detail",
    "registration_ics",
    "registration_sent",
    "registrations_export",
]
