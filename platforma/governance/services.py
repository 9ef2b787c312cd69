"""Writes to bodies, offices and mandates. Each records one audit entry.

The checks a mandate must pass (membership in good standing, free seats, term limits, how many
coordinator posts one organisation may hold) come from the statute in force on its first day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit, languages
from platforma.core.models import Person, Platform, today_in
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import StatuteRules
from platforma.core.tenancy import platforms_of, require_manage
from platforma.core.types import Actor
from platforma.members.models import Organisation
from platforma.workinggroups.models import WorkingGroup

from .models import Body, Mandate, Office
from .selectors import mandates_in_force, standing_for_office

COORDINATOR_KINDS = {
    Office.Kind.PLATFORM_COORDINATOR,
    Office.Kind.WG_COORDINATOR,
    Office.Kind.SUBGROUP_COORDINATOR,
}
_LANGS = languages.codes()


def _translated(fields: dict[str, Any], names: tuple[str, ...]) -> set[str]:
    return set(names) | {f"{n}_{lang}" for n in names for lang in _LANGS}


@transaction.atomic
def body_create(
    *, actor: Actor, platform: Platform, kind: str, actor_label: str = "", **fields: Any
) -> Body:
    require_manage(actor, platform)
    unknown = set(fields) - _translated(fields, ("name", "description"))
    if unknown:
        raise ValidationError(_("Unknown body fields: %s") % ", ".join(sorted(unknown)))
    body = Body(platform=platform, kind=kind, **fields)
    body.full_clean()
    body.save()
    audit.record(
        "governance.body.created",
        actor=actor,
        actor_label=actor_label,
        target=body,
        data={"after": audit.snapshot(body)},
    )
    return body


@transaction.atomic
def office_create(
    *,
    actor: Actor,
    platform: Platform,
    kind: str,
    body: Body | None = None,
    working_group: WorkingGroup | None = None,
    seats: int = 1,
    actor_label: str = "",
    **names: str,
) -> Office:
    require_manage(actor, platform, body, working_group)
    unknown = set(names) - _translated(names, ("name",))
    if unknown:
        raise ValidationError(_("Unknown office fields: %s") % ", ".join(sorted(unknown)))
    for related in (body, working_group):
        if related is not None and related.platform_id != platform.pk:
            raise ValidationError(_("An office's body and working group must be of its platform."))
    if kind == Office.Kind.WG_COORDINATOR and working_group is None:
        raise ValidationError(_("A working group coordinator's office needs its working group."))
    office = Office(
        platform=platform, kind=kind, body=body, working_group=working_group, seats=seats, **names
    )
    office.full_clean()
    office.save()
    audit.record(
        "governance.office.created",
        actor=actor,
        actor_label=actor_label,
        target=office,
        data={"after": audit.snapshot(office)},
    )
    return office


@dataclass(frozen=True)
class MandateFacts:
    """What the statute's checks on mandates in one office from one day read from the database,
    read once for any number of candidates (``mandate_facts``)."""

    office: Office
    starts_on: datetime.date
    rules: StatuteRules  # the statute in force on ``starts_on``
    standing: frozenset[int]  # the candidates' organisations in good standing that day
    holders: tuple[int, ...]  # the person of each mandate in force in the office that day
    coordinator_posts: dict[int, int]  # coordinator posts in force that day, by organisation
    earlier: dict[int, list[Mandate]]  # by person: earlier mandates in the office, latest first


def mandate_facts(
    *,
    office: Office,
    starts_on: datetime.date,
    persons: Iterable[Person | int],
    organisations: Iterable[Organisation | int],
) -> MandateFacts:
    """Read what ``mandate_problems_from`` needs for mandates in ``office`` from ``starts_on``
    of any of ``persons`` for any of ``organisations``, in five queries at most, whatever
    their number."""
    platform = office.platform
    person_ids = {getattr(person, "pk", person) for person in persons}
    organisation_ids = {getattr(org, "pk", org) for org in organisations}
    in_force = mandates_in_force(platform, starts_on)
    coordinator_posts: dict[int, int] = {}
    if office.kind in COORDINATOR_KINDS:
        coordinator_posts = dict(
            in_force.filter(organisation__in=organisation_ids, office__kind__in=COORDINATOR_KINDS)
            .order_by()
            .values_list("organisation")
            .annotate(held=Count("pk"))
        )
    earlier: dict[int, list[Mandate]] = {}
    for mandate in Mandate.objects.filter(
        office=office, person__in=person_ids, starts_on__lt=starts_on
    ).order_by("-starts_on"):
        earlier.setdefault(mandate.person_id, []).append(mandate)
    return MandateFacts(
        office=office,
        starts_on=starts_on,
        rules=rules_in_force(platform, starts_on),
        standing=frozenset(
            standing_for_office(platform, starts_on)
            .filter(organisation__in=organisation_ids)
            .values_list("organisation", flat=True)
        ),
        holders=tuple(in_force.filter(office=office).order_by().values_list("person", flat=True)),
        coordinator_posts=coordinator_posts,
        earlier=earlier,
    )


def mandate_problems_from(
    facts: MandateFacts, *, person: Person, organisation: Organisation
) -> list[str]:
    """Every reason the statute in force gives against this mandate (empty: eligible), from
    ``facts`` read for (at least) this person and organisation; no query."""
    office, starts_on, rules = facts.office, facts.starts_on, facts.rules
    problems: list[str] = []

    if organisation.pk not in facts.standing:
        problems.append(
            _("%(organisation)s is not a member in good standing on %(date)s.")
            % {"organisation": organisation, "date": date_format(starts_on)}
        )

    if len(facts.holders) >= office.seats:
        problems.append(_("Every seat of this office is filled on that day."))
    if person.pk in facts.holders:
        problems.append(_("%(person)s already holds this office on that day.") % {"person": person})

    limit = rules.max_coordinator_posts_per_organisation
    if office.kind in COORDINATOR_KINDS:
        held = facts.coordinator_posts.get(organisation.pk, 0)
        if held >= limit:
            problems.append(
                ngettext(
                    "%(organisation)s already holds %(held)d coordinator post; the statute "
                    "allows %(limit)d per organisation.",
                    "%(organisation)s already holds %(held)d coordinator posts; the statute "
                    "allows %(limit)d per organisation.",
                    held,
                )
                % {"organisation": organisation, "held": held, "limit": limit}
            )

    office_rule = rules.office(office.kind)
    earlier = facts.earlier.get(person.pk, [])
    if office_rule.max_total_terms is not None and len(earlier) >= office_rule.max_total_terms:
        problems.append(
            ngettext(
                "%(person)s has already served %(count)d term in this office; the limit is "
                "%(limit)d.",
                "%(person)s has already served %(count)d terms in this office; the limit is "
                "%(limit)d.",
                len(earlier),
            )
            % {"person": person, "count": len(earlier), "limit": office_rule.max_total_terms}
        )
    if office_rule.max_consecutive_terms is not None:
        consecutive, next_start = 0, starts_on
        for mandate in earlier:
            # Terms are consecutive when the next one starts within a day of the earlier's end.
            if mandate.ends_on is None or (next_start - mandate.ends_on).days > 1:
                break
            consecutive += 1
            next_start = mandate.starts_on
        if consecutive >= office_rule.max_consecutive_terms:
            problems.append(
                ngettext(
                    "%(person)s has served %(count)d consecutive term in this office; the limit "
                    "is %(limit)d.",
                    "%(person)s has served %(count)d consecutive terms in this office; the limit "
                    "is %(limit)d.",
                    consecutive,
                )
                % {
                    "person": person,
                    "count": consecutive,
                    "limit": office_rule.max_consecutive_terms,
                }
            )
    return problems


def mandate_problems(
    *, office: Office, person: Person, organisation: Organisation, starts_on: datetime.date
) -> list[str]:
    """Every reason the statute in force gives against this mandate (empty: eligible)."""
    facts = mandate_facts(
        office=office, starts_on=starts_on, persons=[person], organisations=[organisation]
    )
    return mandate_problems_from(facts, person=person, organisation=organisation)


@transaction.atomic
def mandate_start(
    *,
    actor: Actor,
    office: Office,
    person: Person,
    organisation: Organisation,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    decision_reference: str = "",
    actor_label: str = "",
) -> Mandate:
    """Give ``person`` (of ``organisation``) the office from ``starts_on`` for one term."""
    require_manage(actor, office, organisation)
    if platforms_of(person):  # someone new to every platform (a new candidate) may be given one
        require_manage(actor, person)
    # Lock the office so two concurrent appointments cannot both take the last seat.
    office = Office.objects.select_for_update().select_related("platform").get(pk=office.pk)
    problems = mandate_problems(
        office=office, person=person, organisation=organisation, starts_on=starts_on
    )
    if problems:
        raise ValidationError(problems)
    if ends_on is None:
        term = rules_in_force(office.platform, starts_on).office(office.kind).term_years
        try:
            ends_on = starts_on.replace(year=starts_on.year + term) - datetime.timedelta(days=1)
        except ValueError:  # 29 February
            ends_on = starts_on.replace(year=starts_on.year + term, day=28)
    mandate = Mandate(
        office=office,
        person=person,
        organisation=organisation,
        starts_on=starts_on,
        ends_on=ends_on,
        decision_reference=decision_reference,
    )
    mandate.full_clean()
    mandate.save()
    audit.record(
        "governance.mandate.started",
        actor=actor,
        actor_label=actor_label,
        target=mandate,
        platform=office.platform,
        data={"after": audit.snapshot(mandate)},
    )
    return mandate


@transaction.atomic
def mandate_end(
    *,
    actor: Actor,
    mandate: Mandate,
    ended_on: datetime.date,
    reason: str,
    actor_label: str = "",
) -> Mandate:
    """End a mandate before its term (resignation, no confidence, loss of membership, ...)."""
    require_manage(actor, mandate)
    today = today_in(mandate.office.platform)
    if ended_on > today:
        raise ValidationError(
            _("A mandate cannot end on a day still to come (today is %(today)s).")
            % {"today": date_format(today)}
        )
    if reason not in Mandate.EndReason.values:
        raise ValidationError(_("Unknown reason for ending a mandate: %s") % reason)
    if mandate.ended_early:
        raise ValidationError(_("This mandate has already ended."))
    if ended_on < mandate.starts_on:
        raise ValidationError(_("A mandate cannot end before it started."))
    if mandate.ends_on and ended_on > mandate.ends_on:
        raise ValidationError(_("The mandate's term ends earlier than that day."))
    before = audit.snapshot(mandate)
    mandate.ends_on = ended_on
    mandate.ended_early = True
    mandate.end_reason = reason
    mandate.save(update_fields=["ends_on", "ended_early", "end_reason", "updated_at"])
    audit.record(
        "governance.mandate.ended",
        actor=actor,
        actor_label=actor_label,
        target=mandate,
        platform=mandate.office.platform,
        data={"changes": audit.diff(before, audit.snapshot(mandate))},
    )
    return mandate
