"""Import organisations and their memberships from CSV or XLSX.

Every row is checked first; if any row has a problem the report lists each (row, column,
reason) and nothing is written. A clean file is written in one transaction. Rows that match an
organisation already in the platform (same registration number, or else the same English legal
name) are reported as matched and left as they are, so running an import twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models, transaction
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.exports import unescape
from platforma.core.models import Platform, today_in
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import Membership, Organisation
from ..signals import working_groups_chosen
from .registry import refuse_another_platforms_member

REQUIRED_COLUMNS = ("legal_name_en", "admitted_on")
OPTIONAL_COLUMNS = (
    "legal_name_az",
    "legal_name_ru",
    "short_name_en",
    "short_name_az",
    "short_name_ru",
    "acronym",
    "registration_number",
    "registration_date",
    "city_en",
    "city_az",
    "city_ru",
    "address_en",
    "email",
    "phone",
    "website",
    "working_groups",
)
# Written by the export (``members.exports``): read only to know which rows are members already.
EXPORT_ONLY_COLUMNS = ("status", "ended_on")
# A row of the file by lower-case header, or None for a blank line (kept for the numbering).
Row: TypeAlias = "dict[str, str] | None"
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + EXPORT_ONLY_COLUMNS
ORGANISATION_COLUMNS = [
    c for c in COLUMNS if c not in ("admitted_on", "working_groups", *EXPORT_ONLY_COLUMNS)
]


@dataclass
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        return _("row %(row)d, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column or "—",
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    matched: int = 0
    joined: int = 0  # organisations known elsewhere that become members here
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Plan:
    row: int
    values: dict[str, str | datetime.date]
    admitted_on: datetime.date | None  # None only for a row already a member (left as it is)
    groups: list[models.Model]  # the platform's working groups (members does not import them)
    organisation: Organisation | None
    already_member: bool


def read_table(content: bytes, filename: str) -> tuple[list[Row], list[RowError]]:
    """Rows as dicts keyed by lower-case header; problems with the file as a whole."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [
            RowError(
                0,
                "",
                _("The file is not UTF-8 text (first bad byte at position %(pos)d).")
                % {"pos": exc.start},
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    table = list(reader)
    return _rows_from_table(table)


def _read_xlsx(content: bytes) -> tuple[list[Row], list[RowError]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        return [], [RowError(0, "", _("The file is not a readable XLSX workbook."))]
    sheet = book.worksheets[0]
    table: list[list[str]] = []
    for values in sheet.iter_rows(values_only=True):
        table.append(
            [
                v.date().isoformat()
                if isinstance(v, datetime.datetime)
                else v.isoformat()
                if isinstance(v, datetime.date)
                else ("" if v is None else str(v))
                for v in values
            ]
        )
    return _rows_from_table(table)


def _rows_from_table(table: list[list[str]]) -> tuple[list[Row], list[RowError]]:
    if not table:
        return [], [RowError(0, "", _("The file is empty."))]
    header = [h.strip().lower() for h in table[0]]
    errors = [
        RowError(1, column, _("This required column is missing."))
        for column in REQUIRED_COLUMNS
        if column not in header
    ]
    errors += [
        RowError(1, column, _("Unknown column."))
        for column in header
        if column and column not in COLUMNS
    ]
    if len({h for h in header if h}) != len([h for h in header if h]):
        errors.append(RowError(1, "", _("A column appears twice.")))
    rows: list[Row] = []
    for values in table[1:]:
        if not any((v or "").strip() for v in values):
            rows.append(None)  # blank line: kept for numbering, skipped
            continue
        rows.append(
            # unescape: our own exports put an apostrophe before "+994 ..." (core.exports).
            {
                h: unescape((values[i] if i < len(values) else "").strip())
                for i, h in enumerate(header)
            }
        )
    return rows, errors


def _parse_date(value: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def validate(
    platform: Platform, rows: list[Row], *, actor: Actor = None
) -> tuple[list[_Plan], list[RowError]]:
    errors: list[RowError] = []
    plans: list[_Plan] = []
    # The platform's working groups, through the relation workinggroups declares on Platform:
    # members does not import workinggroups, which sits above it (docs/architecture.md).
    groups = {g.slug.lower(): g for g in platform.working_groups.select_related("forum_group")}
    for g in list(groups.values()):
        if not g.parent_id and g.forum_group is not None:
            groups.setdefault(f"wg{g.forum_group.number}", g)
    seen_names: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    today = today_in(platform)
    url_ok = URLValidator(schemes=["http", "https"])

    for index, row in enumerate(rows, start=2):
        if row is None:
            continue
        problems: list[RowError] = []
        name = row.get("legal_name_en", "")
        if not name:
            problems.append(RowError(index, "legal_name_en", _("The legal name is required.")))
        else:
            key = name.casefold()
            if key in seen_names:
                problems.append(
                    RowError(
                        index,
                        "legal_name_en",
                        _("The same name is on row %(row)d.") % {"row": seen_names[key]},
                    )
                )
            seen_names.setdefault(key, index)
        number = row.get("registration_number", "")
        if number:
            if number in seen_numbers:
                problems.append(
                    RowError(
                        index,
                        "registration_number",
                        _("The same registration number is on row %(row)d.")
                        % {"row": seen_numbers[number]},
                    )
                )
            seen_numbers.setdefault(number, index)
        # A row of a membership already in the platform (an export read back) is left as it
        # is: it needs no date of admission, and may be of any status.
        organisation = None
        if name and number:
            organisation = Organisation.objects.filter(registration_number=number).first()
        if name and organisation is None:
            organisation = Organisation.objects.filter(legal_name_en__iexact=name).first()
        already_member = bool(
            organisation
            and Membership.objects.filter(platform=platform, organisation=organisation).exists()
        )
        if organisation and not already_member:
            try:
                refuse_another_platforms_member(actor, organisation, platform)
            except ValidationError as exc:
                problems.append(RowError(index, "legal_name_en", exc.messages[0]))
        status = row.get("status", "")
        if status and status not in Membership.Status.values:
            problems.append(
                RowError(
                    index,
                    "status",
                    _("“%(value)s” is not a membership status (use one of: %(statuses)s).")
                    % {"value": status, "statuses": ", ".join(Membership.Status.values)},
                )
            )
        elif status and status != Membership.Status.ADMITTED and not already_member:
            problems.append(
                RowError(
                    index,
                    "status",
                    _(
                        "Only admitted members can be imported; this organisation is not yet a "
                        "member of the platform."
                    ),
                )
            )
        dates: dict[str, datetime.date] = {}
        for column in ("admitted_on", "registration_date", "ended_on"):
            value = row.get(column, "")
            if not value:
                if column == "admitted_on" and not already_member:
                    problems.append(
                        RowError(index, column, _("The date of admission is required."))
                    )
                continue
            try:
                dates[column] = _parse_date(value)
            except ValueError:
                problems.append(
                    RowError(
                        index,
                        column,
                        _("“%(value)s” is not a date (use YYYY-MM-DD).") % {"value": value},
                    )
                )
        if dates.get("admitted_on") and dates["admitted_on"] > today:
            problems.append(
                RowError(index, "admitted_on", _("The date of admission is in the future."))
            )
        if (
            dates.get("admitted_on")
            and dates.get("registration_date")
            and dates["registration_date"] > dates["admitted_on"]
        ):
            problems.append(
                RowError(
                    index,
                    "registration_date",
                    _("The organisation was registered after admission."),
                )
            )
        if row.get("email"):
            try:
                validate_email(row["email"])
            except ValidationError:
                problems.append(RowError(index, "email", _("Not a valid e-mail address.")))
        if row.get("website"):
            try:
                url_ok(row["website"])
            except ValidationError:
                problems.append(RowError(index, "website", _("Not a valid web address.")))
        chosen: list[models.Model] = []
        for code in filter(None, re.split(r"[;,]\s*", row.get("working_groups", ""))):
            group = groups.get(code.strip().lower())
            if group is None:
                problems.append(
                    RowError(
                        index,
                        "working_groups",
                        _("“%(code)s” is not a working group of this platform.") % {"code": code},
                    )
                )
            else:
                chosen.append(group)
        if problems:
            errors.extend(problems)
            continue
        values = {
            c: (dates[c] if c in dates else row.get(c, ""))
            for c in ORGANISATION_COLUMNS
            if row.get(c)
        }
        plans.append(
            _Plan(
                row=index,
                values=values,
                admitted_on=dates.get("admitted_on"),
                groups=chosen,
                organisation=organisation,
                already_member=already_member,
            )
        )
    return plans, errors


def members_import(
    *,
    actor: Actor,
    platform: Platform,
    content: bytes,
    filename: str,
    dry_run: bool = False,
    actor_label: str = "",
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Check the whole file, then (unless ``dry_run`` or any error) write it in one transaction."""
    from .registry import membership_record_existing, organisation_create

    require_manage(actor, platform)
    rows, errors = read_table(content, filename)
    report = ImportReport(rows=sum(1 for r in rows if r is not None), dry_run=dry_run)
    if errors:
        report.errors = errors
        return report
    plans, errors = validate(platform, rows, actor=actor)
    report.errors = errors
    report.matched = sum(1 for p in plans if p.already_member)
    report.joined = sum(1 for p in plans if p.organisation and not p.already_member)
    report.created = sum(1 for p in plans if p.organisation is None)
    if errors or dry_run:
        return report
    with transaction.atomic():
        for plan in plans:
            if not plan.already_member:
                assert plan.admitted_on is not None  # required of a row not yet a member
                organisation = plan.organisation or organisation_create(
                    actor=actor, platform=platform, actor_label=actor_label, **plan.values
                )
                membership = membership_record_existing(
                    actor=actor,
                    actor_label=actor_label,
                    platform=platform,
                    organisation=organisation,
                    admitted_on=plan.admitted_on,
                    decided_by="import",
                )
                if plan.groups:
                    # Working groups enrol the member (workinggroups.receivers).
                    working_groups_chosen.send(
                        sender=Membership,
                        membership=membership,
                        groups=plan.groups,
                        since=plan.admitted_on,
                        actor=actor,
                        actor_label=actor_label,
                    )
            if progress:
                progress(1)
        audit.record(
            "members.import.completed",
            actor=actor,
            actor_label=actor_label,
            platform=platform,
            data={
                "file": filename,
                "rows": report.rows,
                "created": report.created,
                "joined": report.joined,
                "matched": report.matched,
            },
        )
    return report
