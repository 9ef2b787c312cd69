"""The Forum's public pages: the Forum, its Steering Committee, its working groups.

Everything shown is derived from the records on the day asked for: the Committee from the
Forum statute's composition rule and the mandates in force, the figures from the platforms'
registries, activities and publications. Each page costs a fixed number of queries.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from platforma.core.models import today_in
from platforma.core.selectors import statute_in_force
from platforma.governance.models import Office
from platforma.governance.selectors import steering_committee
from platforma.workinggroups.models import ForumWorkingGroup

from .. import selectors
from ..models import AnnualAssembly
from ..permissions import forum_or_404

MEMBERS_PER_PAGE = 100
# The Committee can be asked for any day of the Forum's history, and a little ahead.
EARLIEST = datetime.date(2009, 1, 1)


def _day(request: HttpRequest, today: datetime.date) -> tuple[datetime.date, str]:
    """The day asked for with ``?on=YYYY-MM-DD`` (today when absent), and a problem to show."""
    raw = request.GET.get("on", "").strip()
    if not raw:
        return today, ""
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        return today, _("“%(value)s” is not a date such as 2026-12-05; showing today.") % {
            "value": raw[:20]
        }
    if not EARLIEST <= day <= today.replace(year=today.year + 5):
        return today, _("Dates from 2009 to five years ahead can be shown; showing today.")
    return day, ""


def forum_home(request: HttpRequest) -> HttpResponse:
    platforms = selectors.every_platform()
    forum = next((p for p in platforms if p.is_forum), None)
    if forum is None:
        raise Http404("No Forum")
    today = today_in(forum)
    statute = statute_in_force(forum, today)
    rules = statute.parsed_rules if statute else None
    figures = selectors.platform_figures(platforms, today.year)
    national = [f for f in figures if not f.platform.is_forum]
    direct = next((f for f in figures if f.platform.is_forum), None)
    language = get_language()
    national.sort(key=lambda f: getattr(f.platform, f"name_{language}", "") or f.platform.name)
    context = {
        "forum": forum,
        "today": today,
        "year": today.year,
        "platforms": national,
        "direct": direct,
        "totals": {
            "members": sum(f.members for f in figures),
            "activities": sum(f.activities for f in national),
            "publications": sum(f.publications for f in national),
        },
        "statute": statute,
        "rules": rules,
        "bodies": selectors.forum_bodies(forum),
        "committee_size": len(steering_committee(today, forum=forum, rules=rules)),
        "assemblies": list(AnnualAssembly.objects.order_by("-year")[:5]),
    }
    return render(request, "forum/home.html", context)


def steering_committee_page(request: HttpRequest) -> HttpResponse:
    forum = forum_or_404()
    today = today_in(forum)
    day, problem = _day(request, today)
    statute = statute_in_force(forum, day)
    parts = statute.parsed_rules.steering_committee if statute else ()
    kinds = dict(Office.Kind.choices)
    labels = {"country_facilitators": _("Country Facilitators"), **kinds}
    context = {
        "forum": forum,
        "today": today,
        "day": day,
        "is_today": day == today,
        "problem": problem,
        "statute": statute,
        "composition": [labels.get(part, part) for part in parts],
        "seats": steering_committee(day),
    }
    return render(request, "forum/steering_committee.html", context)


def working_group_list(request: HttpRequest) -> HttpResponse:
    forum = forum_or_404()
    today = today_in(forum)
    context = {"forum": forum, "today": today, "groups": selectors.forum_groups(today)}
    return render(request, "forum/workinggroup_list.html", context)


def working_group_detail(request: HttpRequest, number: int) -> HttpResponse:
    forum = forum_or_404()
    today = today_in(forum)
    group = get_object_or_404(ForumWorkingGroup, number=number)
    entry = selectors.forum_groups(today, number=number)[0]
    page = Paginator(selectors.forum_group_members(group, today), MEMBERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    with timezone.override(zoneinfo.ZoneInfo(forum.time_zone)):
        return render(
            request,
            "forum/workinggroup_detail.html",
            {"forum": forum, "today": today, "entry": entry, "page": page},
        )
