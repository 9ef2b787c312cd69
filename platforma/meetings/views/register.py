"""The register of decisions (public where the platform chooses) and the mandate dashboard."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from platforma.core.models import today_in
from platforma.core.office import office_view
from platforma.core.permissions import can_manage_platform
from platforma.core.selectors import platform_for_public
from platforma.governance.selectors import bodies

from .. import selectors

PER_PAGE = 50


def decision_list(request: HttpRequest, platform: str) -> HttpResponse:
    site = platform_for_public(platform)
    body_list = list(bodies(site))
    body = next((b for b in body_list if str(b.pk) == request.GET.get("body", "")), None)
    query = request.GET.get("q", "")[:100]
    year = request.GET.get("year", "")
    decisions = selectors.decision_register(
        site,
        user=request.user,
        query=query,
        body=body,
        year=int(year) if year.isdigit() else None,
    )
    page = Paginator(decisions, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": site,
        "page": page,
        "bodies": body_list,
        "selected_body": body,
        "query": query,
        "year": year if year.isdigit() else "",
        "manager": can_manage_platform(request.user, site),
    }
    return render(request, "meetings/decision_list.html", context)


@office_view
def mandate_dashboard(request, platform):
    today = today_in(platform)
    data = selectors.vacancies_and_expiring(platform, today)
    context = {"platform": platform, "today": today, **data}
    return render(request, "meetings/mandate_dashboard.html", context)
