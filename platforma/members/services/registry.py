"""Writes to organisations, memberships and representatives. Each records one audit entry."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.models import Person, Platform, today_in
from platforma.core.permissions import is_forum_secretariat
from platforma.core.services import person_create, require_manage_wholly, update_audited
from platforma.core.tenancy import platforms_of, require_manage
from platforma.core.types import Actor

from ..models import Membership, MembershipChange, Organisation, Representative
from ..signals import effects_of, membership_changed

S = Membership.Status


def refuse_future(day: datetime.date, platform: Platform, what: str) -> None:
    """A decision or a status change happens on a day that has come, in the platform's zone."""
    if day > today_in(platform):
        raise ValidationError(
            _("%(what)s cannot be in the future (today is %(today)s in %(platform)s).")
            % {"what": what, "today": date_format(today_in(platform)), "platform": platform}
        )


# The membership state machine: which status may follow which.
TRANSITIONS: dict[str, set[str]] = {
    S.APPLIED: {S.UNDER_REVIEW},
    S.UNDER_REVIEW: {S.ADMITTED, S.REJECTED},
    S.ADMITTED: {S.SUSPENDED, S.WITHDRAWN, S.EXPELLED},
    S.SUSPENDED: {S.ADMITTED, S.EXPELLED},
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
    S.EXPELLED: set(),
}
ENDING_STATUSES = {S.REJECTED, S.WITHDRAWN, S.EXPELLED}
# Only an upheld appeal reopens a rejected application (it goes back to review) or undoes an
# expulsion (the member returns to the status it had: admitted, or suspended). An upheld appeal
# against a suspension is the ordinary suspended -> admitted.
APPEAL_TRANSITIONS: dict[str, set[str]] = {
    S.REJECTED: {S.UNDER_REVIEW},
    S.EXPELLED: {S.ADMITTED, S.SUSPENDED},
}

_LANGS = languages.codes()
ORGANISATION_FIELDS = {
    "legal_name",
    "short_name",
    "acronym",
    "registration_number",
    "registration_date",
    "city",
    "address",
    "website",
    "email",
    "phone",
    "fields_of_work",
    "description",
    "active_since",
    "public_email",
    "public_phone",
    "public_website",
    "public_address",
    "is_demo",
} | {
    f"{f}_{lang}"
    for f in ("legal_name", "short_name", "city", "address", "fields_of_work", "description")
    for lang in _LANGS
}


@transaction.atomic
def organisation_create(
    *, actor: Actor, platform: Platform, actor_label: str = "", **fields: Any
) -> Organisation:
    """Add an organisation to the registry for ``platform`` (it applies to it, is imported
    into it...): the entry is that platform's."""
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise ValidationError(_("Unknown organisation fields: %s") % ", ".join(sorted(unknown)))
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    audit.record(
        "members.organisation.created",
        actor=actor,
        actor_label=actor_label,
        target=organisation,
        platform=platform,
        data={"after": audit.snapshot(organisation)},
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: Actor, organisation: Organisation, actor_label: str = "", **changes: Any
) -> Organisation:
    """The secretariat's change to an organisation (of its platforms only: see
    ``require_manage_wholly``). A representative's changes go through
    ``organisation_profile_update`` and ``public_contacts_update``."""
    require_manage_wholly(actor, organisation)
    return organisation_change(
        actor=actor, organisation=organisation, actor_label=actor_label, **changes
    )


def organisation_change(
    *, actor: Actor, organisation: Organisation, actor_label: str = "", **changes: Any
) -> Organisation:
    """Apply and record ``changes``; the caller has checked who may make them."""
    return update_audited(
        organisation,
        changes,
        allowed=ORGANISATION_FIELDS,
        action="members.organisation.updated",
        actor=actor,
        actor_label=actor_label,
        home=audit.home_of(organisation),
    )


@transaction.atomic
def refuse_another_platforms_member(
    actor: Actor, organisation: Organisation, platform: Platform
) -> None:
    """A platform does not take in, by itself, an organisation that is a member elsewhere.

    People and organisations shared by two platforms are changed by the Forum's secretariat
    only (``require_manage_wholly``): were one platform free to admit or import another's
    member, it would lock that platform out of its own member's records. The Forum's
    secretariat (and the system) may.
    """
    if actor is None or is_forum_secretariat(actor):
        return
    elsewhere = platforms_of(organisation) - {platform.pk}
    if elsewhere:
        raise ValidationError(
            _(
                "%(organisation)s is a member of another platform; only the Forum's secretariat "
                "can make it a member of %(platform)s as well."
            )
            % {"organisation": organisation, "platform": platform}
        )


