"""Minutes as PDF: WeasyPrint renders the same template the HTML page shows."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation


def minutes_pdf_bytes(record: dict, *, base_url: str) -> bytes:
    import weasyprint  # imported here: it is slow to import and only this needs it

    meeting = record["meeting"]
    with translation.override(meeting.language):
        html = render_to_string("meetings/minutes_print.html", record)
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()
