"""The meetings of a platform's bodies, for those who manage the platform (its secretariat and
the Forum's), as the meetings office pages show them. Read only in this version: planning,
check-in, proxies and votes stay on the office pages."""

# No ``from __future__ import annotations``: ninja reads the parameters of a paginated
# operation from its wrapper, which cannot resolve annotations given as strings.

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from platforma.meetings import selectors
from platforma.meetings.models import Meeting, Motion
from platforma.meetings.services.explain import explain_motion

from ..access import managed_platform
from ..auth import SIGNED_IN
from ..pagination import Pages
from ..params import Id, PlatformSlug, Year, aware, object_id
from ..schemas import answers
from .governance import BodyRef

router = Router(tags=["meetings"])


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    body: BodyRef
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    time_zone: str
    opened_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    vote_deadline: datetime.datetime | None
    place: str
    online_url: str
    attendance_count: int
    motion_count: int
    updated_at: datetime.datetime

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj["kind_label"] if isinstance(obj, dict) else obj.get_kind_display())


class AgendaDocumentOut(Schema):
    id: int
    title: str
    url: str  # a link; an uploaded file is downloaded from the office page
    has_file: bool


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    description: str
    documents: list[AgendaDocumentOut]


class QuorumOut(Schema):
    members: int
    present: int
    represented: int
    counted: int
    required: int
    met: bool


class MotionResultOut(Schema):
    adopted: bool | None
    decided_at: datetime.datetime | None
    votes_for: int
    votes_against: int
    votes_abstain: int
    votes_cast: int
    members_count: int
    present_count: int
    basis_count: int
    votes_needed: int
    explanation: str
    decision_reference: str | None


class MotionOut(Schema):
    id: int
    title: str
    text: str
    kind: str
    kind_label: str
    majority: str
    majority_label: str
    is_secret: bool
    status: str
    status_label: str
    agenda_item_id: int | None
    proposer: str | None
    # Only once decided: no count while the vote is open (secret or not), as the office page.
    result: MotionResultOut | None


class MeetingDetailOut(MeetingOut):
    language: str
    quorum: QuorumOut
    agenda: list[AgendaItemOut]
    motions: list[MotionOut]

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj["kind_label"])


# The meeting's own fields in MeetingOut (the others are computed below).
PLAIN_FIELDS = [
    name
    for name in MeetingOut.model_fields
    if name not in {"kind_label", "body", "attendance_count", "motion_count"}
]


class MeetingFilters(Schema):
    year: Year | None = None
    body: Id | None = None
    updated_since: datetime.datetime | None = None


@router.get(
    "/platforms/{platform}/meetings",
    response=answers(list[MeetingOut]),
    summary="The meetings of the platform's bodies (secretariat)",
    operation_id="meeting_list",
    auth=SIGNED_IN,
)
@paginate(Pages)
def meeting_list(request: HttpRequest, platform: PlatformSlug, filters: Query[MeetingFilters]):
    meetings: QuerySet[Meeting] = selectors.meetings_of(managed_platform(request, platform))
    if filters.year is not None:
        meetings = meetings.filter(starts_at__year=filters.year)
    if filters.body is not None:
        meetings = meetings.filter(body_id=filters.body)  # another platform's body: nothing
    since = aware(filters.updated_since)
    if since is not None:
        meetings = meetings.filter(updated_at__gte=since)
    return meetings


def _quorum(meeting: Meeting) -> dict[str, Any]:
    return _state(selectors.quorum_now(meeting).state)


def _state(state: Any) -> dict[str, Any]:
    return {
        "members": state.members,
        "present": state.present,
        "represented": state.represented,
        "counted": state.counted,
        "required": state.required,
        "met": state.met,
    }


def _motion(motion: Motion) -> dict[str, Any]:
    result = None
    if motion.status == Motion.Status.DECIDED:
        decision = getattr(motion, "decision", None) if motion.adopted else None
        result = {
            "adopted": motion.adopted,
            "decided_at": motion.decided_at,
            "votes_for": motion.votes_for,
            "votes_against": motion.votes_against,
            "votes_abstain": motion.votes_abstain,
            "votes_cast": motion.votes_cast,
            "members_count": motion.members_count,
            "present_count": motion.present_count,
            "basis_count": motion.basis_count,
            "votes_needed": motion.votes_needed,
            "explanation": str(explain_motion(motion) or ""),
            "decision_reference": decision.reference if decision else None,
        }
    return {
        "id": motion.pk,
        "title": motion.title,
        "text": motion.text,
        "kind": motion.kind,
        "kind_label": str(motion.get_kind_display()),
        "majority": motion.majority,
        "majority_label": str(motion.get_majority_display()),
        "is_secret": motion.is_secret,
        "status": motion.status,
        "status_label": str(motion.get_status_display()),
        "agenda_item_id": motion.agenda_item_id,
        "proposer": motion.proposer.organisation.display_name if motion.proposer else None,
        "result": result,
    }


