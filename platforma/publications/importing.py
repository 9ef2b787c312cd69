"""The stakeholder file: reading it (CSV or XLSX), checking every row before anything is written,
and writing it (the export, in the same columns, so that an export re-imports without a change).

Columns (header row, any order, case-insensitive): ``name`` (required), ``category``
(required: a code such as ``think_tank`` or the English label such as ``Think tank``), ``kind``
(``organisation`` or ``person``; default organisation), ``country``, ``contact_name``,
``email``, ``phone``, ``address``, ``consent`` (yes/no, 1/0, true/false; default no),
``consent_recorded_at`` (ISO date or date and time; without a UTC offset, the platform's time),
``consent_source`` (a code such as ``email_reply`` or its English label; empty: unknown),
``consent_note``, ``language`` (``en``, ``az``, ``ru`` or the language's English name), ``notes``.

A row whose name and e-mail (case-insensitive) are those of a registered stakeholder updates it
(only the columns the file has); identical rows change nothing. A column the file lacks is left
as it is on registered stakeholders and takes its default on new ones.
"""

from __future__ import annotations

import csv
import datetime
import io
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core.exports import unescape
from platforma.core.models import Platform

from .models import ConsentSource, Stakeholder, StakeholderCategory

COLUMNS = (
    "name",
    "category",
    "kind",
    "country",
    "contact_name",
    "email",
    "phone",
    "address",
    "consent",
    "consent_recorded_at",
    "consent_source",
    "consent_note",
    "language",
    "notes",
)
YES = {"yes", "y", "1", "true", "x", "да", "bəli"}
NO = {"", "no", "n", "0", "false", "нет", "xeyr"}
_CATEGORY_BY_TEXT = {
    **{c.value: c.value for c in StakeholderCategory},
    **{str(c.label).lower(): c.value for c in StakeholderCategory},
    **{c.value.replace("_", " "): c.value for c in StakeholderCategory},
    "think-tank": StakeholderCategory.THINK_TANK,
}
_SOURCE_BY_TEXT = {
    "": "",
    "unknown": "",
    **{c.value: c.value for c in ConsentSource},
    **{str(c.label).lower(): c.value for c in ConsentSource},
    **{c.value.replace("_", " "): c.value for c in ConsentSource},
}
_LANGUAGE_BY_TEXT = {
    **{code: code for code, _name in settings.LANGUAGES},
    **{str(name).lower(): code for code, name in settings.LANGUAGES},
}
# Text columns copied as they are, with their length limits (the model's).
_TEXT_LIMITS = {
    "country": 100,
    "contact_name": 200,
    "phone": 50,
    "address": 300,
    "consent_note": 300,
    "notes": 100_000,
}


def read_rows(path: str | Path) -> list[dict]:
    """Rows of a .csv (UTF-8, comma or semicolon) or .xlsx file as dicts keyed by column."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
        reader = csv.reader(io.StringIO(text), dialect)
        table = list(reader)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        table = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        book.close()
    else:
        raise ValidationError(_("Give a .csv or .xlsx file (this one is “%s”).") % path.suffix)
    if not table:
        raise ValidationError(_("The file is empty."))
    header = [h.strip().lower().replace(" ", "_") for h in table[0]]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise ValidationError(
            _("Unknown columns: %(cols)s. Known columns: %(known)s.")
            % {"cols": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    rows = []
    for cells in table[1:]:
        if not any(str(c).strip() for c in cells):
            continue
        # Every column of the header is in every row (a short row's missing cells are empty):
        # a column the file has is "given", even when a cell is empty.
        padded = list(cells) + [""] * (len(header) - len(cells))
        rows.append(
            {h: unescape(str(v).strip()) for h, v in zip(header, padded, strict=False) if h}
        )
    return rows


def read_upload(upload) -> list[dict]:
    """Rows of an uploaded file: XLSX when its content is a ZIP archive, else UTF-8 CSV.

    The kind is judged from the content, not from the name; the size is checked first.
    """
    import tempfile

    from platforma.core.uploads import MAX_UPLOAD_BYTES

    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is too large: at most 10 MB."))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    suffix = ".xlsx" if head == b"PK\x03\x04" else ".csv"
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return read_rows(handle.name)
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text nor an .xlsx workbook.")) from None
        except ValidationError:
            raise
        except Exception:  # noqa: BLE001 - csv.Error, a broken workbook (zipfile, openpyxl)
            raise ValidationError(_("The file cannot be read as CSV or XLSX.")) from None


@dataclass
class Row:
    """One checked row: a new stakeholder's ``fields``, or a registered ``stakeholder`` and the
    ``changes`` the row makes to it (empty: the row is as it is)."""

    fields: dict[str, Any] = field(default_factory=dict)
    stakeholder: Stakeholder | None = None
    changes: dict[str, Any] = field(default_factory=dict)


def _key(name: str, email: str) -> tuple[str, str]:
    return (" ".join(name.split()).lower(), email.strip().lower())


def _parse_moment(text: str, tz: zoneinfo.ZoneInfo) -> datetime.datetime:
    """An ISO date or date and time; without an offset, in the platform's time zone."""
    try:
        if len(text) == 10:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time())
        else:
            moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError("bad date") from None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=tz)
    return moment.replace(microsecond=0)


