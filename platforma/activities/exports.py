"""An event's registrations as CSV and XLSX (openpyxl), from the same rows.

Cells are what registrants typed: any that a spreadsheet would read as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, so opening the export never runs anything (CSV/formula injection).
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event
from .selectors import registrations_for_organiser

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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
                neutralise(cell)
                for cell in (
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
                )
            ]
        )
    return [neutralise(h) for h in header], rows


def as_csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet programs read UTF-8


def as_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in rows:
        sheet.append(line)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # text, never a formula, whatever it starts with
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
