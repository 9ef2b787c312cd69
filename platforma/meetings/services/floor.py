"""Voting from the floor: the secretariat puts one motion on the floor of an open sitting,
the delegates vote from their own devices, and the chair's word closes and decides it.

A named vote from the floor is the same ``Vote`` row the secretariat records (``votes_record``),
and may be changed until the vote is closed. A secret vote is kept in two tables that cannot be
joined (``models.floor``): who has voted, and three counters; a secret ballot cannot be changed.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.members.models import Membership

from ..models import Meeting, Motion, SecretBallotMark, SecretTally, Vote
from ..selectors import floor_count, floor_motion, floor_rights
from ._common import ensure_open, ensure_sitting, moment
from .motions import motion_decide

CHOICE_FIELDS = {
    Vote.Choice.FOR: "votes_for",
    Vote.Choice.AGAINST: "votes_against",
    Vote.Choice.ABSTAIN: "votes_abstain",
}


def _lock(motion: Motion) -> Motion:
    motion = (
        Motion.objects.select_for_update(of=("self",))
        .select_related("meeting__platform", "meeting__body")
        .get(pk=motion.pk)
    )
    ensure_open(motion.meeting)
    return motion


def _ensure_in_session(meeting: Meeting, at: datetime.datetime) -> None:
    if meeting.kind == Meeting.Kind.WRITTEN:
        raise ValidationError(
            _("A remote written vote has no floor: members vote on the motions' pages.")
        )
    if meeting.ended_at is not None:
        raise ValidationError(_("The sitting is closed: nothing can be voted from the floor."))
    ensure_sitting(meeting, at)


@transaction.atomic
def motion_floor_open(
    *, actor: Actor, motion: Motion, at: datetime.datetime | None = None, actor_label: str = ""
) -> Motion:
    """Put ``motion`` on the floor: the delegates present vote on it from their own devices.

    Only during an open sitting, only a motion still open for voting, and only one motion on
    the floor of a meeting at a time.
    """
    require_manage(actor, motion)
    motion = _lock(motion)
    meeting = motion.meeting
    at = moment(at)
    _ensure_in_session(meeting, at)
    if motion.status != Motion.Status.OPEN:
        raise ValidationError(_("This motion is no longer open for voting."))
    if motion.floor_closed_at is not None or motion.on_the_floor:
        raise ValidationError(_("This motion has already been put on the floor."))
    # Lock the meeting's row so that two motions cannot be put on the floor at once.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    current = floor_motion(meeting)
    if current is not None:
        raise ValidationError(
            _("“%(title)s” is on the floor: close its vote before putting another motion.")
            % {"title": current.title}
        )
    motion.floor_opened_at = at
    motion.save(update_fields=["floor_opened_at", "updated_at"])
    audit.record(
        "meetings.floor.opened",
        actor=actor,
        actor_label=actor_label,
        target=motion,
        platform=meeting.platform,
        data={"at": at, "secret": motion.is_secret},
    )
    return motion


@transaction.atomic
def floor_vote_cast(
    *,
    actor: Actor,
    motion: Motion,
    membership: Membership,
    choice: str,
    at: datetime.datetime | None = None,
) -> Motion:
    """``actor`` votes ``choice`` for ``membership`` on the motion on the floor.

    ``actor`` must be the checked-in delegate or a representative of a present organisation, or
    of the present organisation its proxy went to (then the vote is marked by proxy). A named
    vote is the organisation's ``Vote`` row and may be changed until the vote closes; a secret
    ballot is counted without a trace of who chose what, and cannot be changed.
    """
    if actor is None:
        raise PermissionDenied(_("Only a delegate votes from the floor."))
    motion = _lock(motion)
    meeting = motion.meeting
    at = moment(at)
    _ensure_in_session(meeting, at)
    if not motion.on_the_floor or motion.status != Motion.Status.OPEN:
        raise ValidationError(_("This motion is not on the floor any more: the vote is closed."))
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Unknown vote: %s") % choice)
    rights = {m.pk: by_proxy for m, by_proxy in floor_rights(meeting, actor)}
    if membership.pk not in rights:
        raise PermissionDenied(
            _("You cannot vote for %(organisation)s: it is neither present nor represented by you.")
            % {"organisation": membership.organisation}
        )
    by_proxy = rights[membership.pk]
    if motion.is_secret:
        if SecretBallotMark.objects.filter(motion=motion, membership=membership).exists():
            raise ValidationError(
                _("%(organisation)s has already voted: a secret ballot cannot be changed.")
                % {"organisation": membership.organisation}
            )
        SecretBallotMark.objects.create(motion=motion, membership=membership, by_proxy=by_proxy)
        SecretTally.objects.get_or_create(motion=motion)
        SecretTally.objects.filter(motion=motion).update(
            **{CHOICE_FIELDS[Vote.Choice(choice)]: F(CHOICE_FIELDS[Vote.Choice(choice)]) + 1}
        )
        # The audit log says who voted, never what: the choice is in the counters only.
        audit.record(
            "meetings.floor.ballot_cast",
            actor=actor,
            target=motion,
            platform=meeting.platform,
            data={"organisation": membership.organisation, "by_proxy": by_proxy},
        )
        return motion
    vote = Vote.objects.filter(motion=motion, membership=membership).first()
    before = vote.choice if vote else None
    if vote is None:
        vote = Vote(motion=motion, membership=membership)
    vote.choice, vote.by_proxy, vote.cast_at = choice, by_proxy, at
    vote.save()
    audit.record(
        "meetings.floor.vote_cast",
        actor=actor,
        target=motion,
        platform=meeting.platform,
        data={
            "organisation": membership.organisation,
            "before": before,
            "after": choice,
            "by_proxy": by_proxy,
            "at": at,
        },
    )
    return motion


@transaction.atomic
def motion_floor_close(
    *,
    actor: Actor,
    motion: Motion,
    paper_totals: tuple[int, int, int] | None = None,
    at: datetime.datetime | None = None,
    carry_out: bool = True,
    actor_label: str = "",
) -> Motion:
    """Close the vote on the floor at the chair's word and decide it by the statute's majority
    (``motion_decide``). ``paper_totals`` (for, against, abstain): paper ballots of a secret
    vote, added to the electronic ones. When no result can be declared (no quorum, impossible
    totals), nothing changes: the motion stays on the floor and the refusal says why.
    """
    require_manage(actor, motion)
    motion = _lock(motion)
    if not motion.on_the_floor:
        raise ValidationError(_("This motion is not on the floor."))
    at = moment(at)
    if paper_totals is not None and not motion.is_secret:
        raise ValidationError(
            _("Paper votes of a named vote are entered per organisation, not as totals.")
        )
    if paper_totals is not None and (
        len(paper_totals) != 3 or any(not isinstance(n, int) or n < 0 for n in paper_totals)
    ):
        raise ValidationError(_("Enter three counts (for, against, abstentions), none negative."))
    received = floor_count(motion).received
    totals = None
    electronic = (0, 0, 0)
    if motion.is_secret:
        tally = SecretTally.objects.filter(motion=motion).first()
        electronic = tally.totals if tally else (0, 0, 0)
        paper = paper_totals or (0, 0, 0)
        totals = (
            electronic[0] + paper[0],
            electronic[1] + paper[1],
            electronic[2] + paper[2],
        )
    motion.floor_closed_at = at
    motion.save(update_fields=["floor_closed_at", "updated_at"])
    # Any refusal below rolls everything back: the motion stays on the floor.
    motion = motion_decide(
        actor=actor,
        motion=motion,
        totals=totals,
        at=at,
        carry_out=carry_out,
        actor_label=actor_label,
    )
    audit.record(
        "meetings.floor.closed",
        actor=actor,
        actor_label=actor_label,
        target=motion,
        platform=motion.meeting.platform,
        data={
            "at": at,
            "received": received,
            "paper": list(paper_totals) if paper_totals is not None else None,
            "adopted": motion.adopted,
        },
    )
    return motion
