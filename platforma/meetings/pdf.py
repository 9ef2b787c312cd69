"""Minutes as PDF: WeasyPrint renders the same template the HTML page shows."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from platforma.core.pdf import html_to_pdf


def minutes_pdf_bytes(record: dict) -> bytes:
    meeting = record["meeting"]
    with translation.override(meeting.language):
        html = render_to_string("meetings/minutes_print.html", record)
    return html_to_pdf(html)
