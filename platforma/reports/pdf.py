"""The annual report's PDF as a document the worker builds (``platforma.documents``).

Key: ``"<year>/<language>"``. Besides the audit chains, the report's own row and the
secretariat's text in that language say when the records changed.
"""

from __future__ import annotations

from django.db.models import Count, Max

from platforma.core.models import Platform
from platforma.documents.registry import Kind, register

from .models import ReportNarrative
from .render import report_document, report_pdf
from .selectors import stored_report

KIND = "annual-report"


def report_key(year: int, language: str) -> str:
    return f"{year}/{language}"


def _split(key: str) -> tuple[int, str]:
    year, language = key.split("/", 1)
    return int(year), language


def _render(platform: Platform | None, key: str) -> bytes:
    year, language = _split(key)
    return report_pdf(report_document(platform, year, language=language))


def _facts(platform: Platform | None, key: str) -> list[object]:
    year, language = _split(key)
    report = stored_report(platform, year)
    if report is None:
        return [None]
    texts = ReportNarrative.objects.filter(report=report, language=language).aggregate(
        count=Count("pk"), last=Max("updated_at")
    )
    return [report.pk, report.status, report.updated_at, texts["count"], texts["last"]]


def _filename(platform: Platform | None, key: str) -> str:
    year, language = _split(key)
    slug = platform.slug if platform is not None else "forum"
    return f"report-{slug}-{year}-{language}.pdf"


register(Kind(name=KIND, render=_render, facts=_facts, filename=_filename))
