"""Annual report pages: ``public`` (read) and ``office`` (the secretariat's editor)."""

from .office import report_action, report_draft, report_edit
from .public import report_detail, report_list, report_pdf

__all__ = [
    "report_action",
    "report_detail",
    "report_draft",
    "report_edit",
    "report_list",
    "report_pdf",
]
