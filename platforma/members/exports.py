"""Member lists for the secretariat as CSV and XLSX (openpyxl), from the same rows.

Written through ``core.exports``: a phone such as ``+994 ...`` or a name starting with ``=`` is
text, never a formula; the importer takes the protective apostrophe off again.
"""

from __future__ import annotations

from django.db.models import Prefetch

from platforma.core import exports
from platforma.core.models import Platform
from platforma.workinggroups.models import Enrolment

from .models import Membership
from .services.imports import OPTIONAL_COLUMNS

# The importer's own columns (``services.imports``), so an export re-imports unchanged: every
# row matches its membership and is left as it is.
EXPORT_COLUMNS = (
    "legal_name_en",
    *(c for c in OPTIONAL_COLUMNS if c != "working_groups"),
    "status",
    "admitted_on",
    "ended_on",
    "working_groups",
)


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def export_rows(platform: Platform) -> tuple[list[str], list[list[str]]]:
    """Every membership of the platform (all statuses), one row each; fixed number of queries.

    The header is the importer's column names (``docs/members.md``) and statuses are their codes,
    so the file goes back through ``import_members`` without a change.
    """
    memberships = (
        Membership.objects.filter(platform=platform)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "enrolments",
                queryset=Enrolment.objects.filter(until__isnull=True)
                .select_related("working_group")
                .order_by("working_group__position", "working_group__slug"),
                to_attr="current_enrolments",
            )
        )
        .order_by("organisation__legal_name_en", "pk")
    )
    rows = []
    for m in memberships:
        o = m.organisation
        values = {
            "status": m.status,
            "admitted_on": m.admitted_on,
            "ended_on": m.ended_on,
            "working_groups": "; ".join(e.working_group.slug for e in m.current_enrolments),
        }
        rows.append(
            [
                _cell(values[column] if column in values else getattr(o, column))
                for column in EXPORT_COLUMNS
            ]
        )
    return list(EXPORT_COLUMNS), rows


def as_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """Every text cell safe from spreadsheet formulas (``core.exports``); imports undo it."""
    return exports.csv_bytes(header, rows)


def as_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    return exports.xlsx_bytes(header, rows, title=title)
