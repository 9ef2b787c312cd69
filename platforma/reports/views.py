"""Annual report pages: the public reads published reports (page and PDF in each language);
the platform's secretariat drafts, edits the narrative, approves and publishes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import render as rendering
from . import services
from .models import SECTION_KEYS, AnnualReport
from .permissions import can_manage_reports
from .render import report_document, status_label
from .selectors import managed_report, narratives, owner_for_slug, report_for, reports_listed

ACTIONS = {
    "approve": services.report_approve,
    "publish": services.report_publish,
    "reopen": services.report_reopen,
}


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


@require_POST
def report_draft(request, platform: str):
    owner = owner_for_slug(platform)
    if not can_manage_reports(request.user, owner):
        raise Http404("No such page")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, _("Give the year as four digits, e.g. 2014."))
        return redirect("reports:report-list", platform)
    try:
        services.report_draft(actor=request.user, platform=owner, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:report-list", platform)
    return redirect("reports:report-edit", platform, year)


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
    owner = owner_for_slug(platform)
    report = report_for(request.user, owner, year)
    language = _language()
    doc = report_document(owner, year, language=language, report=report)
    pdf = rendering.report_pdf(doc)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{platform}-{year}-{language}.pdf"'
    return response


def report_edit(request, platform: str, year: int):
    owner = owner_for_slug(platform)
    report = managed_report(request.user, owner, year)
    language = _language()
    if request.method == "POST":
        try:
            for key in SECTION_KEYS:
                if key in request.POST:
                    services.narrative_save(
                        actor=request.user,
                        report=report,
                        language=language,
                        section=key,
                        text=request.POST[key],
                    )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The text is saved."))
            return redirect("reports:report-edit", platform, year)
    doc = report_document(owner, year, language=language, report=report)
    texts = narratives(report, language)
    sections = [
        {"section": s, "text": request.POST.get(s.key, texts.get(s.key, ""))} for s in doc.sections
    ]
    return render(
        request,
        "reports/report_edit.html",
        {
            "platform": owner,
            "slug": platform,
            "report": report,
            "doc": doc,
            "sections": sections,
            "language_name": dict(settings.LANGUAGES).get(language, language),
            "editable": report.status == AnnualReport.Status.DRAFT,
        },
    )


@require_POST
def report_action(request, platform: str, year: int, action: str):
    owner = owner_for_slug(platform)
    report = managed_report(request.user, owner, year)
    service = ACTIONS.get(action)
    if service is None:
        raise Http404("No such action")
    try:
        service(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            {
                "approve": _("The report is approved."),
                "publish": _("The report is published."),
                "reopen": _("The report is a draft again."),
            }[action],
        )
    return redirect("reports:report-edit", platform, year)
