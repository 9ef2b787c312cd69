"""The permission matrix's rows for the organisers' office of events (merged by the core walk).

The public pages' rows stay in ``core/tests/test_permission_matrix.py``, but for those of the
public registration's confirmation, kept here beside the pages.
"""

from platforma.testing.matrix import OFFICE, PUBLIC, ROLES


def _event(d):
    return ["azerbaijan", d["event"].pk]


MATRIX = {
    "activities:office-event-list": (lambda d: ["azerbaijan"], OFFICE),
    "activities:office-event-create": (lambda d: ["azerbaijan"], OFFICE),
    "activities:office-eventkind-list": (lambda d: ["azerbaijan"], OFFICE),
    "activities:office-event-edit": (_event, OFFICE),
    "activities:office-event-cancel": (_event, OFFICE),
    "activities:office-event-files": (_event, OFFICE),
    "activities:office-event-registrations": (_event, OFFICE),
    "activities:office-event-message": (_event, OFFICE),
    "activities:office-registration-export": (lambda d: [*_event(d), "csv"], OFFICE),
    # The month view, public; calendar/ sends everyone on to this month's.
    "activities:calendar-month": (lambda d: ["azerbaijan", 2026, 4], PUBLIC),
    "activities:calendar": (lambda d: ["azerbaijan"], dict.fromkeys(ROLES, 302)),
    # "Check your e-mail" after the public form: the same page for everyone.
    "activities:event-registration-sent": (_event, PUBLIC),
}
# A confirmation link that is unknown (or used, or expired) is not found, whoever follows it.
POST_HIDDEN = {
    "activities:registration-confirm": lambda d: ["azerbaijan", "not-a-confirmation-token"],
}
POST_ONLY = {
    "activities:office-registration-add": _event,
    "activities:office-registration-cancel": lambda d: [
        "azerbaijan",
        d["registration"].event_id,
        d["registration"].pk,
    ],
    "activities:office-event-file-update": lambda d: [*_event(d), 999999],
    "activities:office-event-file-remove": lambda d: [*_event(d), 999999],
}