def validate_rows(
    platform: Platform, rows: list[dict], progress=None
) -> tuple[list[Row], list[str]]:
    """Every row checked: ``(checked rows, ["Row 3: ...", ...])``. Rows count from 2.

    A row matching a registered stakeholder (same name and e-mail, case-insensitive) becomes the
    changes it makes to it; consent that changes without a new date is dated by the service
    (now), without a new source is put down to the import."""
    checked, errors = [], []
    seen: dict[tuple[str, str], int] = {}
    registered: dict[tuple[str, str], list[Stakeholder]] = {}
    for s in Stakeholder.objects.filter(platform=platform).order_by("pk"):
        registered.setdefault(_key(s.name, s.email), []).append(s)
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    now = timezone.now()
    for index, row in enumerate(rows, start=2):
        problems = []
        values: dict[str, Any] = {}
        name = " ".join(row.get("name", "").split())
        if not name:
            problems.append(_("the name is missing"))
        elif len(name) > 300:
            problems.append(
                _("%(field)s is longer than %(n)d characters") % {"field": "name", "n": 300}
            )
        values["name"] = name
        category = _CATEGORY_BY_TEXT.get(row.get("category", "").strip().lower())
        if category is None:
            problems.append(
                _("unknown category “%(value)s” (use one of: %(known)s)")
                % {"value": row.get("category", ""), "known": ", ".join(StakeholderCategory.values)}
            )
        values["category"] = category
        if "kind" in row:
            kind = (row["kind"] or "organisation").strip().lower()
            if kind not in Stakeholder.Kind.values:
                problems.append(_("kind must be “organisation” or “person”"))
            values["kind"] = kind
        email = row.get("email", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("“%(value)s” is not an e-mail address") % {"value": email})
        if "email" in row:
            values["email"] = email
        if "consent" in row:
            consent_text = row["consent"].strip().lower()
            if consent_text not in YES | NO:
                problems.append(_("consent must be yes or no"))
            values["consent_to_contact"] = consent_text in YES
        if "consent_recorded_at" in row:
            text = row["consent_recorded_at"].strip()
            values["consent_recorded_at"] = None
            if text:
                try:
                    values["consent_recorded_at"] = _parse_moment(text, tz)
                except ValidationError:
                    problems.append(
                        _("“%(value)s” is not a date (write 2026-03-03 or 2026-03-03T10:00)")
                        % {"value": text}
                    )
                else:
                    if values["consent_recorded_at"] > now:
                        problems.append(_("the date of the consent is in the future"))
        if "consent_source" in row:
            source = _SOURCE_BY_TEXT.get(row["consent_source"].strip().lower())
            if source is None:
                problems.append(
                    _("unknown consent source “%(value)s” (use one of: %(known)s)")
                    % {"value": row["consent_source"], "known": ", ".join(ConsentSource.values)}
                )
            values["consent_source"] = source
        if row.get("language", "").strip():
            language = _LANGUAGE_BY_TEXT.get(row["language"].strip().lower())
            if language is None:
                problems.append(
                    _("unknown language “%(value)s” (use one of: %(known)s)")
                    % {
                        "value": row["language"],
                        "known": ", ".join(code for code, _n in settings.LANGUAGES),
                    }
                )
            values["language"] = language
        for column, limit in _TEXT_LIMITS.items():
            if column in row:
                if len(row[column]) > limit:
                    problems.append(
                        _("%(field)s is longer than %(n)d characters")
                        % {"field": column, "n": limit}
                    )
                values[column] = row[column]
        key = _key(name, email)
        matches = registered.get(key, [])
        if name and key in seen:
            problems.append(_("same name and e-mail as row %(row)d") % {"row": seen[key]})
        elif len(matches) > 1:
            problems.append(
                _("matches %(n)d registered stakeholders: merge them first") % {"n": len(matches)}
            )
        seen.setdefault(key, index)
        if problems:
            errors.append(
                _("Row %(row)d: %(problems)s.") % {"row": index, "problems": "; ".join(problems)}
            )
        elif matches:
            checked.append(_changes(matches[0], values))
        else:
            checked.append(Row(fields=_new_fields(values)))
        if progress:
            progress(1)
    return checked, errors


def _new_fields(values: dict[str, Any]) -> dict[str, Any]:
    fields = {"kind": Stakeholder.Kind.ORGANISATION, "consent_to_contact": False, **values}
    if fields["consent_to_contact"] and not fields.get("consent_source"):
        fields["consent_source"] = ConsentSource.IMPORT
    return fields


def _changes(stakeholder: Stakeholder, values: dict[str, Any]) -> Row:
    changes = {name: value for name, value in values.items() if getattr(stakeholder, name) != value}
    if "consent_to_contact" in changes:
        # The consent changed and the row kept the old record's date or source: that record
        # described the old answer. The service dates it now; the source is the import.
        if changes.get("consent_recorded_at") is None:
            changes.pop("consent_recorded_at", None)
        if "consent_source" not in changes:
            changes["consent_source"] = ConsentSource.IMPORT
    return Row(stakeholder=stakeholder, changes=changes)


# --- The export: the same columns ----------------------------------------------------------------


def export_values(stakeholder: Stakeholder, tz: zoneinfo.ZoneInfo) -> list[str]:
    """One stakeholder as a row of the import's columns (codes, not labels; ISO dates)."""
    recorded = stakeholder.consent_recorded_at
    values = {
        "consent": "yes" if stakeholder.consent_to_contact else "no",
        "consent_recorded_at": recorded.astimezone(tz).isoformat(timespec="seconds")
        if recorded
        else "",
    }
    return [
        values[column] if column in values else str(getattr(stakeholder, column))
        for column in COLUMNS
    ]


def export_rows(platform: Platform, stakeholders: Iterable[Stakeholder]) -> list[list[str]]:
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    return [export_values(s, tz) for s in stakeholders]
