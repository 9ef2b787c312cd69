"""Annual reports: public, the published ones only, as the website's report pages.

A draft (or an approved, unpublished report) is not found here for anyone - its secretariat
reads it on the website; the API gives no access to drafts. The report's figures are drafted
from the records each time the page is shown (a whole document per report): the API gives the
report's metadata and the addresses of its page and its PDF in each language.
"""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# parameters' annotations where the names are not defined (a 500 at the first call).

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import translation
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from platforma.reports.models import AnnualReport
from platforma.reports.selectors import owner_for_slug, report_for, reports_listed

from ..pagination import Pages
from ..params import PlatformSlug
from ..schemas import answers

router = Router(tags=["reports"])


class PdfLinkOut(Schema):
    language: str
    name: str
    url: str


class ReportOut(Schema):
    year: int
    title: str
    published_at: datetime.datetime | None
    url: str = Field(description="The report's page, in the active language.")
    pdf_url: str = Field(description="The report's PDF, in the active language.")


class ReportDetailOut(ReportOut):
    pdfs: list[PdfLinkOut] = Field(description="The report's PDF in each language.")


def _out(request: HttpRequest, slug: str, report: AnnualReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "title": str(report),
        "published_at": report.published_at,
        "url": request.build_absolute_uri(
            reverse("reports:report-detail", args=[slug, report.year])
        ),
        "pdf_url": request.build_absolute_uri(
            reverse("reports:report-pdf", args=[slug, report.year])
        ),
    }


@router.get(
    "/platforms/{platform}/reports",
    response=answers(list[ReportOut]),
    summary="The platform's published annual reports, newest first (platform “forum”: the "
    "Forum-wide reports)",
    operation_id="report_list",
)
@paginate(Pages)
def report_list(request: HttpRequest, platform: PlatformSlug) -> list[dict[str, Any]]:
    owner = owner_for_slug(platform)  # None: the Forum-wide reports
    # The list the public page shows: as an anonymous visitor, whoever calls (no drafts).
    reports = reports_listed(AnonymousUser(), owner)
    for report in reports:
        report.platform = owner  # every row's (its name in the title): no query a row
    return [_out(request, platform, r) for r in reports]


@router.get(
    "/platforms/{platform}/reports/{year}",
    response=answers(ReportDetailOut),
    summary="A published annual report: its addresses (page, PDF in each language)",
    operation_id="report_detail",
)
def report_detail(
    request: HttpRequest,
    platform: PlatformSlug,
    year: int = Path(..., ge=1900, le=2200, description="The report's year."),
) -> dict[str, Any]:
    owner = owner_for_slug(platform)  # None: the Forum-wide reports
    report = report_for(AnonymousUser(), owner, year)  # a draft: 404, whoever asks
    if not report.is_published:  # (report_for already says so for the anonymous)
        raise Http404("No such report")
    pdfs = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("reports:report-pdf", args=[platform, year])
        pdfs.append({"language": code, "name": str(name), "url": request.build_absolute_uri(url)})
    return {**_out(request, platform, report), "pdfs": pdfs}
