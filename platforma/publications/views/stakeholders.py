"""The secretariat's pages for the platform's stakeholders: the list (filters, export), a new one,
the edit page (consent, deletion), the import, and the merging of duplicates. Every write goes
through a service; every object comes from the URL with the platform in the lookup (another
platform's id is a 404)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platforma.core import exports
from platforma.core.models import today_in
from platforma.core.office import office_view, posted, report, submit

from .. import importing, selectors, services
from ..forms import (
    ConfirmForm,
    StakeholderFilterForm,
    StakeholderForm,
    StakeholderImportForm,
    StakeholderMergeForm,
    consent_summary,
)
from ..models import Stakeholder

PER_PAGE = 50
FILTERS = ("q", "category", "kind", "consent", "country", "has_email")


def _stakeholder_list_url(platform) -> str:
    return reverse("publications:office-stakeholder-list", args=[platform.slug])


def _filtered(request, platform):
    filters = StakeholderFilterForm(
        request.GET or None, countries=selectors.stakeholder_countries(platform)
    )
    data = filters.cleaned_data if filters.is_valid() else {}
    chosen = {name: data.get(name, "") for name in FILTERS}
    return filters, chosen, selectors.office_stakeholders(platform, **chosen)


@office_view
def stakeholder_list(request, platform):
    filters, _chosen, stakeholders = _filtered(request, platform)
    page = Paginator(stakeholders, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publications/office/stakeholder_list.html",
        {
            "platform": platform,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "consenting": stakeholders.filter(consent_to_contact=True).count(),
        },
    )


@office_view
def stakeholder_export(request, platform, fmt: str):
    """The filtered list (all its pages) in the import's columns; recorded in the audit log."""
    if fmt not in ("csv", "xlsx"):
        raise Http404("Unknown format")
    _filters, chosen, stakeholders = _filtered(request, platform)
    header, rows = services.stakeholders_export(
        actor=request.user,
        platform=platform,
        stakeholders=stakeholders,
        filters=chosen,
        file_format=fmt,
    )
    if fmt == "csv":
        response = HttpResponse(
            exports.csv_bytes(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            exports.xlsx_bytes(header, rows, title=_("Stakeholders")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    stamp = today_in(platform).isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="stakeholders-{platform.slug}-{stamp}.{fmt}"'
    )
    return response


@office_view
def stakeholder_create(request, platform):
    form = StakeholderForm(
        posted(request), instance=Stakeholder(platform=platform), platform=platform
    )

    def action(data):
        services.stakeholder_create(actor=request.user, platform=platform, **data)

    if request.method == "POST" and submit(
        request, form, action, _("The stakeholder is recorded.")
    ):
        return redirect(_stakeholder_list_url(platform))
    return render(
        request,
        "publications/office/stakeholder_form.html",
        {"platform": platform, "form": form, "stakeholder": None},
    )


@office_view
def stakeholder_edit(request, platform, pk: int):
    stakeholder = selectors.office_stakeholder(platform, pk)
    form = StakeholderForm(
        posted(request),
        instance=Stakeholder.objects.get(pk=stakeholder.pk),
        platform=platform,
    )

    def action(data):
        services.stakeholder_update(
            actor=request.user, stakeholder=stakeholder, seen_version=form.seen_version(), **data
        )

    if request.method == "POST" and submit(request, form, action, _("The stakeholder is saved.")):
        return redirect(_stakeholder_list_url(platform))
    receipts = stakeholder.receipts.select_related("distribution__publication").order_by(
        "-distribution__year", "-distribution_id"
    )
    return render(
        request,
        "publications/office/stakeholder_form.html",
        {
            "platform": platform,
            "form": form,
            "stakeholder": stakeholder,
            "consent": consent_summary(stakeholder),
            "receipts": receipts,
        },
    )


@office_view
def stakeholder_delete(request, platform, pk: int):
    stakeholder = selectors.office_stakeholder(platform, pk)
    back = reverse("publications:office-stakeholder-edit", args=[platform.slug, pk])
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.stakeholder_delete(actor=request.user, stakeholder=stakeholder)
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
            return redirect(back)
        messages.success(request, _("The stakeholder is deleted."))
        return redirect(_stakeholder_list_url(platform))
    return render(
        request,
        "publications/office/confirm.html",
        {
            "platform": platform,
            "form": form,
            "title": _("Delete a stakeholder"),
            "question": _("“%(name)s” will be deleted.") % {"name": stakeholder.name},
            "object": stakeholder,
            "button": _("Delete the stakeholder"),
            "back": back,
        },
    )


@office_view
def stakeholder_duplicates(request, platform):
    return render(
        request,
        "publications/office/stakeholder_duplicates.html",
        {"platform": platform, "groups": selectors.stakeholder_duplicates(platform)},
    )


@office_view
def stakeholder_merge(request, platform, pk: int, other: int):
    first = selectors.office_stakeholder(platform, pk)
    second = selectors.office_stakeholder(platform, other)
    if first.pk == second.pk:
        raise Http404("The same stakeholder")
    form = StakeholderMergeForm(posted(request), first=first, second=second)
    kept = {}

    def action(data):
        keep, away, take = form.choice()
        kept["stakeholder"] = services.stakeholders_merge(
            actor=request.user, keep=keep, other=away, take=take
        )

    if request.method == "POST" and submit(
        request, form, action, _("The two records are merged into one.")
    ):
        return redirect(
            "publications:office-stakeholder-edit", platform.slug, kept["stakeholder"].pk
        )
    return render(
        request,
        "publications/office/stakeholder_merge.html",
        {
            "platform": platform,
            "form": form,
            "first": first,
            "second": second,
            "receipts": {
                "a": first.receipts.count(),
                "b": second.receipts.count(),
            },
        },
    )


@office_view
def stakeholder_import(request, platform):
    form = StakeholderImportForm(posted(request), request.FILES or None)
    result: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        result = {
            "errors": [],
            "rows": 0,
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "check_only": False,
        }
        try:
            rows = importing.read_upload(form.cleaned_data["file"])
            result["rows"] = len(rows)
            checked, errors = importing.validate_rows(platform, rows)
            if errors:
                result["errors"] = errors
            elif form.cleaned_data["check_only"]:
                result["check_only"] = True
                new = sum(1 for r in checked if r.stakeholder is None)
                updated = sum(1 for r in checked if r.changes)
                result.update(created=new, updated=updated, unchanged=len(checked) - new - updated)
            else:
                done = services.stakeholders_import(
                    actor=request.user, platform=platform, rows=rows
                )
                result["created"] = len(done.created)
                result["updated"] = len(done.updated)
                result["unchanged"] = done.unchanged
        except (ValidationError, PermissionDenied) as exc:
            result["errors"] = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
    return render(
        request,
        "publications/office/stakeholder_import.html",
        {
            "platform": platform,
            "form": form,
            "result": result,
            "columns": importing.COLUMNS,
        },
    )
