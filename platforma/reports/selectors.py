"""Reads of annual reports, scoped to who asks: drafts are not found for the public."""

from __future__ import annotations

from django.http import Http404

from platforma.core.models import Platform
from platforma.core.selectors import platform_for_public

from .builder import FORUM_SLUG
from .models import AnnualReport, ReportNarrative
from .permissions import can_manage_reports


def owner_for_slug(slug: str) -> Platform | None:
    """The platform of a reports URL; None for the Forum (``forum`` is never a platform's)."""
    if slug == FORUM_SLUG:
        return None
    return platform_for_public(slug)


def _reports(platform: Platform | None):
    if platform is None:
        return AnnualReport.objects.filter(platform__isnull=True)
    return AnnualReport.objects.filter(platform=platform)


def stored_report(platform: Platform | None, year: int) -> AnnualReport | None:
    return _reports(platform).select_related("platform").filter(year=year).first()


def report_for(user, platform: Platform | None, year: int) -> AnnualReport:
    """The report to show ``user``: published ones for all, any for its managers; else 404."""
    report = stored_report(platform, year)
    if report is None:
        raise Http404("No such report")
    if report.is_published or can_manage_reports(user, platform):
        return report
    raise Http404("No such report")


def managed_report(user, platform: Platform | None, year: int) -> AnnualReport:
    """The report for its managers' pages; 404 for anyone else (nothing leaks)."""
    if not can_manage_reports(user, platform):
        raise Http404("No such report")
    report = stored_report(platform, year)
    if report is None:
        raise Http404("No such report")
    return report


def reports_listed(user, platform: Platform | None) -> list[AnnualReport]:
    reports = _reports(platform).order_by("-year")
    if not can_manage_reports(user, platform):
        reports = reports.filter(status=AnnualReport.Status.PUBLISHED)
    return list(reports)


def narratives(report: AnnualReport | None, language: str) -> dict[str, str]:
    """The secretariat's text per section, in one language."""
    if report is None:
        return {}
    return dict(
        ReportNarrative.objects.filter(report=report, language=language).values_list(
            "section", "text"
        )
    )
