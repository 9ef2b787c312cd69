"""Annual report pages for everyone: the list, the report and its PDF in each language.

Drafts are found only by the platform's secretariat (``selectors.report_for``); drafting,
editing, approving and publishing are in ``office``."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from platforma.documents.views import pdf_response

from ..pdf import KIND, report_key
from ..permissions import can_manage_reports
from ..render import report_document, status_label
from ..selectors import owner_for_slug, report_for, reports_listed


def _pdf_links(slug: str, year: int) -> list[dict]:
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("reports:report-pdf", args=[slug, year])
        links.append({"code": code, "name": name, "url": url})
    return links


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def report_list(request, platform: str):
    owner = owner_for_slug(platform)
    manager = can_manage_reports(request.user, owner)
    return render(
        request,
        "reports/report_list.html",
        {
            "platform": owner,
            "slug": platform,
            "reports": reports_listed(request.user, owner),
            "manager": manager,
        },
    )


def report_detail(request, platform: str, year: int):
    owner = owner_for_slug(platform)
    report = report_for(request.user, owner, year)
    doc = report_document(owner, year, language=_language(), report=report)
    return render(
        request,
        "reports/report_detail.html",
        {
            "platform": owner,
            "slug": platform,
            "report": report,
            "doc": doc,
            "status_label": status_label(doc),
            "manager": can_manage_reports(request.user, owner),
            "pdf_links": _pdf_links(platform, year),
        },
    )


def report_pdf(request, platform: str, year: int):
    """The report's PDF in the page's language, for whoever may read the report (the public
    once it is published, its managers always): built by the worker, kept until the records
    change; while it is built a page says so and reloads itself."""
    owner = owner_for_slug(platform)
    report_for(request.user, owner, year)  # 404 for whoever may not read it
    manager = can_manage_reports(request.user, owner)
    return pdf_response(
        request,
        kind=KIND,
        platform=owner,
        key=report_key(year, _language()),
        show_error=manager,
        context={"platform": owner, "slug": platform},
    )
