"""The month view of a platform's activities: a calendar grid, a list of days on a phone."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.views.decorators.http import require_GET

from platforma.core.models import today_in
from platforma.core.selectors import platform_for_public

from .. import month
from ..permissions import can_organise


@require_GET
def this_month(request: HttpRequest, platform: str) -> HttpResponse:
    """The month view of today's month in the platform's time zone."""
    site = platform_for_public(platform)
    today = today_in(site)
    return redirect("activities:calendar-month", site.slug, today.year, today.month)


@require_GET
def month_view(request: HttpRequest, platform: str, year: int, month_number: int) -> HttpResponse:
    if not month.valid_month(year, month_number):
        raise Http404("No such month")
    site = platform_for_public(platform)
    organiser = can_organise(request.user, site)
    events = month.month_events(site, year, month_number, organiser=organiser)
    today = today_in(site)
    weeks = month.month_grid(site, year, month_number, events, today)
    context = {
        "platform": site,
        "first_day": datetime.date(year, month_number, 1),
        "weeks": weeks,
        "has_events": any(day.events for week in weeks for day in week),
        "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
        "previous": month.neighbour(year, month_number, -1),
        "next": month.neighbour(year, month_number, 1),
        "this_month": (today.year, today.month) != (year, month_number),
        "organiser": organiser,
    }
    return render(request, "activities/event_month.html", context)
