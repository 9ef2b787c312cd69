"""Motions, votes, results, and the decisions adopted motions become (with their effects)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core import services as core_services
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import RulesError, StatuteRules
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.governance import services as governance_services
from platforma.governance.models import Body, Mandate
from platforma.governance.selectors import mandates_in_force
from platforma.members import services as member_services
from platforma.members.models import Membership

from ..majority import NoQuorum, Tally, decide
from ..models import AgendaItem, Decision, Meeting, Motion, Vote
from ..selectors import decision_prefix, eligible_memberships, quorum_now
from ._common import check_fields, ensure_open, ensure_sitting, moment
from .explain import explain_motion

MEMBER_EFFECTS: dict[str, str] = {
    Motion.Kind.ADMISSION: Membership.Status.ADMITTED,
    Motion.Kind.SUSPENSION: Membership.Status.SUSPENDED,
    Motion.Kind.EXPULSION: Membership.Status.EXPELLED,
}


def majority_for(meeting: Meeting, kind: str) -> tuple[str, bool]:
    """The statute's majority for a kind of motion, and whether abstentions count as cast."""
    rules = rules_in_force(meeting.platform, meeting.date)
    if kind == Motion.Kind.ADMISSION and "admission" not in rules.majorities:
        majority = rules.admission.majority
    else:
        majority = rules.majority_for(kind)
    return majority, rules.abstentions_count_as_cast


def _check_subject(
    meeting: Meeting,
    kind: str,
    subject_membership: Membership | None,
    subject_mandate: Mandate | None,
    new_statute: dict[str, Any] | None,
) -> None:
    if kind in MEMBER_EFFECTS and (
        subject_membership is None or subject_membership.platform_id != meeting.platform_id
    ):
        raise ValidationError(_("Name the organisation this motion is about."))
    if kind == Motion.Kind.NO_CONFIDENCE and (
        subject_mandate is None
        or not mandates_in_force(meeting.platform, meeting.date)
        .filter(pk=subject_mandate.pk)
        .exists()
    ):
        raise ValidationError(_("Name a mandate in force that this motion is about."))
    if kind == Motion.Kind.STATUTE_CHANGE:
        if not isinstance(new_statute, dict) or not new_statute.get("title"):
            raise ValidationError(_("A statute change needs the new version's title and rules."))
        unknown = set(new_statute) - {"title", "effective_from", "rules", "text_url"}
        if unknown:
            raise ValidationError(
                _("Unknown keys in the new statute version: %(keys)s")
                % {"keys": ", ".join(sorted(unknown))}
            )
        try:
            datetime.date.fromisoformat(str(new_statute.get("effective_from", "")))
        except ValueError:
            raise ValidationError(
                _("A statute change needs the day it takes effect (YYYY-MM-DD).")
            ) from None
        rules = new_statute.get("rules") or {}
        if not isinstance(rules, dict):
            raise ValidationError(_("The new version's rules must be a JSON object."))
        try:
            StatuteRules.from_dict(rules)
        except RulesError as exc:
            raise ValidationError(
                [_("Rules of the new statute: %(problem)s") % {"problem": p} for p in exc.problems]
            ) from exc


