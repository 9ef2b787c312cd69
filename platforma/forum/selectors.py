"""Reads of the Forum: its platforms' figures, its working groups across platforms, its bodies.

Every function here costs a fixed number of queries whatever the number of platforms,
organisations or activities (bench/bench_pages.py; the query tests at two sizes).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from platforma.activities.models import Event
from platforma.core.models import Platform
from platforma.governance.models import Body, Mandate, Office
from platforma.members.models import Membership
from platforma.members.selectors import member_counts
from platforma.publications.models import Publication
from platforma.workinggroups.models import Enrolment, ForumWorkingGroup, WorkingGroup


@dataclass
class PlatformFigures:
    """A platform's key figures of one year, for the Forum's page."""

    platform: Platform
    members: int = 0
    working_groups: int = 0
    activities: int = 0
    publications: int = 0


def _count_by_platform(rows: QuerySet) -> dict[int, int]:
    # order_by(): a model's default ordering would join the GROUP BY and split the counts.
    return dict(
        rows.order_by().values("platform").annotate(n=Count("pk")).values_list("platform", "n")
    )


def every_platform() -> list[Platform]:
    """The national platforms and the Forum's own row, in one query."""
    return list(Platform.objects.order_by("is_forum", "slug"))


def platform_figures(platforms: list[Platform], year: int) -> list[PlatformFigures]:
    """Each of ``platforms`` with its members in good standing today, its working groups, and
    its public activities and publications of ``year``. Four queries (member counts: one per
    distinct "today" of the platforms' time zones)."""
    members = member_counts(platforms)
    groups = _count_by_platform(WorkingGroup.objects.filter(parent__isnull=True))
    activities = _count_by_platform(
        Event.objects.filter(is_public=True)
        .annotate(year=ExtractYear("starts_at"))
        .filter(year=year)
    )
    publications = _count_by_platform(
        Publication.objects.filter(is_public=True, published_on__year=year)
    )
    return [
        PlatformFigures(
            platform=p,
            members=members.get(p.pk, 0),
            working_groups=groups.get(p.pk, 0),
            activities=activities.get(p.pk, 0),
            publications=publications.get(p.pk, 0),
        )
        for p in platforms
    ]


def forum_bodies(forum: Platform) -> list[Body]:
    return list(Body.objects.filter(platform=forum).order_by("kind", "name"))


def _in_force(on: datetime.date) -> Q:
    return Q(starts_on__lte=on) & (Q(ends_on__isnull=True) | Q(ends_on__gte=on))


@dataclass
class ForumGroup:
    """One of the Forum's working groups: its Forum-level coordinators (EaP and EU side), the
    coordinators of the platforms' groups that mirror it, and its member count across platforms."""

    group: ForumWorkingGroup
    forum_coordinators: list[Mandate] = field(default_factory=list)
    national_coordinators: list[Mandate] = field(default_factory=list)
    member_count: int = 0


def _live_enrolments(on: datetime.date) -> Q:
    """Enrolments in force on ``on`` of memberships admitted (status now), across platforms."""
    return (
        Q(since__lte=on)
        & (Q(until__isnull=True) | Q(until__gte=on))
        & Q(membership__status=Membership.Status.ADMITTED)
    )


def forum_groups(on: datetime.date, number: int | None = None) -> list[ForumGroup]:
    """The Forum's working groups (or one) on ``on``. Three queries."""
    groups = ForumWorkingGroup.objects.order_by("number")
    if number is not None:
        groups = groups.filter(number=number)
    result = {g.pk: ForumGroup(group=g) for g in groups}
    counts = (
        Enrolment.objects.filter(_live_enrolments(on), working_group__forum_group__in=list(result))
        .order_by()
        .values("working_group__forum_group")
        .annotate(n=Count("membership__organisation", distinct=True))
        .values_list("working_group__forum_group", "n")
    )
    for group_id, n in counts:
        result[group_id].member_count = n
    mandates = (
        Mandate.objects.filter(
            _in_force(on),
            office__kind=Office.Kind.WG_COORDINATOR,
            office__working_group__forum_group__in=list(result),
        )
        .select_related(
            "person", "organisation", "office__platform", "office__working_group__forum_group"
        )
        .order_by("office__platform__is_forum", "office__platform__name", "office__name")
    )
    for mandate in mandates:
        wg = mandate.office.working_group
        assert wg is not None  # filtered above
        assert wg.forum_group_id is not None
        entry = result[wg.forum_group_id]
        if mandate.office.platform.is_forum:
            entry.forum_coordinators.append(mandate)
        else:
            entry.national_coordinators.append(mandate)
    for entry in result.values():
        # The Forum's own coordinators first (the list above put them last).
        entry.forum_coordinators.sort(key=lambda m: m.office.name)
    return list(result.values())


def forum_group_members(group: ForumWorkingGroup, on: datetime.date) -> QuerySet[Enrolment]:
    """The organisations enrolled in the group through any platform (the Forum's own row for
    EU-side members), one row per enrolment, by platform then name; paginate it."""
    return (
        Enrolment.objects.filter(_live_enrolments(on), working_group__forum_group=group)
        .select_related("membership__organisation", "membership__platform", "working_group")
        .order_by(
            "membership__platform__is_forum",
            "membership__platform__name",
            "membership__organisation__legal_name",
            "pk",
        )
    )
