"""The annual report builder: gather the records of a year, draft the sections, add charts.

``build_report(platform, year, language=...)`` for a platform; ``build_forum_report(year,
language=...)`` for the Forum. Both return a ``ReportDocument``; the secretariat's narrative is
added from the stored report (if any) by ``apply_narratives``.
"""

from __future__ import annotations

import re

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platforma.core.models import Platform
from platforma.core.selectors import audit_head

from .document import Chart, ReportDocument, Section, Table
from .forum import forum_sections
from .gather import YearData, gather, has_records
from .sections import platform_sections

FORUM_SLUG = "forum"
# A date that ends with its own full stop (ru "2014 г.") before a sentence's full stop.
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def _tidy(sections: list[Section]) -> list[Section]:
    for s in sections:
        s.paragraphs = [_DOUBLE_STOP.sub(".", p) for p in s.paragraphs]
        s.items = [_DOUBLE_STOP.sub(".", i) for i in s.items]
    return sections


def report_title(platform_name: str, year: int) -> str:
    return _("Activities of the %(platform)s in %(year)s") % {
        "platform": platform_name,
        "year": year,
    }


def _record(platform: Platform | None) -> tuple[int, str]:
    """The audit chain's length and head as the report is drafted (0 and "" while empty)."""
    head = audit_head(platform)
    return (head.length, head.head) if head else (0, "")


def build_report(platform: Platform, year: int, *, language: str) -> ReportDocument:
    with translation.override(language):
        data = gather(platform, year)
        return ReportDocument(
            title=report_title(platform.name, year),
            year=year,
            language=language,
            platform_name=platform.name,
            platform_slug=platform.slug,
            sections=_tidy(platform_sections(data)),
            generated_on=date_format(timezone.localdate(), "DATE_FORMAT"),
            is_demo=platform.is_demo,
            record=_record(platform),
        )


def forum_has_records(year: int) -> bool:
    return any(has_records(p, year) for p in Platform.objects.national())


def build_forum_report(year: int, *, language: str) -> ReportDocument:
    with translation.override(language):
        datas = [gather(p, year) for p in Platform.objects.national().order_by("slug")]
        return ReportDocument(
            title=_("Activities of the national platforms of the Forum in %(year)s")
            % {"year": year},
            year=year,
            language=language,
            platform_name=_("Eastern Partnership Civil Society Forum"),
            platform_slug=FORUM_SLUG,
            sections=_tidy(forum_sections(year, datas)),
            generated_on=date_format(timezone.localdate(), "DATE_FORMAT"),
            is_demo=any(d.platform.is_demo for d in datas),
            record=_record(None),
        )


__all__ = [
    "FORUM_SLUG",
    "Chart",
    "ReportDocument",
    "Section",
    "Table",
    "YearData",
    "build_forum_report",
    "build_report",
    "forum_has_records",
    "gather",
    "has_records",
    "report_title",
]
