"""Everything a report says about (platform, year), read in a number of queries that does not
depend on how many activities, publications or meetings there are."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Prefetch, Q

from platforma.activities.models import Event
from platforma.activities.selectors import event_list
from platforma.core.models import Platform
from platforma.core.selectors import rules_in_force
from platforma.elections.models import Election
from platforma.governance.models import Body, Mandate, Office
from platforma.governance.selectors import board_of_governance
from platforma.meetings.models import Decision, Meeting
from platforma.members.models import Membership, MembershipChange
from platforma.members.selectors import members_in_good_standing
from platforma.publications.models import (
    Distribution,
    DistributionCategory,
    DistributionRecipient,
    Publication,
)
from platforma.workinggroups.models import Enrolment, WorkingGroup

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class MeetingCounts(TypedDict):
    """What the report annotates each meeting with."""

    decision_count: int


# How many year ends the membership chart looks back over.
HISTORY_YEARS = 10
STATEMENT_KINDS = (Publication.Kind.STATEMENT, Publication.Kind.POSITION_PAPER)
LEAVING = (Membership.Status.WITHDRAWN, Membership.Status.EXPELLED)


@dataclass
class ElectionResult:
    title: str
    office: str
    body: str
    day: datetime.date
    elected: list[str]


@dataclass
class YearData:
    platform: Platform
    year: int
    start: datetime.date
    end: datetime.date
    groups: list[WorkingGroup] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    distributions: list[Distribution] = field(default_factory=list)
    members_start: int = 0
    members_end: int = 0
    admitted: list[MembershipChange] = field(default_factory=list)
    left: list[MembershipChange] = field(default_factory=list)
    enrolled: dict[int, int] = field(default_factory=dict)  # working group id -> members
    history: list[tuple[int, int]] = field(default_factory=list)  # (year, members at its end)
    bodies: list[Body] = field(default_factory=list)
    board_kinds: list[str] = field(default_factory=list)
    meetings: list[WithAnnotations[Meeting, MeetingCounts]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    elections: list[ElectionResult] | None = None  # None: elections are not available here
    mandates: list[Mandate] = field(default_factory=list)
    board: list[Mandate] = field(default_factory=list)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.platform.time_zone)

    @property
    def activities(self) -> list[Event]:
        return self.events

    @property
    def ordinary_publications(self) -> list[Publication]:
        return [p for p in self.publications if p.kind not in STATEMENT_KINDS]

    @property
    def statements(self) -> list[Publication]:
        return [p for p in self.publications if p.kind in STATEMENT_KINDS]

    @property
    def facilitators(self) -> list[Mandate]:
        return [m for m in self.mandates if m.office.kind == Office.Kind.PLATFORM_COORDINATOR]


def year_bounds(platform: Platform, year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The year as aware datetimes in the platform's own time zone: [start, next start)."""
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    return (datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz))


def has_records(platform: Platform, year: int) -> bool:
    """Whether anything of the platform is dated in ``year`` (else there is nothing to report)."""
    since, until = year_bounds(platform, year)
    checks = (
        Event.objects.filter(platform=platform, starts_at__gte=since, starts_at__lt=until),
        Publication.objects.filter(platform=platform, published_on__year=year),
        Distribution.objects.filter(platform=platform, year=year),
        Meeting.objects.filter(platform=platform, starts_at__gte=since, starts_at__lt=until),
        Decision.objects.filter(platform=platform, decided_on__year=year),
        MembershipChange.objects.filter(membership__platform=platform, effective_on__year=year),
        Mandate.objects.filter(office__platform=platform, starts_on__year=year),
    )
    return any(query.exists() for query in checks)


