"""An event's registrations as CSV and XLSX (openpyxl), from the same rows.

Cells are what registrants typed: any that a spreadsheet would read as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, and XLSX cells are explicit strings, so opening the export never runs anything
(CSV/formula injection). Written by ``core.exports``, shared by every export.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import exports

from .models import Event
from .selectors import registrations_for_organiser


def _when(value) -> str:
    # In the active zone: the office runs in the platform's.
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def registration_rows(event: Event) -> tuple[list[str], list[list[str]]]:
    """Every registration of the event, in the list's order; a fixed number of queries."""
    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Member organisation"),
        _("Status"),
        _("Registered at"),
        _("Promoted from the waitlist at"),
        _("Cancelled at"),
        _("May be listed publicly"),
        _("Checked in at"),
    ]
    rows = []
    for r in registrations_for_organiser(event):
        attendance = getattr(r, "attendance", None)
        rows.append(
            [
                r.name,
                r.email,
                r.organisation_display,
                _("yes") if r.organisation_id else _("no"),
                r.get_status_display(),
                _when(r.registered_at),
                _when(r.promoted_at),
                _when(r.cancelled_at),
                _("yes") if r.consent_public else _("no"),
                _when(attendance.checked_in_at) if attendance else "",
            ]
        )
    return header, rows


def as_csv(header: list[str], rows: list[list[str]]) -> bytes:
    return exports.csv_bytes(header, rows)


def as_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    return exports.xlsx_bytes(header, rows, title=title)
