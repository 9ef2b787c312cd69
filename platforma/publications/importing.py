"""Reading stakeholder files (CSV or XLSX) and checking every row before anything is written.

Columns (header row, any order, case-insensitive): ``name`` (required), ``category``
(required: a code such as ``think_tank`` or the English label such as ``Think tank``), ``kind``
(``organisation`` or ``person``; default organisation), ``country``, ``contact_name``,
``email``, ``phone``, ``address``, ``consent`` (yes/no, 1/0, true/false; default no), ``notes``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from platforma.core.models import Platform

from .models import Stakeholder, StakeholderCategory

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
        rows.append({h: str(v).strip() for h, v in zip(header, cells, strict=False) if h})
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


def validate_rows(platform: Platform, rows: list[dict], progress=None) -> tuple[list, list[str]]:
    """Every row checked: ``(cleaned field dicts, ["Row 3: ...", ...])``. Rows count from 2."""
    cleaned, errors = [], []
    seen: dict[tuple[str, str], int] = {}
    existing = set(Stakeholder.objects.filter(platform=platform).values_list("name", "email"))
    for index, row in enumerate(rows, start=2):
        problems = []
        name = row.get("name", "").strip()
        if not name:
            problems.append(_("the name is missing"))
        category_text = row.get("category", "").strip().lower()
        category = _CATEGORY_BY_TEXT.get(category_text)
        if category is None:
            problems.append(
                _("unknown category “%(value)s” (use one of: %(known)s)")
                % {"value": row.get("category", ""), "known": ", ".join(StakeholderCategory.values)}
            )
        kind = (row.get("kind") or "organisation").strip().lower()
        if kind not in Stakeholder.Kind.values:
            problems.append(_("kind must be “organisation” or “person”"))
        email = row.get("email", "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("“%(value)s” is not an e-mail address") % {"value": email})
        consent_text = row.get("consent", "").strip().lower()
        if consent_text not in YES | NO:
            problems.append(_("consent must be yes or no"))
        key = (name.lower(), email)
        if name and key in seen:
            problems.append(_("same name and e-mail as row %(row)d") % {"row": seen[key]})
        elif name and (name, email) in existing:
            problems.append(_("this stakeholder is already registered"))
        seen.setdefault(key, index)
        for field, limit in (
            ("name", 300),
            ("country", 100),
            ("contact_name", 200),
            ("phone", 50),
            ("address", 300),
        ):
            if len(row.get(field, "")) > limit:
                problems.append(
                    _("%(field)s is longer than %(n)d characters") % {"field": field, "n": limit}
                )
        if problems:
            errors.append(
                _("Row %(row)d: %(problems)s.") % {"row": index, "problems": "; ".join(problems)}
            )
        else:
            cleaned.append(
                {
                    "name": name,
                    "category": category,
                    "kind": kind,
                    "country": row.get("country", ""),
                    "contact_name": row.get("contact_name", ""),
                    "email": email,
                    "phone": row.get("phone", ""),
                    "address": row.get("address", ""),
                    "consent_to_contact": consent_text in YES,
                    "notes": row.get("notes", ""),
                }
            )
        if progress:
            progress(1)
    return cleaned, errors
