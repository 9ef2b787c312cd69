"""Check-in, check-out and proxies; each change may make or lose the quorum, which is kept."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.models import Person
from platforma.core.selectors import rules_in_force
from platforma.members.models import Membership, Representative

from ..models import Attendance, Meeting, Proxy, QuorumEvent
from ..selectors import eligible_memberships, quorum_now
from ._common import ensure_open, moment


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


def _quorum_data(event: QuorumEvent | None) -> dict:
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


@transaction.atomic
def attendance_check_in(
    *,
    actor,
    meeting: Meeting,
    membership: Membership,
    delegate: Person | None = None,
    delegate_name: str = "",
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Attendance:
    """Check in an organisation's delegate (default: its primary representative).

    One delegate per organisation: a second check-in of the same organisation is refused, unless
    its delegate had left, in which case the return is recorded (arrival time kept).
    """
    meeting = _lock(meeting)
    _ensure_in_person(meeting)
    at = moment(at)
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
    attendance = Attendance.objects.filter(meeting=meeting, membership=membership).first()
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
def attendance_check_out(
    *,
    actor,
    attendance: Attendance,
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Attendance:
    """Record that a delegate left (an early departure when before the meeting's end)."""
    meeting = _lock(attendance.meeting)
    _ensure_in_person(meeting)
    at = moment(at)
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
    actor,
    meeting: Meeting,
    giver: Membership,
    holder: Membership,
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Proxy:
    """Organisation ``giver`` gives its vote at this meeting to ``holder``'s delegate.

    Refused when the statute allows no proxies, when the holder's delegate already carries the
    statute's maximum, and for chains (a giver cannot hold proxies, a holder cannot have given
    its own vote away).
    """
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
    *, actor, proxy: Proxy, at: datetime.datetime | None = None, actor_label: str = ""
) -> Proxy:
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
