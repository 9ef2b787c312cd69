"""Reads of meetings: who may attend, the quorum now, the register, the mandate dashboard."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from platforma.core import languages
from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform
from platforma.core.selectors import rules_in_force
from platforma.core.types import AnyUser
from platforma.governance.models import Body, Mandate, Office
from platforma.governance.selectors import (
    board_of_governance,
    body_electorate,
    mandates_in_force,
)
from platforma.members.models import Membership

from .majority import QuorumState, quorum_state
from .models import Attendance, Decision, Meeting, Proxy

BODY_PREFIXES: dict[str, str] = {Body.Kind.GENERAL_ASSEMBLY: "GA", Body.Kind.BOARD: "BG"}


def decision_prefix(body: Body) -> str:
    """The register's prefix: GA for the General Assembly, BG for the Board, OB<id> otherwise."""
    return BODY_PREFIXES.get(body.kind) or f"OB{body.pk}"


def eligible_memberships(meeting: Meeting, on: datetime.date | None = None) -> QuerySet[Membership]:
    """The member organisations entitled to attend and vote: the body's members on the day.

    The General Assembly (and any other body for now): members in good standing. The Board:
    the organisations of the holders of the mandates that compose it on the day. The Forum's
    Steering Committee: its members' organisations, as its statute composes it on the day.
    """
    on = on or meeting.date
    members = body_electorate(meeting.body, meeting.platform, on)
    if meeting.body.kind == Body.Kind.BOARD:
        organisations = {m.organisation_id for m in board_of_governance(meeting.platform, on)}
        members = members.filter(organisation_id__in=organisations)
    return members


@dataclass
class QuorumNow:
    state: QuorumState
    present_ids: set[int] = field(default_factory=set)
    # giver membership id -> holder membership id, for proxies that count now
    represented_by: dict[int, int] = field(default_factory=dict)
    proxies_allowed: bool = True
    max_per_delegate: int = 1
    share: str = ""
    more_than: bool = True
    count_proxies: bool = True


def quorum_now(meeting: Meeting) -> QuorumNow:
    """Present and represented organisations against the members, by the statute's rule.

    For a remote written vote, the organisations that have voted on any motion are "present".
    A proxy counts when its holder is present and its giver is not; beyond the statute's limit
    per delegate, the earliest proxies count.
    """
    rules = rules_in_force(meeting.platform, meeting.date)
    eligible = set(eligible_memberships(meeting).values_list("pk", flat=True))
    if meeting.kind == Meeting.Kind.WRITTEN:
        present = (
            set(
                meeting.motions.filter(votes__isnull=False).values_list(
                    "votes__membership", flat=True
                )
            )
            & eligible
        )
        represented: dict[int, int] = {}
    else:
        present = (
            set(
                Attendance.objects.filter(meeting=meeting, left_at__isnull=True).values_list(
                    "membership_id", flat=True
                )
            )
            & eligible
        )
        represented = {}
        per_holder: Counter[int] = Counter()
        active = Proxy.objects.filter(meeting=meeting, revoked_at__isnull=True).order_by(
            "given_at", "id"
        )
        for giver, holder in active.values_list("giver_id", "holder_id"):
            if giver in present or holder not in present or giver not in eligible:
                continue
            if not rules.proxies.allowed or per_holder[holder] >= rules.proxies.max_per_delegate:
                continue
            per_holder[holder] += 1
            represented[giver] = holder
    state = quorum_state(
        members=len(eligible),
        present=len(present),
        represented=len(represented),
        rule=rules.quorum,
    )
    return QuorumNow(
        state=state,
        present_ids=present,
        represented_by=represented,
        proxies_allowed=rules.proxies.allowed,
        max_per_delegate=rules.proxies.max_per_delegate,
        share=str(rules.quorum.share),
        more_than=rules.quorum.more_than,
        count_proxies=rules.quorum.count_proxies,
    )


def voters(meeting: Meeting) -> list[tuple[Membership, bool]]:
    """Who may vote now, in name order: (membership, by proxy)."""
    members = eligible_memberships(meeting).select_related("organisation")
    if meeting.kind == Meeting.Kind.WRITTEN:
        return [(m, False) for m in members.order_by("organisation__legal_name")]
    now = quorum_now(meeting)
    ids = now.present_ids | set(now.represented_by)
    members = members.filter(pk__in=ids).order_by("organisation__legal_name")
    return [(m, m.pk in now.represented_by) for m in members]


