"""CSV and XLSX files that a spreadsheet opens without running anything (formula injection).

What people typed (names, phones, e-mails, notes) reaches the secretariat's spreadsheet. A cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel and LibreOffice (``=HYPERLINK(...)``, ``=cmd|...``, ``@SUM(...)``). So, as pretix's
``SafeWorkbook`` does:

- every text value that starts with one of those characters gets a leading apostrophe, the
  spreadsheets' own way of saying "text"; in CSV the apostrophe is all there is;
- in XLSX every text value is also written as an explicit string cell (``data_type`` ``"s"``),
  never as a formula, whatever it starts with, and characters that XML cannot hold are dropped
  (openpyxl would refuse the whole file for one of them);
- real numbers (counts) stay numbers; dates are written as ISO text by the callers.

Importers that read these files back call :func:`unescape` to take the apostrophe off again, so
an export re-imports unchanged (``members.services.imports``).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0's Char production: anything else makes openpyxl raise IllegalCharacterError.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Number = int | float | Decimal
Value = str | Number | datetime.date | None
Cell = str | Number


def safe_text(value: object) -> str:
    """The value as text that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape(text: str) -> str:
    """The inverse of :func:`safe_text` for what an importer reads back."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def safe_cell(value: Value) -> Cell:
    """Numbers stay numbers (not booleans); everything else is safe text."""
    if isinstance(value, bool):
        return safe_text(value)
    if isinstance(value, Number):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_text(value)


def safe_rows(rows: Iterable[Sequence[Value]]) -> list[list[Cell]]:
    return [[safe_cell(v) for v in row] for row in rows]


def csv_bytes(header: Sequence[Value], rows: Iterable[Sequence[Value]]) -> bytes:
    """UTF-8 with a BOM (spreadsheet programs then read it as UTF-8), every text cell safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(v) for v in header])
    writer.writerows(safe_rows(rows))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(header: Sequence[Value], rows: Iterable[Sequence[Value]], *, title: str) -> bytes:
    """One sheet, a bold frozen header row, text cells as explicit strings."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet (``book.active`` is typed optional)
    sheet.title = _NOT_XML.sub("", title)[:31] or "Sheet"
    for line in [header, *rows]:
        sheet.append([safe_cell(_xml_safe(v)) for v in line])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl makes any string that starts with "=" a formula; never here.
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xml_safe(value: Value) -> Value:
    # Before safe_cell: "\x01=cmd" would otherwise lose its \x01 after the check.
    return _NOT_XML.sub("", value) if isinstance(value, str) else value
