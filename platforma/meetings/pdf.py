"""Minutes as PDF: WeasyPrint renders the same template the HTML page shows.

Built by the worker as a document of ``platforma.documents`` (key: the meeting's id): the
minutes are in the meeting's language, whatever the page's, and read in the platform's zone as
the office pages are.
"""

from __future__ import annotations

import zoneinfo

from django.template.loader import render_to_string
from django.utils import timezone, translation

from platforma.core.models import Platform
from platforma.core.pdf import html_to_pdf
from platforma.documents.registry import Kind, register

from .models import Meeting, Minutes
from .selectors import minutes_record

KIND = "minutes"


def minutes_pdf_bytes(record: dict) -> bytes:
    meeting = record["meeting"]
    with translation.override(meeting.language):
        html = render_to_string("meetings/minutes_print.html", record)
    return html_to_pdf(html)


def _meeting(platform: Platform | None, key: str) -> Meeting:
    return Meeting.objects.select_related("body", "platform").get(platform=platform, pk=int(key))


def _render(platform: Platform | None, key: str) -> bytes:
    meeting = _meeting(platform, key)
    with timezone.override(zoneinfo.ZoneInfo(meeting.platform.time_zone)):
        return minutes_pdf_bytes(minutes_record(meeting))


def _facts(platform: Platform | None, key: str) -> list[object]:
    meeting = _meeting(platform, key)
    minutes = Minutes.objects.filter(meeting=meeting).values_list("pk", "updated_at").first()
    return [meeting.updated_at, minutes]


def _filename(platform: Platform | None, key: str) -> str:
    meeting = _meeting(platform, key)
    return f"minutes-{meeting.platform.slug}-{meeting.date.isoformat()}.pdf"


register(Kind(name=KIND, render=_render, facts=_facts, filename=_filename))
