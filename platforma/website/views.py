"""The public website: every page here shows only what a platform publishes."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from platforma.core.models import Platform, today_in
from platforma.core.selectors import audit_head, platform_for_public, statute_in_force
from platforma.governance import selectors as governance
from platforma.governance.models import Body, Office
from platforma.members.selectors import (
    directory_cities,
    member_counts,
    member_directory,
    members_in_good_standing,
)
from platforma.workinggroups.models import Enrolment, WorkingGroup
from platforma.workinggroups.selectors import working_groups_with_counts

from . import home

MEMBERS_PER_PAGE = 50
GROUP_MEMBERS_PER_PAGE = 100


def _current_enrolments() -> Prefetch:
    return Prefetch(
        "enrolments",
        queryset=Enrolment.objects.filter(until__isnull=True)
        .select_related("working_group__forum_group")
        .order_by("working_group__position"),
        to_attr="current_enrolments",
    )


def _governance_context(platform: Platform, today: datetime.date) -> dict[str, Any]:
    """Bodies, the Board as the statute composes it, and the Country Facilitator, on ``today``."""
    statute = statute_in_force(platform, today)
    rules = statute.parsed_rules if statute else None
    bodies = {b.kind: b for b in governance.bodies(platform)}
    kinds = dict(Office.Kind.choices)
    return {
        "statute": statute,
        "rules": rules,
        "general_assembly": bodies.get(Body.Kind.GENERAL_ASSEMBLY),
        "board_body": bodies.get(Body.Kind.BOARD),
        "board": governance.board_of_governance(platform, today),
        "board_composition": [kinds.get(k, k) for k in rules.board_composition] if rules else [],
        "facilitator": governance.country_facilitator(platform, today),
    }


def _home_governance(platform: Platform, today: datetime.date) -> dict[str, Any]:
    """What the home page shows of governance: the bodies' names, the Board and the Country
    Facilitator (no statute: the home page does not show it). The facilitator is read from
    the Board when the Board has a platform coordinator in it, one query fewer."""
    bodies = {b.kind: b for b in governance.bodies(platform)}
    board = governance.board_of_governance(platform, today)
    coordinators = [m for m in board if m.office.kind == Office.Kind.PLATFORM_COORDINATOR]
    facilitator = (
        max(coordinators, key=lambda m: m.starts_on)
        if coordinators
        else governance.country_facilitator(platform, today)
    )
    return {
        "general_assembly": bodies.get(Body.Kind.GENERAL_ASSEMBLY),
        "board_body": bodies.get(Body.Kind.BOARD),
        "board": board,
        "facilitator": facilitator,
    }


def platform_list(request):
    # Each platform with its count of members, through the one definition of good standing.
    rows = list(Platform.objects.national().order_by(f"name_{get_language()}", "slug"))
    counts = member_counts(rows)
    platforms = [(p, counts[p.pk]) for p in rows]
    context = {"platforms": platforms, "events": home.next_events_everywhere(timezone.now())}
    return render(request, "website/platform_list.html", context)


def platform_home(request, platform: str):
    the_platform = platform_for_public(platform)
    today = today_in(the_platform)
    context = {
        "platform": the_platform,
        "member_count": members_in_good_standing(the_platform, today).count(),
        "working_groups": working_groups_with_counts(the_platform),
        "events": home.next_events(the_platform, timezone.now()),
        "publications": home.latest_publications(the_platform),
        "decisions": home.latest_decisions(the_platform),
        **_home_governance(the_platform, today),
    }
    return render(request, "website/platform_home.html", context)


def member_list(request, platform: str):
    the_platform = platform_for_public(platform)
    groups = list(working_groups_with_counts(the_platform))
    selected = None
    wg_slug = request.GET.get("wg", "")
    if wg_slug:
        selected = next((g for g in groups if g.slug == wg_slug), None)
        if selected is None:
            selected = WorkingGroup.objects.filter(platform=the_platform, slug=wg_slug).first()
    query = request.GET.get("q", "")[:100]
    city = request.GET.get("city", "")[:100]
    members = member_directory(
        the_platform, working_group=selected, query=query, city=city
    ).prefetch_related(_current_enrolments())
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": the_platform,
        "page": page,
        "groups": groups,
        "selected_group": selected,
        "unknown_group": bool(wg_slug and selected is None),
        "query": query,
        "city": city,
        "cities": directory_cities(the_platform),
        "total_members": members_in_good_standing(the_platform).count(),
    }
    return render(request, "website/member_list.html", context)


def working_group_list(request, platform: str):
    the_platform = platform_for_public(platform)
    today = today_in(the_platform)
    coordinators = governance.coordinators_by_working_group(the_platform, today)
    # Each group with its coordinators.
    groups = [(g, coordinators.get(g.pk, [])) for g in working_groups_with_counts(the_platform)]
    context = {"platform": the_platform, "working_groups": groups}
    return render(request, "website/workinggroup_list.html", context)


def working_group_detail(request, platform: str, group: str):
    the_platform = platform_for_public(platform)
    the_group: WorkingGroup = get_object_or_404(
        WorkingGroup.objects.select_related("forum_group", "parent"),
        platform=the_platform,
        slug=group,
    )
    today = today_in(the_platform)
    members = (
        members_in_good_standing(the_platform, today)
        .filter(enrolments__working_group=the_group, enrolments__until__isnull=True)
        .select_related("organisation")
        .distinct()
        .order_by(f"organisation__legal_name_{get_language()}", "organisation__legal_name")
    )
    coordinators = governance.coordinators_by_working_group(the_platform, today)
    page = Paginator(members, GROUP_MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": the_platform,
        "group": the_group,
        "page": page,
        "subgroups": the_group.subgroups.all(),
        "coordinators": coordinators.get(the_group.pk, []),
    }
    return render(request, "website/workinggroup_detail.html", context)


def governance_page(request, platform: str):
    the_platform = platform_for_public(platform)
    today = today_in(the_platform)
    context = {
        "platform": the_platform,
        "member_count": members_in_good_standing(the_platform, today).count(),
        "today": today,
        **_governance_context(the_platform, today),
    }
    return render(request, "website/governance.html", context)


FORUM = "forum"


def transparency(request, platform: str):
    """Where each audit chain ends, for anyone to note and compare later (docs/audit.md)."""
    the_platform = None if platform == FORUM else platform_for_public(platform)
    context = {
        "platform": the_platform,
        "record_platform": the_platform,
        "head": audit_head(the_platform),
        "forum_head": audit_head(None) if the_platform is not None else None,
        "slug": platform,
    }
    return render(request, "website/transparency.html", context)