# --- scoping -------------------------------------------------------------------------------


def managed_platform(user: AnyUser, slug: str) -> Platform:
    """The platform of the back-office page, or 404 when ``user`` does not manage it."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not can_manage_platform(user, platform):
        raise Http404("No such platform")
    return platform


def meetings_of(platform: Platform) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(platform=platform)
        .select_related("body")
        .annotate(
            attendance_count=Count("attendances", distinct=True),
            motion_count=Count("motions", distinct=True),
        )
        .order_by("-starts_at")
    )


def meeting_of(platform: Platform, pk: int) -> Meeting:
    try:
        return Meeting.objects.select_related("body", "platform").get(platform=platform, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404("No such meeting") from None


def attendance_list(meeting: Meeting) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(meeting=meeting)
        .select_related("membership__organisation", "delegate", "meeting")
        .order_by("checked_in_at", "id")
    )


def proxy_list(meeting: Meeting) -> QuerySet[Proxy]:
    return (
        Proxy.objects.filter(meeting=meeting)
        .select_related("giver__organisation", "holder__organisation")
        .order_by("given_at", "id")
    )


def decision_register(
    platform: Platform,
    *,
    user=None,
    query: str = "",
    body: Body | None = None,
    year: int | None = None,
) -> QuerySet[Decision]:
    """The register: every decision for the platform's managers, the public ones for others."""
    decisions = Decision.objects.filter(platform=platform).select_related("body", "meeting")
    if not (user is not None and can_manage_platform(user, platform)):
        decisions = decisions.filter(is_public=True)
    if body is not None:
        decisions = decisions.filter(body=body)
    if year:
        decisions = decisions.filter(year=year)
    query = query.strip()
    if query:
        condition = Q(reference__icontains=query)
        for lang in languages.codes():
            condition |= Q(**{f"title_{lang}__icontains": query})
            condition |= Q(**{f"text_{lang}__icontains": query})
        decisions = decisions.filter(condition)
    return decisions.order_by("-decided_on", "body__kind", "-number")


# --- mandates dashboard --------------------------------------------------------------------


@dataclass
class Vacancy:
    office: Office
    seats: int
    filled: int

    @property
    def free(self) -> int:
        return self.seats - self.filled


def vacancies_and_expiring(
    platform: Platform, on: datetime.date, days: int = 60
) -> dict[str, list]:
    """Offices with free seats on ``on``, and mandates whose term ends within ``days`` days."""
    in_force = mandates_in_force(platform, on)
    filled = Counter(in_force.values_list("office_id", flat=True))
    offices = Office.objects.filter(platform=platform).select_related("working_group", "body")
    vacancies = [
        Vacancy(office=o, seats=o.seats, filled=filled.get(o.pk, 0))
        for o in offices
        if filled.get(o.pk, 0) < o.seats
    ]
    horizon = on + datetime.timedelta(days=days)
    expiring: list[Mandate] = list(
        in_force.filter(ends_on__isnull=False, ends_on__lte=horizon).order_by("ends_on", "pk")
    )
    return {"vacancies": vacancies, "expiring": expiring}


# --- minutes -------------------------------------------------------------------------------


def minutes_record(meeting: Meeting) -> dict[str, Any]:
    """Everything the minutes say, read in a fixed number of queries."""
    from django.db.models import Prefetch

    from .models import Minutes, Motion, Vote
    from .services.explain import explain_motion

    motions = list(
        Motion.objects.filter(meeting=meeting)
        .select_related("proposer__organisation", "decision", "agenda_item")
        .prefetch_related(
            Prefetch(
                "votes",
                queryset=Vote.objects.select_related("membership__organisation").order_by(
                    "membership__organisation__legal_name"
                ),
            )
        )
        .order_by("id")
    )
    for motion in motions:
        motion.explanation = explain_motion(motion)
    attendances = list(attendance_list(meeting))
    return {
        "meeting": meeting,
        "minutes": Minutes.objects.filter(meeting=meeting)
        .select_related("approved_at_meeting")
        .first(),
        "agenda": list(meeting.agenda.prefetch_related("documents").order_by("position")),
        "convocation": meeting.convocations.order_by("-sent_at").first(),
        "attendances": attendances,
        "late_arrivals": [a for a in attendances if a.arrived_late],
        "early_departures": [a for a in attendances if a.left_early],
        "proxies": list(proxy_list(meeting)),
        "quorum_events": list(meeting.quorum_events.order_by("at", "id")),
        "members_count": eligible_memberships(meeting).count(),
        "motions": motions,
        "decisions": [m.decision for m in motions if m.adopted and hasattr(m, "decision")],
    }