def _today_of(organisation: Organisation) -> datetime.date:
    """Today in the zone of a platform the organisation belongs to (its first membership's)."""
    membership = (
        Membership.objects.filter(organisation=organisation).select_related("platform").first()
    )
    return today_in(membership.platform) if membership else timezone.localdate()


@transaction.atomic
def membership_record_existing(
    *,
    actor: Actor,
    platform: Platform,
    organisation: Organisation,
    admitted_on: datetime.date,
    decided_by: str = "",
    decision_reference: str = "",
    actor_label: str = "",
) -> Membership:
    """Enter a member admitted before the platform used Platforma (history starts at admission)."""
    require_manage(actor, platform)
    refuse_future(admitted_on, platform, _("The date of admission"))
    refuse_another_platforms_member(actor, organisation, platform)
    if Membership.objects.filter(platform=platform, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s already has a membership record in %(platform)s.")
            % {"organisation": organisation, "platform": platform}
        )
    membership = Membership.objects.create(
        platform=platform, organisation=organisation, status=S.ADMITTED, admitted_on=admitted_on
    )
    MembershipChange.objects.create(
        membership=membership,
        from_status="",
        to_status=S.ADMITTED,
        effective_on=admitted_on,
        decided_by=decided_by,
        decision_reference=decision_reference,
    )
    effects = _announce_change(actor, membership, admitted_on)
    audit.record(
        "members.membership.recorded",
        actor=actor,
        actor_label=actor_label,
        target=membership,
        data={
            "status": S.ADMITTED,
            "admitted_on": admitted_on,
            "decided_by": decided_by,
            "effects": effects,
        },
    )
    return membership


def _announce_change(
    actor: Actor, membership: Membership, effective_on: datetime.date
) -> list[dict[str, Any]]:
    """Tell the apps above members (an open vote's roll, in elections) and gather the effects.

    Sent inside the caller's transaction: a receiver that fails undoes the change. The effects
    go into the change's one audit record rather than records of their own, so the log shows
    one membership change with all it caused (docs/architecture.md, "Layers").
    """
    return effects_of(
        membership_changed.send(
            sender=Membership, membership=membership, effective_on=effective_on, actor=actor
        )
    )


@transaction.atomic
def membership_transition(
    *,
    actor: Actor,
    membership: Membership,
    to_status: str,
    effective_on: datetime.date,
    decided_by: str = "",
    decision_reference: str = "",
    reason: str = "",
    actor_label: str = "",
    via_appeal: bool = False,
) -> Membership:
    """Move a membership along the state machine, keeping the change in its history."""
    require_manage(actor, membership)
    membership = (
        Membership.objects.select_for_update().select_related("platform").get(pk=membership.pk)
    )
    refuse_future(effective_on, membership.platform, _("The date of a status change"))
    from_status = membership.status
    allowed = set(TRANSITIONS.get(from_status, set()))
    if via_appeal:
        allowed |= APPEAL_TRANSITIONS.get(from_status, set())
    if to_status not in allowed:
        raise ValidationError(
            _("A membership cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": S(from_status).label,
                "to": S(to_status).label if to_status in S.values else to_status,
            }
        )
    last = membership.changes.order_by("-effective_on", "-id").first()
    if last and effective_on < last.effective_on:
        raise ValidationError(
            _("The change cannot take effect before the previous one (%(date)s).")
            % {"date": date_format(last.effective_on)}
        )
    if to_status == S.ADMITTED:
        refuse_another_platforms_member(actor, membership.organisation, membership.platform)
    membership.status = to_status
    if to_status == S.ADMITTED and membership.admitted_on is None:
        membership.admitted_on = effective_on
    if to_status in ENDING_STATUSES:
        membership.ended_on = effective_on
    elif via_appeal:
        membership.ended_on = None
    membership.save(update_fields=["status", "admitted_on", "ended_on", "updated_at"])
    MembershipChange.objects.create(
        membership=membership,
        from_status=from_status,
        to_status=to_status,
        effective_on=effective_on,
        decided_by=decided_by,
        decision_reference=decision_reference,
        reason=reason,
        via_appeal=via_appeal,
    )
    effects = _announce_change(actor, membership, effective_on)
    audit.record(
        f"members.membership.{to_status}",
        actor=actor,
        actor_label=actor_label,
        target=membership,
        data={
            "before": {"status": from_status},
            "after": {"status": to_status},
            "effective_on": effective_on,
            "decided_by": decided_by,
            "decision_reference": decision_reference,
            "reason": reason,
            "effects": effects,
            **({"via_appeal": True} if via_appeal else {}),
        },
    )
    return membership