def gather(platform: Platform, year: int) -> YearData:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    since, until = year_bounds(platform, year)
    data = YearData(platform=platform, year=year, start=start, end=end)

    data.groups = list(
        WorkingGroup.objects.filter(platform=platform, parent__isnull=True)
        .select_related("forum_group")
        .order_by("position", "slug")
    )
    data.events = list(
        event_list(platform)
        .filter(starts_at__gte=since, starts_at__lt=until)
        .order_by("starts_at", "id")
    )
    data.publications = list(
        Publication.objects.filter(platform=platform, is_public=True, published_on__year=year)
        .select_related("working_group__forum_group")
        .annotate(signature_count=Count("signatures", distinct=True))
        .order_by("published_on", "id")
    )
    data.distributions = list(
        Distribution.objects.filter(platform=platform, year=year, publication__is_public=True)
        .select_related("publication")
        .prefetch_related(
            Prefetch(
                "recipients", queryset=DistributionRecipient.objects.select_related("stakeholder")
            ),
            Prefetch("categories", queryset=DistributionCategory.objects.all()),
        )
        .order_by("publication__published_on", "publication_id", "id")
    )
    _membership(data)
    _governance(data)
    return data


def _membership(data: YearData) -> None:
    platform, start, end = data.platform, data.start, data.end
    data.members_end = members_in_good_standing(platform, end).count()
    data.members_start = members_in_good_standing(platform, start - datetime.timedelta(1)).count()
    changes = list(
        MembershipChange.objects.filter(
            membership__platform=platform, effective_on__gte=start, effective_on__lte=end
        )
        .filter(Q(to_status=Membership.Status.ADMITTED) | Q(to_status__in=LEAVING))
        .exclude(from_status=Membership.Status.SUSPENDED, to_status=Membership.Status.ADMITTED)
        .select_related("membership__organisation")
        .order_by("effective_on", "id")
    )
    data.admitted = [c for c in changes if c.to_status == Membership.Status.ADMITTED]
    data.left = [c for c in changes if c.to_status in LEAVING]
    data.enrolled = dict(
        Enrolment.objects.filter(working_group__platform=platform, since__lte=end)
        .filter(Q(until__isnull=True) | Q(until__gte=end))
        .filter(membership__in=members_in_good_standing(platform, end).values("pk"))
        .values("working_group")
        .annotate(n=Count("membership", distinct=True))
        .values_list("working_group", "n")
    )
    first = data.year - HISTORY_YEARS + 1
    if platform.founded_on:
        first = max(first, platform.founded_on.year)
    data.history = [
        (y, members_in_good_standing(platform, datetime.date(y, 12, 31)).count())
        for y in range(first, data.year)
    ] + [(data.year, data.members_end)]


def _governance(data: YearData) -> None:
    platform, start, end = data.platform, data.start, data.end
    since, until = year_bounds(platform, data.year)
    data.bodies = list(Body.objects.filter(platform=platform).order_by("kind", "pk"))
    data.board_kinds = list(rules_in_force(platform, end).board_composition)
    data.meetings = list(
        Meeting.objects.filter(platform=platform, starts_at__gte=since, starts_at__lt=until)
        .select_related("body")
        .annotate(decision_count=Count("decisions", filter=Q(decisions__is_public=True)))
        .order_by("starts_at", "id")
    )
    data.decisions = list(
        Decision.objects.filter(platform=platform, is_public=True, decided_on__year=data.year)
        .select_related("body")
        .order_by("decided_on", "body__kind", "number")
    )
    data.mandates = list(
        Mandate.objects.filter(office__platform=platform, starts_on__lte=end)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        .select_related("office__working_group", "person", "organisation")
        .order_by("office__kind", "office__working_group__position", "office__name", "starts_on")
    )
    data.board = board_of_governance(platform, end)
    data.elections = _elections(platform, since, until)


def _elections(platform, since, until) -> list[ElectionResult] | None:
    results = []
    elections = (
        Election.objects.filter(
            platform=platform,
            state=Election.State.PUBLISHED,
            voting_closes_at__gte=since,
            voting_closes_at__lt=until,
        )
        .select_related("office", "body")
        .order_by("voting_closes_at", "id")
    )
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    for election in elections:
        try:
            board = election.board or {}  # none yet: nobody elected (KeyError)
            names = {c["key"]: c["name"] for c in board["election"]["candidates"]}
            elected = [names.get(key, key) for key in board["result"]["elected"]]
        except (KeyError, TypeError):
            elected = []
        results.append(
            ElectionResult(
                title=election.title,
                office=election.office.name if election.office is not None else "",
                body=election.body.name,
                day=election.voting_closes_at.astimezone(tz).date(),
                elected=elected,
            )
        )
    return results
