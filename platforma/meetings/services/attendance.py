"""Check-in, check-out and proxies; each change may make or lose the quorum, which is kept."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.models import Person
from platforma.core.selectors import rules_in_force
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.members.models import Membership, Representative

from ..models import Attendance, Meeting, Proxy, QuorumEvent
from ..selectors import eligible_memberships, quorum_now
from ._common import ensure_open, ensure_sitting, moment


def _lock(meeting: Meeting) -> Meeting:
    """Serialise writes to one meeting's attendance (row lock on PostgreSQL)."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform", "body")
        .get(pk=meeting.pk)
    )


def _ensure_in_person(meeting: Meeting) -> None:
    ensure_open(meeting)
    if meeting.kind == Meeting.Kind.WRITTEN:
        raise ValidationError(_("A remote written vote has no attendance or proxies."))
    if meeting.ended_at:
        raise ValidationError(_("This meeting is closed."))


def _ensure_eligible(meeting: Meeting, membership: Membership) -> None:
    if not eligible_memberships(meeting).filter(pk=membership.pk).exists():
        raise ValidationError(
            _("%(organisation)s is not entitled to attend this meeting of the %(body)s.")
            % {"organisation": membership.organisation, "body": meeting.body}
        )


def track_quorum(meeting: Meeting, at: datetime.datetime) -> QuorumEvent | None:
    """Keep the moment the quorum was reached or lost, if this change did either."""
    now = quorum_now(meeting).state
    last = meeting.quorum_events.order_by("-at", "-id").first()
    if (last.reached if last else False) == now.met:
        return None
    return QuorumEvent.objects.create(
        meeting=meeting,
        at=at,
        reached=now.met,
        members=now.members,
        present=now.present,
        represented=now.represented,
        required=now.required,
    )


def _quorum_data(event: QuorumEvent | None) -> dict[str, Any]:
    if event is None:
        return {}
    return {
        "quorum": {
            "reached": event.reached,
            "present": event.present,
            "represented": event.represented,
            "required": event.required,
        }
    }


def _check_in(
    meeting: Meeting,
    membership: Membership,
    delegate: Person | None,
    delegate_name: str,
    at: datetime.datetime,
    present: dict[int, Attendance],
) -> tuple[Attendance, dict[str, Any] | None]:
    """Check in one organisation (no audit, no quorum tracking): (attendance, before)."""
    _ensure_eligible(meeting, membership)
    if delegate is None and not delegate_name:
        primary = (
            Representative.objects.filter(
                organisation=membership.organisation_id,
                role=Representative.Role.PRIMARY,
                until__isnull=True,
            )
            .select_related("person")
            .first()
        )
        delegate = primary.person if primary else None
    attendance = present.get(membership.pk)
    if attendance and attendance.left_at is None:
        raise ValidationError(
            _("%(organisation)s is already checked in (one delegate per organisation).")
            % {"organisation": membership.organisation}
        )
    before = audit.snapshot(attendance) if attendance else None
    if attendance:
        attendance.left_at = None
        attendance.delegate = delegate or attendance.delegate
        attendance.delegate_name = delegate_name or attendance.delegate_name
        attendance.save(update_fields=["left_at", "delegate", "delegate_name", "updated_at"])
    else:
        attendance = Attendance.objects.create(
            meeting=meeting,
            membership=membership,
            delegate=delegate,
            delegate_name=delegate_name,
            checked_in_at=at,
        )
    return attendance, before


def _attendances(meeting: Meeting) -> dict[int, Attendance]:
    return {a.membership_id: a for a in Attendance.objects.filter(meeting=meeting)}


