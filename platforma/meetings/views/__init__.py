from .backoffice import (
    attendance_page,
    meeting_convene,
    meeting_detail,
    meeting_list,
    motion_list,
    motion_votes,
    proxy_page,
)
from .minutes import minutes_page, minutes_pdf
from .office import (
    office_agenda,
    office_agenda_document,
    office_agenda_document_add,
    office_agenda_document_remove,
    office_agenda_item_edit,
    office_agenda_item_move,
    office_agenda_item_remove,
    office_meeting_close,
    office_meeting_create,
    office_meeting_edit,
    office_meeting_ics,
    office_meeting_open,
)
from .quorum import quorum_json, quorum_page
from .register import decision_list, mandate_dashboard

__all__ = [
    "attendance_page",
    "decision_list",
    "mandate_dashboard",
    "meeting_convene",
    "meeting_detail",
    "meeting_list",
    "minutes_page",
    "minutes_pdf",
    "motion_list",
    "motion_votes",
    "office_agenda",
    "office_agenda_document",
    "office_agenda_document_add",
    "office_agenda_document_remove",
    "office_agenda_item_edit",
    "office_agenda_item_move",
    "office_agenda_item_remove",
    "office_meeting_close",
    "office_meeting_create",
    "office_meeting_edit",
    "office_meeting_ics",
    "office_meeting_open",
    "proxy_page",
    "quorum_json",
    "quorum_page",
]