# --- voting from the floor -----------------------------------------------------------------


def floor_motion(meeting: Meeting):
    """The motion on the floor of ``meeting`` now, or None."""
    from .models import Motion

    return (
        Motion.objects.filter(
            meeting=meeting, floor_opened_at__isnull=False, floor_closed_at__isnull=True
        )
        .select_related("meeting__platform")
        .first()
    )


def last_floor_motion(meeting: Meeting):
    """The motion on the floor now, or else the last one closed there (its result), or None."""
    from .models import Motion

    return floor_motion(meeting) or (
        Motion.objects.filter(meeting=meeting, floor_closed_at__isnull=False)
        .select_related("meeting__platform")
        .order_by("-floor_closed_at", "-id")
        .first()
    )


def _speaks_for(meeting: Meeting, user: AnyUser) -> set[int]:
    """The memberships of ``meeting``'s platform ``user`` speaks for at it: those whose
    checked-in delegate they are, and those they currently represent."""
    if not user.is_authenticated:
        return set()
    delegate = Attendance.objects.filter(
        meeting=meeting, left_at__isnull=True, delegate__user=user
    ).values_list("membership_id", flat=True)
    represented = Membership.objects.filter(
        platform=meeting.platform,
        organisation__representatives__person__user=user,
        organisation__representatives__until__isnull=True,
    ).values_list("pk", flat=True)
    return set(delegate) | set(represented)


def floor_rights(meeting: Meeting, user: AnyUser) -> list[tuple[Membership, bool]]:
    """The organisations ``user`` may vote for from the floor now, in name order, each with
    whether it is by proxy: a present organisation whose checked-in delegate or representative
    ``user`` is, and an organisation that gave its vote to such an organisation."""
    if meeting.kind == Meeting.Kind.WRITTEN or not meeting.is_sitting:
        return []
    mine = _speaks_for(meeting, user)
    if not mine:
        return []
    now = quorum_now(meeting)
    ids = {pk for pk in now.present_ids if pk in mine}
    proxies = {giver for giver, holder in now.represented_by.items() if holder in ids}
    if not ids and not proxies:
        return []
    members = (
        Membership.objects.filter(pk__in=ids | proxies)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )
    return [(m, m.pk in proxies) for m in members]


def knows_meeting(meeting: Meeting, user: AnyUser) -> bool:
    """Whether ``user`` has anything to do with ``meeting``'s platform (a representative of
    one of its organisations, a delegate at the meeting, or its secretariat); others get 404."""
    if not user.is_authenticated:
        return False
    return bool(_speaks_for(meeting, user)) or can_manage_platform(user, meeting.platform)


@dataclass
class FloorCount:
    received: int
    can_vote: int


def floor_count(motion) -> FloorCount:
    """How many organisations have voted on the motion from the floor (or on paper, named),
    of how many may vote now. Never what they chose while the vote is open."""
    from .models import SecretBallotMark, Vote

    meeting = motion.meeting
    now = quorum_now(meeting)
    if motion.is_secret:
        received = SecretBallotMark.objects.filter(motion=motion).count()
    else:
        received = Vote.objects.filter(motion=motion).count()
    return FloorCount(received=received, can_vote=len(now.present_ids | set(now.represented_by)))


def sittings_to_vote_at(platform: Platform, user: AnyUser) -> list[Meeting]:
    """The meetings of ``platform`` sitting now at which ``user`` may vote from the floor."""
    if not user.is_authenticated:
        return []
    sitting = (
        Meeting.objects.filter(platform=platform, opened_at__isnull=False, ended_at__isnull=True)
        .exclude(kind=Meeting.Kind.WRITTEN)
        .select_related("platform", "body")
        .order_by("-starts_at")
    )
    return [m for m in sitting if floor_rights(m, user)]
