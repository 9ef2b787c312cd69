"""The secretariat's pages for the platform's stakeholders: the list, a new one, the edit page and
the import. Every write goes through a service; every object comes from the URL with the platform in
the lookup (another platform's id is a 404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platforma.core.office import office_view, posted, submit

from .. import importing, selectors, services
from ..forms import StakeholderFilterForm, StakeholderForm, StakeholderImportForm
from ..models import Stakeholder

PER_PAGE = 50


@office_view
def stakeholder_list(request, platform):
    filters = StakeholderFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    stakeholders = selectors.office_stakeholders(
        platform,
        q=data.get("q", ""),
        category=data.get("category", ""),
        kind=data.get("kind", ""),
        consent=data.get("consent", ""),
    )
    page = Paginator(stakeholders, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publications/office/stakeholder_list.html",
        {"platform": platform, "filters": filters, "page": page, "query": query.urlencode()},
    )


def _stakeholder_list_url(platform) -> str:
    return reverse("publications:office-stakeholder-list", args=[platform.slug])


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
    stakeholder = get_object_or_404(Stakeholder, platform=platform, pk=pk)
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
        {"platform": platform, "form": form, "stakeholder": stakeholder, "receipts": receipts},
    )


@office_view
def stakeholder_import(request, platform):
    form = StakeholderImportForm(posted(request), request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = {"errors": [], "rows": 0, "created": 0, "check_only": False}
        try:
            rows = importing.read_upload(form.cleaned_data["file"])
            result["rows"] = len(rows)
            _cleaned, errors = importing.validate_rows(platform, rows)
            if errors:
                result["errors"] = errors
            elif form.cleaned_data["check_only"]:
                result["check_only"] = True
            else:
                created = services.stakeholders_import(
                    actor=request.user, platform=platform, rows=rows
                )
                result["created"] = len(created)
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