@transaction.atomic
def motion_create(
    *,
    actor: Actor,
    meeting: Meeting,
    kind: str = Motion.Kind.ORDINARY,
    proposer: Membership | None = None,
    agenda_item: AgendaItem | None = None,
    is_secret: bool = False,
    subject_membership: Membership | None = None,
    subject_mandate: Mandate | None = None,
    new_statute: dict[str, Any] | None = None,
    actor_label: str = "",
    **texts: str,
) -> Motion:
    """Put a motion to the meeting; its majority is the statute's for its kind.

    Motions may be tabled before the sitting opens; they are voted on once it is open.
    """
    require_manage(actor, meeting, proposer, agenda_item, subject_membership, subject_mandate)
    ensure_open(meeting)
    check_fields(texts, ("title", "text"), _("motion"))
    if kind not in Motion.Kind.values:
        raise ValidationError(_("Unknown kind of motion: %s") % kind)
    if proposer is not None and proposer.platform_id != meeting.platform_id:
        raise ValidationError(_("The proposer must be a member of this platform."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError(_("The agenda item belongs to another meeting."))
    _check_subject(meeting, kind, subject_membership, subject_mandate, new_statute)
    majority, abstentions = majority_for(meeting, kind)
    motion = Motion(
        meeting=meeting,
        kind=kind,
        proposer=proposer,
        agenda_item=agenda_item,
        is_secret=is_secret,
        majority=majority,
        abstentions_count_as_cast=abstentions,
        subject_membership=subject_membership,
        subject_mandate=subject_mandate,
        new_statute=new_statute,
        **texts,
    )
    motion.full_clean()
    motion.save()
    audit.record(
        "meetings.motion.created",
        actor=actor,
        actor_label=actor_label,
        target=motion,
        platform=meeting.platform,
        data={"after": audit.snapshot(motion)},
    )
    return motion


def _lock_open(motion: Motion) -> Motion:
    motion = (
        Motion.objects.select_for_update(of=("self",))
        .select_related("meeting__platform", "meeting__body")
        .get(pk=motion.pk)
    )
    ensure_open(motion.meeting)
    if motion.status != Motion.Status.OPEN:
        raise ValidationError(_("This motion is no longer open for voting."))
    return motion


@transaction.atomic
def votes_record(
    *,
    actor: Actor,
    motion: Motion,
    choices: dict[Membership, str],
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> list[Vote]:
    """Record (or correct) open votes per organisation. Proxies are marked.

    At a meeting, an organisation votes when its delegate is present, or by proxy when the
    delegate it gave its vote to is present. In a remote written vote, any member votes until
    the deadline. Only once the sitting is open.
    """
    require_manage(actor, motion, *choices)
    motion = _lock_open(motion)
    meeting = motion.meeting
    at = moment(at)
    ensure_sitting(meeting, at)
    if motion.is_secret:
        raise ValidationError(
            _("A secret vote is not recorded per organisation; enter the counted totals.")
        )
    if meeting.kind == Meeting.Kind.WRITTEN:
        if meeting.vote_deadline is not None and at > meeting.vote_deadline:
            raise ValidationError(_("The deadline for written votes has passed."))
        allowed = set(eligible_memberships(meeting).values_list("pk", flat=True))
        present, represented = allowed, {}
    else:
        now = quorum_now(meeting)
        present, represented = now.present_ids, now.represented_by
    problems, changes, votes = [], [], []
    for membership, choice in choices.items():
        if choice not in Vote.Choice.values:
            problems.append(_("Unknown vote: %s") % choice)
            continue
        if membership.pk not in present and membership.pk not in represented:
            problems.append(
                _("%(organisation)s is neither present nor represented.")
                % {"organisation": membership.organisation}
            )
            continue
        by_proxy = membership.pk in represented
        vote = Vote.objects.filter(motion=motion, membership=membership).first()
        before = vote.choice if vote else None
        if vote is None:
            vote = Vote(motion=motion, membership=membership)
        vote.choice, vote.by_proxy, vote.cast_at = choice, by_proxy, at
        votes.append(vote)
        if before != choice:
            changes.append(
                {
                    "organisation": membership.organisation,
                    "before": before,
                    "after": choice,
                    "by_proxy": by_proxy,
                }
            )
    if problems:
        raise ValidationError(problems)
    for vote in votes:
        vote.save()
    audit.record(
        "meetings.votes.recorded",
        actor=actor,
        actor_label=actor_label,
        target=motion,
        platform=meeting.platform,
        data={"changes": changes, "at": at},
    )
    return votes


@transaction.atomic
def motion_decide(
    *,
    actor: Actor,
    motion: Motion,
    totals: tuple[int, int, int] | None = None,
    at: datetime.datetime | None = None,
    carry_out: bool = True,
    is_public: bool = True,
    actor_label: str = "",
) -> Motion:
    """Close the vote and judge it by the statute's rule; refused when the quorum is missing.

    ``totals`` (for, against, abstain) are entered for a secret vote, and for an open vote taken
    by a show of hands (when no vote was recorded per organisation); otherwise open votes are
    counted from the record. Only once the sitting is open, and never at a time still to come.
    An adopted motion becomes a numbered decision, whose effects are carried out unless
    ``carry_out`` is False.
    """
    require_manage(actor, motion)
    motion = _lock_open(motion)
    if motion.on_the_floor:
        raise ValidationError(
            _(
                "This motion is on the floor: the vote is closed from the floor "
                "(“Close the vote and decide” on the meeting's page)."
            )
        )
    meeting = motion.meeting
    at = moment(at)
    ensure_sitting(meeting, at)
    votes = list(motion.votes.values_list("choice", flat=True))
    if totals is not None and (
        len(totals) != 3 or any(not isinstance(n, int) or n < 0 for n in totals)
    ):
        raise ValidationError(_("Enter three counts (for, against, abstentions), none negative."))
    if motion.is_secret:
        if totals is None:
            raise ValidationError(_("Enter the counted totals of the secret vote."))
        tally, method = Tally(*totals), "secret"
    elif totals is not None:
        if votes:
            raise ValidationError(
                _(
                    "Votes were recorded per organisation: the result is counted from them, "
                    "not from a show of hands."
                )
            )
        tally, method = Tally(*totals), "show_of_hands"
    else:
        tally, method = (
            Tally(votes.count("for"), votes.count("against"), votes.count("abstain")),
            "roll_call",
        )
    now = quorum_now(meeting)
    in_person = meeting.kind != Meeting.Kind.WRITTEN
    if totals is not None and in_person and tally.voted > now.state.counted:
        raise ValidationError(
            _(
                "These totals are impossible: %(voted)s votes counted, but only %(counted)s "
                "organisations are present or represented."
            )
            % {"voted": tally.voted, "counted": now.state.counted}
        )
    present = max(now.state.counted, tally.voted)
    if meeting.kind == Meeting.Kind.WRITTEN:
        present = max(present, tally.voted)
    try:
        result = decide(
            motion.majority,
            tally,
            members=now.state.members,
            present=min(present, now.state.members),
            abstentions_count_as_cast=motion.abstentions_count_as_cast,
            quorum_met=now.state.met,
        )
    except NoQuorum:
        raise ValidationError(
            _(
                "No result without quorum: %(counted)s of %(members)s members present or "
                "represented, %(required)s required."
            )
            % {
                "counted": now.state.counted,
                "members": now.state.members,
                "required": now.state.required,
            }
        ) from None
    except ValueError as exc:
        raise ValidationError(_("These totals are impossible: %s") % exc) from None
    motion.status = Motion.Status.DECIDED
    motion.decided_at = at
    motion.adopted = result.adopted
    motion.votes_for, motion.votes_against, motion.votes_abstain = (
        tally.for_,
        tally.against,
        tally.abstain,
    )
    motion.votes_cast = result.cast
    motion.members_count = now.state.members
    motion.present_count = min(present, now.state.members)
    motion.basis_count = result.basis_count
    motion.votes_needed = result.needed
    motion.save()
    audit.record(
        "meetings.motion.decided",
        actor=actor,
        actor_label=actor_label,
        target=motion,
        platform=meeting.platform,
        data={
            "adopted": result.adopted,
            "explanation": explain_motion(motion),
            "for": tally.for_,
            "against": tally.against,
            "abstain": tally.abstain,
            "needed": result.needed,
            "majority": motion.majority,
            "method": method,
        },
    )
    if result.adopted:
        decision = decision_register(
            actor=actor, motion=motion, is_public=is_public, actor_label=actor_label
        )
        if carry_out:
            decision_carry_out(actor=actor, decision=decision, actor_label=actor_label)
    return motion


@transaction.atomic
def decision_register(
    *, actor: Actor, motion: Motion, is_public: bool = True, actor_label: str = ""
) -> Decision:
    """Enter an adopted motion in its body's register with the next number of the year.

    The decision is dated the sitting's day (its day in the meeting's time zone), never a day
    still to come; a remote written vote's decision is dated the day the vote was closed.
    """
    require_manage(actor, motion)
    if not motion.adopted:
        raise ValidationError(_("Only an adopted motion becomes a decision."))
    if Decision.objects.filter(motion=motion).exists():
        raise ValidationError(_("This motion is already in the register."))
    meeting = motion.meeting
    body = Body.objects.select_for_update().get(pk=meeting.body_id)
    assert motion.decided_at is not None  # an adopted motion was decided
    decided_on = motion.decided_at.astimezone(meeting.tz).date()
    if meeting.kind != Meeting.Kind.WRITTEN:
        decided_on = min(meeting.date, decided_on)
    year = decided_on.year
    last = Decision.objects.filter(body=body, year=year).aggregate(n=Max("number"))["n"] or 0
    number = last + 1
    texts = {}
    for lang in languages.codes():
        texts[f"title_{lang}"] = getattr(motion, f"title_{lang}") or ""
        texts[f"text_{lang}"] = getattr(motion, f"text_{lang}") or ""
    decision = Decision.objects.create(
        platform=meeting.platform,
        body=body,
        meeting=meeting,
        motion=motion,
        year=year,
        number=number,
        reference=f"{decision_prefix(body)}-{year}-{number:02d}",
        decided_on=decided_on,
        is_public=is_public,
        **texts,
    )
    audit.record(
        "meetings.decision.registered",
        actor=actor,
        actor_label=actor_label,
        target=decision,
        data={"after": audit.snapshot(decision)},
    )
    return decision


@transaction.atomic
def decision_carry_out(*, actor: Actor, decision: Decision, actor_label: str = "") -> Decision:
    """Carry out what the decision decides, through the owning app's services."""
    require_manage(actor, decision)
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("motion__subject_membership", "motion__subject_mandate", "body", "platform")
        .get(pk=decision.pk)
    )
    if decision.effects_carried_out_at:
        raise ValidationError(_("The effects of this decision have already been carried out."))
    motion = decision.motion
    effects: list[dict[str, Any]] = []
    application = (
        getattr(motion.subject_membership, "application", None)
        if motion is not None and motion.kind == Motion.Kind.ADMISSION
        else None
    )
    if motion is not None and application is not None:
        # An applicant admitted by a meeting's vote: the application records the decision,
        # the organisation joins its chosen working groups and is told (members' service).
        member_services.application_decide(
            application=application,
            admit=True,
            decided_on=decision.decided_on,
            decided_by=decision.body.kind,
            decision_reference=decision.reference,
            reasons=motion.title,
            actor=actor,
        )
        membership = application.membership
        membership.refresh_from_db()
        effects.append(
            {
                "membership": membership.pk,
                "organisation": str(membership.organisation),
                "status": membership.status,
            }
        )
    elif motion is not None and motion.kind in MEMBER_EFFECTS:
        assert motion.subject_membership is not None  # checked when the motion was made
        membership = member_services.membership_transition(
            membership=motion.subject_membership,
            to_status=MEMBER_EFFECTS[motion.kind],
            effective_on=decision.decided_on,
            decided_by=str(decision.body),
            decision_reference=decision.reference,
            reason=motion.title,
            actor=actor,
            actor_label=actor_label,
        )
        effects.append(
            {
                "membership": membership.pk,
                "organisation": str(membership.organisation),
                "status": membership.status,
            }
        )
    elif motion is not None and motion.kind == Motion.Kind.NO_CONFIDENCE:
        assert motion.subject_mandate is not None  # checked when the motion was made
        mandate = governance_services.mandate_end(
            mandate=motion.subject_mandate,
            ended_on=decision.decided_on,
            reason="no_confidence",
            actor=actor,
            actor_label=actor_label,
        )
        effects.append(
            {"mandate": mandate.pk, "holder": str(mandate), "ended_on": str(decision.decided_on)}
        )
    elif motion is not None and motion.kind == Motion.Kind.STATUTE_CHANGE:
        spec = motion.new_statute
        assert spec is not None  # checked when the motion was made
        statute = core_services.statute_adopt(
            platform=decision.platform,
            title=spec["title"],
            effective_from=datetime.date.fromisoformat(spec["effective_from"]),
            rules=spec.get("rules") or {},
            adopted_by=f"{decision.body}, {decision.reference}",
            text_url=spec.get("text_url", ""),
            actor=actor,
            actor_label=actor_label,
        )
        effects.append({"statute": statute.pk, "title": statute.title, "version": statute.version})
    decision.effects = effects
    decision.effects_carried_out_at = timezone.now()
    decision.save(update_fields=["effects", "effects_carried_out_at", "updated_at"])
    audit.record(
        "meetings.decision.carried_out",
        actor=actor,
        actor_label=actor_label,
        target=decision,
        data={"effects": decision.effects},
    )
    return decision


@transaction.atomic
def decision_set_public(
    *, actor: Actor, decision: Decision, is_public: bool, actor_label: str = ""
) -> Decision:
    require_manage(actor, decision)
    if decision.is_public == is_public:
        return decision
    decision.is_public = is_public
    decision.save(update_fields=["is_public", "updated_at"])
    audit.record(
        "meetings.decision.visibility_changed",
        actor=actor,
        actor_label=actor_label,
        target=decision,
        data={"before": not is_public, "after": is_public},
    )
    return decision
