"""Nominations: put forward, seconded, accepted or declined; eligibility enforced with reasons."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Person, today_in
from platforma.core.services import person_create
from platforma.core.tenancy import require_manage, scoped
from platforma.core.types import Actor
from platforma.members.models import Membership, Organisation, Representative
from platforma.members.services import representative_assign

from .. import selectors as sel
from ..models import Election, Nomination, Seconder
from ..permissions import can_answer_nomination, can_run_elections


def _nominations_open(election: Election) -> None:
    if not election.accepts_nominations:
        raise ValidationError(_("Nominations are not open in this election."))
    now = timezone.now()
    if election.nominations_open_at and now < election.nominations_open_at:
        raise ValidationError(_("Nominations have not opened yet."))
    if election.nominations_close_at and now >= election.nominations_close_at:
        raise ValidationError(_("Nominations have closed."))


def _speaks_for(actor: Actor, organisation: Organisation) -> bool:
    return sel.primary_organisations(actor).filter(pk=organisation.pk).exists()


NEW_PERSON_FIELDS = {"first_name", "last_name", "email"}


@transaction.atomic
def nomination_create(
    *,
    actor: Actor,
    election: Election,
    organisation: Organisation,
    person: Person | None = None,
    new_person: dict[str, Any] | None = None,
    nominated_by: Organisation | None = None,
    actor_label: str = "",
) -> Nomination:
    """Nominate ``person`` (of ``organisation``); ``nominated_by`` None is a self-nomination.

    The secretariat records any nomination; otherwise the nominating organisation's primary
    representative nominates, or the candidate nominates themself.

    A candidate who is not in the registry yet comes as ``new_person`` (first name, last name,
    e-mail; secretariat only): the person is created (``core.services.person_create``) and
    becomes an alternate representative of ``organisation`` from today, since a candidate
    represents their organisation; then every check runs as for anyone. A refusal writes
    nothing, the new person included.
    """
    if (person is None) == (new_person is None):
        raise ValidationError(_("Choose the candidate or give the new candidate's name."))
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform", "office")
        .get(pk=election.pk)
    )
    office = actor is None or can_run_elections(actor, election.platform)
    if office:
        require_manage(actor, election, organisation, nominated_by, person)
    elif new_person is not None:
        raise ValidationError(_("Only the secretariat adds a candidate to the registry."))
    _nominations_open(election)
    if not office:
        allowed = (
            _speaks_for(actor, nominated_by)
            if nominated_by is not None
            else person is not None and actor is not None and person.user_id == actor.pk
        )
        if not allowed:
            raise ValidationError(_("You may not make this nomination."))
    if nominated_by is not None:
        standing = sel.standing_in(election, sel.local_date(election.platform, timezone.now()))
        if not standing.filter(organisation=nominated_by).exists():
            raise ValidationError(
                _("%(organisation)s is not a member in good standing and cannot nominate.")
                % {"organisation": nominated_by}
            )
    if new_person is not None:
        person = _new_candidate(actor, election, organisation, new_person, actor_label)
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
        data={"after": audit.snapshot(nomination), "new_person": new_person is not None},
    )
    return nomination


def _new_candidate(
    actor: Actor,
    election: Election,
    organisation: Organisation,
    fields: dict[str, Any],
    actor_label: str,
) -> Person:
    """A person new to the registry, made a representative of ``organisation``."""
    unknown = set(fields) - NEW_PERSON_FIELDS
    if unknown:
        raise ValidationError(_("Unknown person fields: %s") % ", ".join(sorted(unknown)))
    fields = {k: (v or "").strip() for k, v in fields.items()}
    if not fields.get("first_name") or not fields.get("last_name"):
        raise ValidationError(_("Give the new candidate's first and last name."))
    platform = election.platform
    if not Membership.objects.filter(platform=platform, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s is not a member of %(platform)s.")
            % {"organisation": organisation, "platform": platform}
        )
    email = fields.get("email", "")
    if email:
        known = scoped(Person.objects.filter(email__iexact=email), platform).first()
        if known is not None:
            raise ValidationError(
                _(
                    "%(person)s is already in the registry with the e-mail %(email)s: choose "
                    "them in the list of candidates."
                )
                % {"person": known, "email": email}
            )
    person = person_create(actor=actor, platform=platform, actor_label=actor_label, **fields)
    representative_assign(
        actor=actor,
        organisation=organisation,
        person=person,
        role=Representative.Role.ALTERNATE,
        since=today_in(platform),
        actor_label=actor_label,
    )
    return person


@transaction.atomic
def nomination_answer(
    *, actor: Actor, nomination: Nomination, accept: bool, actor_label: str = ""
) -> Nomination:
    """The candidate accepts or declines (the secretariat may record their written answer)."""
    nomination = Nomination.objects.select_related("election__platform", "person").get(
        pk=nomination.pk
    )
    if actor is not None and not can_answer_nomination(actor, nomination):
        raise ValidationError(_("Only the candidate may answer this nomination."))
    if actor is not None and nomination.person.user_id != actor.pk:
        require_manage(actor, nomination)  # the secretariat records the candidate's answer
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
    *, actor: Actor, nomination: Nomination, organisation: Organisation, actor_label: str = ""
) -> Seconder:
    """A member organisation seconds a nomination (its primary representative, or the office)."""
    election = nomination.election
    _nominations_open(election)
    if actor is None or can_run_elections(actor, election.platform):
        require_manage(actor, nomination, organisation)
    elif not _speaks_for(actor, organisation):
        raise ValidationError(_("You may not second for this organisation."))
    if nomination.acceptance == Nomination.Acceptance.DECLINED:
        raise ValidationError(_("The candidate has declined this nomination."))
    if organisation.pk in (nomination.organisation_id, nomination.nominated_by_id):
        raise ValidationError(_("The candidate's or the nominating organisation cannot second."))
    if (
        not sel.is_eligible_voter(election, organisation)
        and not sel.standing_in(election, sel.local_date(election.platform, timezone.now()))
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