@router.get(
    "/platforms/{platform}/meetings/{pk}",
    response=answers(MeetingDetailOut),
    summary="A meeting: its agenda, the quorum now and its motions (secretariat)",
    operation_id="meeting_detail",
    auth=SIGNED_IN,
)
def meeting_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> dict[str, Any]:
    site = managed_platform(request, platform)
    meeting = selectors.meeting_of(site, pk)
    counted = selectors.meetings_of(site).get(pk=meeting.pk)
    agenda = meeting.agenda.prefetch_related(
        Prefetch("documents", to_attr="document_list")
    ).order_by("position")
    motions = meeting.motions.select_related("proposer__organisation", "decision").order_by("id")
    return {
        **{field: getattr(meeting, field) for field in PLAIN_FIELDS},
        "kind_label": str(meeting.get_kind_display()),
        "body": meeting.body,
        "attendance_count": counted.attendance_count,  # type: ignore[attr-defined]
        "motion_count": counted.motion_count,  # type: ignore[attr-defined]
        "language": meeting.language,
        "quorum": _quorum(meeting),
        "agenda": [
            {
                "id": item.pk,
                "position": item.position,
                "title": item.title,
                "description": item.description,
                "documents": [
                    {"id": d.pk, "title": d.title, "url": d.url, "has_file": bool(d.file)}
                    for d in item.document_list
                ],
            }
            for item in agenda
        ],
        "motions": [_motion(m) for m in motions],
    }


class AttendanceOut(Schema):
    id: int
    membership_id: int
    organisation: str
    delegate: str
    checked_in_at: datetime.datetime
    left_at: datetime.datetime | None
    present: bool
    arrived_late: bool
    left_early: bool


class ProxyOut(Schema):
    id: int
    giver_membership_id: int
    giver: str
    holder_membership_id: int
    holder: str
    given_at: datetime.datetime
    revoked_at: datetime.datetime | None
    counts_now: bool  # whether it counts in the quorum now (holder present, within the limit)


class AttendanceSheetOut(Schema):
    meeting_id: int
    quorum: QuorumOut
    attendances: list[AttendanceOut]
    proxies: list[ProxyOut]


@router.get(
    "/platforms/{platform}/meetings/{pk}/attendance",
    response=answers(AttendanceSheetOut),
    summary="Who attends a meeting, and the proxies given for it (secretariat)",
    operation_id="meeting_attendance",
    auth=SIGNED_IN,
)
def meeting_attendance(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> dict[str, Any]:
    """Every row of the meeting (bounded by the body's members), as the office's check-in and
    proxy pages show them: not paginated."""
    meeting = selectors.meeting_of(managed_platform(request, platform), pk)
    now = selectors.quorum_now(meeting)
    return {
        "meeting_id": meeting.pk,
        "quorum": _state(now.state),
        "attendances": [
            {
                "id": a.pk,
                "membership_id": a.membership_id,
                "organisation": a.membership.organisation.display_name,
                "delegate": a.delegate_display,
                "checked_in_at": a.checked_in_at,
                "left_at": a.left_at,
                "present": a.is_present,
                "arrived_late": a.arrived_late,
                "left_early": a.left_early,
            }
            for a in selectors.attendance_list(meeting)
        ],
        "proxies": [
            {
                "id": p.pk,
                "giver_membership_id": p.giver_id,
                "giver": p.giver.organisation.display_name,
                "holder_membership_id": p.holder_id,
                "holder": p.holder.organisation.display_name,
                "given_at": p.given_at,
                "revoked_at": p.revoked_at,
                "counts_now": p.revoked_at is None
                and now.represented_by.get(p.giver_id) == p.holder_id,
            }
            for p in selectors.proxy_list(meeting)
        ],
    }
