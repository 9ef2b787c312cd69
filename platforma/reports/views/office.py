"""The secretariat's annual report pages: draft a year, edit the narrative in each language,
approve, publish, take back to draft.

Work is never lost: the only way to approve from the editor is its "Save and approve" button,
which saves the text in the form first (or refuses, with the text kept in the form, and approves
nothing); the approval and the publication then ask for confirmation on a page of their own.

Every page is an ``office_view(hidden=True, forum=True)``: the platform's secretariat (or the
Forum's) gets in, in the platform's time zone; the slug ``forum`` is the Forum-wide report (no
platform, the Forum's secretariat only, the site's zone); everyone else, anonymous visitors
included, finds nothing (404): a draft's address says nothing to anyone else.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.office import FORUM_SLUG, StaleRow, office_view
from platforma.core.office import report as report_refusal
from platforma.core.services import StaleEdit

from .. import services
from ..models import SECTION_CHOICES, SECTION_KEYS, AnnualReport
from ..render import report_document
from ..selectors import managed_report, narratives

ACTIONS = {
    "approve": services.report_approve,
    "publish": services.report_publish,
    "reopen": services.report_reopen,
}
CONFIRMED = {"approve", "publish"}  # these ask "are you sure" on a page of their own


def _slug(owner) -> str:
    return owner.slug if owner is not None else FORUM_SLUG


def _editing_language(request) -> str:
    """The language whose text is edited: ``?language=``, else the page's language."""
    code = request.POST.get("language") or request.GET.get("language") or ""
    if code in dict(settings.LANGUAGES):
        return code
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _edit_url(slug: str, year: int, language: str) -> str:
    url = reverse("reports:report-edit", args=[slug, year])
    return f"{url}?{urlencode({'language': language})}"


@require_POST
@office_view(hidden=True, forum=True)
def report_draft(request, owner):
    platform = _slug(owner)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, _("Give the year as four digits, e.g. 2014."))
        return redirect("reports:report-list", platform)
    try:
        services.report_draft(actor=request.user, platform=owner, year=year)
    except (ValidationError, PermissionDenied) as error:
        report_refusal(request, error)
        return redirect("reports:report-list", platform)
    messages.success(request, _("The report is drafted from the records. Add your text below."))
    return redirect("reports:report-edit", platform, year)


@require_http_methods(["GET", "POST"])
@office_view(hidden=True, forum=True)
def report_edit(request, owner, year: int):
    platform = _slug(owner)
    report = managed_report(request.user, owner, year)
    language = _editing_language(request)
    posted: dict[str, str] = {}
    stale: dict | None = None
    version = services.narratives_version(report, language)
    if request.method == "POST":
        posted = {key: request.POST[key] for key in SECTION_KEYS if key in request.POST}
        then_approve = request.POST.get("then") == "approve"
        try:
            changed = services.narratives_save(
                actor=request.user,
                report=report,
                language=language,
                texts=posted,
                seen_version=request.POST.get("seen_version") or None,
            )
        except StaleEdit as error:
            # What was typed stays in the form, beside what is saved now; with the new version
            # a second save replaces it.
            report_refusal(request, error)
            stale = _stale(report, language, posted)
            version = error.version
            if then_approve:
                messages.error(request, _("Nothing was approved: the text could not be saved."))
        except (ValidationError, PermissionDenied) as error:
            report_refusal(request, error)
            if then_approve:
                messages.error(request, _("Nothing was approved: the text could not be saved."))
        else:
            if changed:
                messages.success(request, _("The text is saved."))
            elif not then_approve:
                messages.info(request, _("Nothing had changed."))
            if then_approve:
                return redirect(
                    reverse("reports:report-action", args=[platform, year, "approve"])
                    + f"?{urlencode({'language': language})}"
                )
            return redirect(_edit_url(platform, year, language))
    doc = report_document(owner, year, language=language, report=report)
    texts = narratives(report, language)
    sections = [
        {"section": s, "text": posted.get(s.key, texts.get(s.key, ""))} for s in doc.sections
    ]
    languages = [
        {"code": code, "name": name, "url": _edit_url(platform, year, code)}
        for code, name in settings.LANGUAGES
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
            "language": language,
            "languages": languages,
            "language_name": dict(settings.LANGUAGES).get(language, language),
            "editable": report.status == AnnualReport.Status.DRAFT,
            "version": version,
            "stale": stale,
        },
    )


def _stale(report, language: str, posted: dict[str, str]) -> dict:
    """The sections where what was typed differs from what is saved now (office/_stale.html)."""
    saved = narratives(report, language)
    titles = dict(SECTION_CHOICES)
    rows = [
        StaleRow(str(titles.get(key, key)), posted[key] or "—", saved.get(key) or "—")
        for key in SECTION_KEYS
        if key in posted and posted[key].replace("\r\n", "\n").strip() != saved.get(key, "")
    ]
    return {"stale_refused": True, "stale_rows": rows}


@require_http_methods(["GET", "POST"])
@office_view(hidden=True, forum=True)
def report_action(request, owner, year: int, action: str):
    platform = _slug(owner)
    report = managed_report(request.user, owner, year)
    service = ACTIONS.get(action)
    if service is None:
        raise Http404("No such action")
    language = _editing_language(request)
    confirmed = action not in CONFIRMED or request.POST.get("confirm") == "yes"
    if request.method == "POST" and confirmed:
        try:
            service(actor=request.user, report=report)
        except (ValidationError, PermissionDenied) as error:
            report_refusal(request, error)
        else:
            messages.success(
                request,
                {
                    "approve": _("The report is approved."),
                    "publish": _("The report is published."),
                    "reopen": _("The report is a draft again."),
                }[action],
            )
        return redirect(_edit_url(platform, year, language))
    # The "are you sure" step: a page of its own, nothing written until its button is pressed.
    written = dict(report.narratives.values_list("language").annotate(n=Count("pk")).order_by())
    return render(
        request,
        "reports/office/report_confirm.html",
        {
            "platform": owner,
            "slug": platform,
            "report": report,
            "action": action,
            "language": language,
            "back": _edit_url(platform, year, language),
            "languages": [
                {"name": name, "sections": written.get(code, 0)}
                for code, name in settings.LANGUAGES
            ],
        },
    )