@transaction.atomic
def attendance_check_in(
    *,
    actor: Actor,
    meeting: Meeting,
    membership: Membership,
    delegate: Person | None = None,
    delegate_name: str = "",
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Attendance:
    """Check in an organisation's delegate (default: its primary representative).

    Only once the sitting is open. One delegate per organisation: a second check-in of the same
    organisation is refused, unless its delegate had left, in which case the return is recorded
    (arrival time kept).
    """
    require_manage(actor, meeting, membership, delegate)
    meeting = _lock(meeting)
    _ensure_in_person(meeting)
    at = moment(at)
    ensure_sitting(meeting, at)
    attendance, before = _check_in(
        meeting, membership, delegate, delegate_name, at, _attendances(meeting)
    )
    event = track_quorum(meeting, at)
    audit.record(
        "meetings.attendance.checked_in",
        actor=actor,
        actor_label=actor_label,
        target=attendance,
        platform=meeting.platform,
        data={
            "before": before,
            "after": audit.snapshot(attendance),
            "at": at,
            **_quorum_data(event),
        },
    )
    return attendance


@transaction.atomic
def attendance_check_in_many(
    *,
    actor: Actor,
    meeting: Meeting,
    memberships: list[Membership],
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> list[Attendance]:
    """Check in several organisations at once, each with its primary representative.

    All or nothing: when one of them cannot be checked in, the messages name every one that
    cannot, and nobody is checked in. One audit entry lists them all.
    """
    require_manage(actor, meeting, *memberships)
    meeting = _lock(meeting)
    _ensure_in_person(meeting)
    at = moment(at)
    ensure_sitting(meeting, at)
    if not memberships:
        raise ValidationError(_("Tick the organisations whose delegates arrived."))
    present = _attendances(meeting)
    eligible = set(eligible_memberships(meeting).values_list("pk", flat=True))
    problems = []
    for membership in memberships:
        if membership.pk not in eligible:
            problems.append(
                _("%(organisation)s is not entitled to attend this meeting of the %(body)s.")
                % {"organisation": membership.organisation, "body": meeting.body}
            )
        elif membership.pk in present and present[membership.pk].left_at is None:
            problems.append(
                _("%(organisation)s is already checked in (one delegate per organisation).")
                % {"organisation": membership.organisation}
            )
    if problems:
        raise ValidationError(problems)
    primaries = {
        r.organisation_id: r.person
        for r in Representative.objects.filter(
            organisation__in=[m.organisation_id for m in memberships],
            role=Representative.Role.PRIMARY,
            until__isnull=True,
        ).select_related("person")
    }
    attendances = []
    for membership in memberships:
        attendance = present.get(membership.pk)
        delegate = primaries.get(membership.organisation_id)
        if attendance:  # a delegate who had left comes back
            attendance.left_at = None
            attendance.delegate = delegate or attendance.delegate
            attendance.save(update_fields=["left_at", "delegate", "updated_at"])
        else:
            attendance = Attendance(
                meeting=meeting, membership=membership, delegate=delegate, checked_in_at=at
            )
        attendances.append(attendance)
    Attendance.objects.bulk_create([a for a in attendances if a.pk is None])
    event = track_quorum(meeting, at)
    audit.record(
        "meetings.attendance.checked_in_many",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={
            "at": at,
            "organisations": [
                {"membership": m.pk, "organisation": str(m.organisation)} for m in memberships
            ],
            **_quorum_data(event),
        },
    )
    return attendances


@transaction.atomic
def attendance_check_out(
    *,
    actor: Actor,
    attendance: Attendance,
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Attendance:
    """Record that a delegate left (an early departure when before the meeting's end)."""
    require_manage(actor, attendance)
    meeting = _lock(attendance.meeting)
    _ensure_in_person(meeting)
    at = moment(at)
    ensure_sitting(meeting, at)
    attendance = Attendance.objects.get(pk=attendance.pk)
    if attendance.left_at is not None:
        raise ValidationError(_("This delegate has already left."))
    if at < attendance.checked_in_at:
        raise ValidationError(_("A delegate cannot leave before arriving."))
    attendance.left_at = at
    attendance.save(update_fields=["left_at", "updated_at"])
    event = track_quorum(meeting, at)
    audit.record(
        "meetings.attendance.checked_out",
        actor=actor,
        actor_label=actor_label,
        target=attendance,
        platform=meeting.platform,
        data={"left_at": at, **_quorum_data(event)},
    )
    return attendance


@transaction.atomic
def proxy_give(
    *,
    actor: Actor,
    meeting: Meeting,
    giver: Membership,
    holder: Membership,
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Proxy:
    """Organisation ``giver`` gives its vote at this meeting to ``holder``'s delegate.

    Refused when the statute allows no proxies, when the holder's delegate already carries the
    statute's maximum, and for chains (a giver cannot hold proxies, a holder cannot have given
    its own vote away). Proxies may be given before the sitting opens (they often arrive in
    writing beforehand).
    """
    require_manage(actor, meeting, giver, holder)
    meeting = _lock(meeting)
    _ensure_in_person(meeting)
    at = moment(at)
    rules = rules_in_force(meeting.platform, meeting.date).proxies
    if not rules.allowed:
        raise ValidationError(_("The statute in force does not allow proxies."))
    if giver.pk == holder.pk:
        raise ValidationError(_("An organisation cannot give a proxy to itself."))
    _ensure_eligible(meeting, giver)
    _ensure_eligible(meeting, holder)
    active = Proxy.objects.filter(meeting=meeting, revoked_at__isnull=True)
    if active.filter(giver=giver).exists():
        raise ValidationError(
            _("%(organisation)s has already given its proxy for this meeting.")
            % {"organisation": giver.organisation}
        )
    if active.filter(holder=giver).exists():
        raise ValidationError(
            _("%(organisation)s carries proxies itself; proxies cannot be passed on.")
            % {"organisation": giver.organisation}
        )
    if active.filter(giver=holder).exists():
        raise ValidationError(
            _("%(organisation)s has given its own vote away and cannot carry a proxy.")
            % {"organisation": holder.organisation}
        )
    if active.filter(holder=holder).count() >= rules.max_per_delegate:
        raise ValidationError(
            ngettext(
                "The statute allows a delegate to carry at most %(max)s proxy; "
                "%(organisation)s already carries it.",
                "The statute allows a delegate to carry at most %(max)s proxies; "
                "%(organisation)s already carries them.",
                rules.max_per_delegate,
            )
            % {"max": rules.max_per_delegate, "organisation": holder.organisation}
        )
    proxy = Proxy.objects.create(meeting=meeting, giver=giver, holder=holder, given_at=at)
    event = track_quorum(meeting, at)
    audit.record(
        "meetings.proxy.given",
        actor=actor,
        actor_label=actor_label,
        target=proxy,
        platform=meeting.platform,
        data={
            "giver": giver.organisation,
            "holder": holder.organisation,
            "at": at,
            **_quorum_data(event),
        },
    )
    return proxy


@transaction.atomic
def proxy_revoke(
    *, actor: Actor, proxy: Proxy, at: datetime.datetime | None = None, actor_label: str = ""
) -> Proxy:
    require_manage(actor, proxy)
    meeting = _lock(proxy.meeting)
    _ensure_in_person(meeting)
    at = moment(at)
    proxy = Proxy.objects.get(pk=proxy.pk)
    if proxy.revoked_at:
        raise ValidationError(_("This proxy has already been revoked."))
    proxy.revoked_at = at
    proxy.save(update_fields=["revoked_at", "updated_at"])
    event = track_quorum(meeting, at)
    audit.record(
        "meetings.proxy.revoked",
        actor=actor,
        actor_label=actor_label,
        target=proxy,
        platform=meeting.platform,
        data={"revoked_at": at, **_quorum_data(event)},
    )
    return proxy
