"""The report as HTML (page and print) and as PDF: one document template for both."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from platforma.core.models import Platform
from platforma.core.pdf import html_to_pdf

from .builder import ReportDocument, build_forum_report, build_report
from .models import AnnualReport
from .selectors import narratives, stored_report


def report_document(
    platform: Platform | None, year: int, *, language: str, report: AnnualReport | None = None
) -> ReportDocument:
    """Drafted from the records, with the secretariat's text for ``language`` (if any)."""
    if platform is None:
        doc = build_forum_report(year, language=language)
    else:
        doc = build_report(platform, year, language=language)
    report = report or stored_report(platform, year)
    doc.apply_narratives(narratives(report, language))
    if report is not None:
        doc.status = report.status
    return doc


def status_label(doc: ReportDocument) -> str:
    if doc.status and doc.status != AnnualReport.Status.PUBLISHED:
        return str(AnnualReport.Status(doc.status).label)
    return ""


def print_html(doc: ReportDocument) -> str:
    with translation.override(doc.language):
        return render_to_string(
            "reports/report_print.html",
            {"doc": doc, "status_label": status_label(doc), "page_label": _("Page")},
        )


def report_pdf(doc: ReportDocument) -> bytes:
    return html_to_pdf(print_html(doc))
