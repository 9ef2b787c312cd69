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
    "proxy_page",
    "quorum_json",
    "quorum_page",
]
