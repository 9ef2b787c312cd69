"""Nominations: put forward, seconded, accepted or declined; eligibility enforced with reasons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Person
from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing

from .. import selectors as sel
from ..models import Election, Nomination, Seconder
from ..permissions import can_answer_nomination, can_run_elections


def _nominations_open(election: Election) -> None:
    if election.state != Election.State.NOMINATIONS:
        raise ValidationError(_("Nominations are not open in this election."))
    now = timezone.now()
    if election.nominations_open_at and now < election.nominations_open_at:
        raise ValidationError(_("Nominations have not opened yet."))
    if election.nominations_close_at and now >= election.nominations_close_at:
        raise ValidationError(_("Nominations have closed."))


def _speaks_for(actor, organisation: Organisation) -> bool:
    return sel.primary_organisations(actor).filter(pk=organisation.pk).exists()


@transaction.atomic
def nomination_create(
    *,
    actor,
    election: Election,
    person: Person,
    organisation: Organisation,
    nominated_by: Organisation | None = None,
    actor_label: str = "",
) -> Nomination:
    """Nominate ``person`` (of ``organisation``); ``nominated_by`` None is a self-nomination.

    The secretariat records any nomination; otherwise the nominating organisation's primary
    representative nominates, or the candidate nominates themself.
    """
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform", "office")
        .get(pk=election.pk)
    )
    _nominations_open(election)
    if actor is not None and not can_run_elections(actor, election.platform):
        allowed = (
            _speaks_for(actor, nominated_by)
            if nominated_by is not None
            else person.user_id == actor.pk
        )
        if not allowed:
            raise ValidationError(_("You may not make this nomination."))
    if nominated_by is not None:
        standing = members_in_good_standing(
            election.platform, sel.local_date(election.platform, timezone.now())
        )
        if not standing.filter(organisation=nominated_by).exists():
            raise ValidationError(
                _("%(organisation)s is not a member in good standing and cannot nominate.")
                % {"organisation": nominated_by}
            )
    problems = sel.nomination_problems(election, person=person, organisation=organisation)
    if problems:
        raise ValidationError(problems)
    nomination = Nomination(
        election=election, person=person, organisation=organisation, nominated_by=nominated_by
    )
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise ValidationError(
            _("%(person)s is already nominated in this election.") % {"person": person}
        ) from None
    audit.record(
        "elections.nomination.created",
        actor=actor,
        actor_label=actor_label,
        target=nomination,
        platform=election.platform,
        data={"after": audit.snapshot(nomination)},
    )
    return nomination


@transaction.atomic
def nomination_answer(
    *, actor, nomination: Nomination, accept: bool, actor_label: str = ""
) -> Nomination:
    """The candidate accepts or declines (the secretariat may record their written answer)."""
    nomination = Nomination.objects.select_related("election__platform", "person").get(
        pk=nomination.pk
    )
    if actor is not None and not can_answer_nomination(actor, nomination):
        raise ValidationError(_("Only the candidate may answer this nomination."))
    if nomination.election.state != Election.State.NOMINATIONS:
        raise ValidationError(_("Nominations are not open in this election."))
    before = nomination.acceptance
    nomination.acceptance = (
        Nomination.Acceptance.ACCEPTED if accept else Nomination.Acceptance.DECLINED
    )
    nomination.accepted_at = timezone.now()
    nomination.save(update_fields=["acceptance", "accepted_at", "updated_at"])
    audit.record(
        "elections.nomination.answered",
        actor=actor,
        actor_label=actor_label,
        target=nomination,
        platform=nomination.election.platform,
        data={"acceptance": {"before": before, "after": nomination.acceptance}},
    )
    return nomination


@transaction.atomic
def nomination_second(
    *, actor, nomination: Nomination, organisation: Organisation, actor_label: str = ""
) -> Seconder:
    """A member organisation seconds a nomination (its primary representative, or the office)."""
    election = nomination.election
    _nominations_open(election)
    if actor is not None and not (
        can_run_elections(actor, election.platform) or _speaks_for(actor, organisation)
    ):
        raise ValidationError(_("You may not second for this organisation."))
    if nomination.acceptance == Nomination.Acceptance.DECLINED:
        raise ValidationError(_("The candidate has declined this nomination."))
    if organisation.pk in (nomination.organisation_id, nomination.nominated_by_id):
        raise ValidationError(_("The candidate's or the nominating organisation cannot second."))
    if (
        not sel.is_eligible_voter(election, organisation)
        and not members_in_good_standing(election.platform)
        .filter(organisation=organisation)
        .exists()
    ):
        raise ValidationError(
            _("%(organisation)s is not a member in good standing.") % {"organisation": organisation}
        )
    seconder, created = Seconder.objects.get_or_create(
        nomination=nomination, organisation=organisation
    )
    if not created:
        raise ValidationError(_("This organisation already seconds the nomination."))
    audit.record(
        "elections.nomination.seconded",
        actor=actor,
        actor_label=actor_label,
        target=nomination,
        platform=election.platform,
        data={"seconder": organisation},
    )
    return seconder
