"""Member lists for the secretariat as CSV and XLSX (openpyxl), from the same rows."""

from __future__ import annotations

import csv
import io

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from platforma.core.models import Platform
from platforma.workinggroups.models import Enrolment

from .models import Membership


def export_rows(platform: Platform) -> tuple[list[str], list[list[str]]]:
    """Every membership of the platform (all statuses), one row each; fixed number of queries."""
    header = [
        _("Legal name"),
        _("Short name"),
        _("Acronym"),
        _("Registration number"),
        _("Registration date"),
        _("City"),
        _("E-mail"),
        _("Phone"),
        _("Website"),
        _("Status"),
        _("Admitted on"),
        _("Ended on"),
        _("Working groups"),
    ]
    memberships = (
        Membership.objects.filter(platform=platform)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "enrolments",
                queryset=Enrolment.objects.filter(until__isnull=True).select_related(
                    "working_group"
                ),
                to_attr="current_enrolments",
            )
        )
        .order_by("organisation__legal_name")
    )
    rows = []
    for m in memberships:
        o = m.organisation
        rows.append(
            [
                o.legal_name,
                o.short_name,
                o.acronym,
                o.registration_number,
                o.registration_date.isoformat() if o.registration_date else "",
                o.city,
                o.email,
                o.phone,
                o.website,
                m.get_status_display(),
                m.admitted_on.isoformat() if m.admitted_on else "",
                m.ended_on.isoformat() if m.ended_on else "",
                "; ".join(e.working_group.slug for e in m.current_enrolments),
            ]
        )
    return header, rows


def as_csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet programs read UTF-8


def as_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