@transaction.atomic
def representative_assign(
    *,
    actor: Actor,
    organisation: Organisation,
    person: Person,
    role: str = Representative.Role.PRIMARY,
    since: datetime.date | None = None,
    actor_label: str = "",
    platform: Platform | None = None,
) -> Representative:
    """Make ``person`` a representative; a new primary replaces the current one (who is ended).

    A representative speaks for the organisation in every platform it belongs to, so only the
    secretariat of all of them may name one (``require_manage_wholly``); the person must be new
    to every platform or one of the actor's own. The entry is ``platform``'s when the caller
    acts for one, else the organisation's platform's, or the Forum's if it has several.
    """
    require_manage_wholly(actor, organisation)
    if platforms_of(person):
        require_manage_wholly(actor, person)
    if role not in Representative.Role.values:
        raise ValidationError(_("Unknown representative role: %s") % role)
    current = Representative.objects.filter(organisation=organisation, until__isnull=True)
    if current.filter(person=person).exists():
        raise ValidationError(
            _("%(person)s already represents %(organisation)s.")
            % {"person": person, "organisation": organisation}
        )
    replaced = None
    if role == Representative.Role.PRIMARY:
        replaced = current.filter(role=Representative.Role.PRIMARY).first()
        if replaced:
            replaced.until = since or _today_of(organisation)
            replaced.save(update_fields=["until", "updated_at"])
    representative = Representative.objects.create(
        organisation=organisation, person=person, role=role, since=since
    )
    audit.record(
        "members.representative.assigned",
        actor=actor,
        actor_label=actor_label,
        target=representative,
        **audit.home_of(representative, platform),
        data={
            "organisation": organisation,
            "person": person,
            "role": role,
            "since": since,
            "replaced": replaced,
        },
    )
    return representative


@transaction.atomic
def representative_end(
    *, actor: Actor, representative: Representative, until: datetime.date, actor_label: str = ""
) -> Representative:
    """End a representation on ``until`` (the person no longer speaks for the organisation)."""
    require_manage_wholly(actor, representative.organisation)
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    if representative.until is not None:
        raise ValidationError(_("This representation has already ended."))
    if representative.since and until < representative.since:
        raise ValidationError(_("A representation cannot end before it started."))
    for membership in representative.organisation.memberships.select_related("platform"):
        refuse_future(until, membership.platform, _("The end of a representation"))
    representative.until = until
    representative.save(update_fields=["until", "updated_at"])
    audit.record(
        "members.representative.ended",
        actor=actor,
        actor_label=actor_label,
        target=representative,
        **audit.home_of(representative),
        data={"until": until},
    )
    return representative


@transaction.atomic
def representative_add(
    *,
    actor: Actor,
    platform: Platform,
    organisation: Organisation,
    role: str = Representative.Role.PRIMARY,
    since: datetime.date | None = None,
    actor_label: str = "",
    **person_fields: Any,
) -> Representative:
    """A person new to the registry, added as a representative of ``organisation`` at once
    (no account: accounts come from ``representative_invite``)."""
    require_manage(actor, platform)
    if not Membership.objects.filter(platform=platform, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s is not a member of %(platform)s.")
            % {"organisation": organisation, "platform": platform}
        )
    person = person_create(actor=actor, platform=platform, actor_label=actor_label, **person_fields)
    return representative_assign(
        actor=actor,
        organisation=organisation,
        person=person,
        role=role,
        since=since,
        actor_label=actor_label,
        platform=platform,
    )
