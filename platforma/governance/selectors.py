"""Reads of offices and mandates: who holds what on a given day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from platforma.core.models import Platform
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import COUNTRY_FACILITATORS, StatuteRules
from platforma.members.models import Membership
from platforma.members.selectors import members_in_good_standing, status_on

from .models import Body, Mandate, Office


def mandates_in_force(platform: Platform, on: datetime.date) -> QuerySet[Mandate]:
    return (
        Mandate.objects.filter(office__platform=platform, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("office", "office__working_group", "person", "organisation")
    )


def board_of_governance(platform: Platform, on: datetime.date) -> list[Mandate]:
    """The Board as the statute in force composes it from the mandates in force (never typed)."""
    kinds = rules_in_force(platform, on).board_composition
    order = Case(
        *[When(office__kind=kind, then=Value(i)) for i, kind in enumerate(kinds)],
        output_field=IntegerField(),
    )
    return list(
        mandates_in_force(platform, on)
        .filter(office__kind__in=kinds)
        .annotate(kind_order=order)
        .order_by("kind_order", "office__working_group__position", "office__name")
    )


def country_facilitator(platform: Platform, on: datetime.date) -> Mandate | None:
    """The platform coordinator on ``on``: the Country Facilitator in the Forum's eyes."""
    return (
        mandates_in_force(platform, on)
        .filter(office__kind=Office.Kind.PLATFORM_COORDINATOR)
        .order_by("-starts_on")
        .first()
    )


def coordinators_by_working_group(
    platform: Platform, on: datetime.date
) -> dict[int, list[Mandate]]:
    result: dict[int, list[Mandate]] = {}
    for mandate in mandates_in_force(platform, on).filter(office__working_group__isnull=False):
        group_id = mandate.office.working_group_id
        assert group_id is not None  # filtered above
        result.setdefault(group_id, []).append(mandate)
    return result


@dataclass(frozen=True)
class CommitteeSeat:
    """One member of the Forum's Steering Committee on a day, and why they sit in it."""

    mandate: Mandate
    part: str  # "country_facilitators" or the kind of the Forum office they hold

    @property
    def platform(self) -> Platform:
        return self.mandate.office.platform


def steering_committee(
    on: datetime.date, *, forum: Platform | None = None, rules: StatuteRules | None = None
) -> list[CommitteeSeat]:
    """The Steering Committee on ``on``, derived, never typed: the composition rule of the
    Forum's statute in force applied to the mandates in force that day, in the rule's order
    (Country Facilitators by platform name, Forum offices by working group). Two queries
    after the statute's; empty when there is no Forum or its statute names no composition."""
    forum = forum or Platform.objects.forum()
    if forum is None:
        return []
    parts = (rules or rules_in_force(forum, on)).steering_committee
    if not parts:
        return []
    kinds = [part for part in parts if part != COUNTRY_FACILITATORS]
    wanted = Q(office__platform=forum, office__kind__in=kinds)
    if COUNTRY_FACILITATORS in parts:
        wanted |= Q(office__platform__is_forum=False, office__kind=Office.Kind.PLATFORM_COORDINATOR)
    mandates = (
        Mandate.objects.filter(wanted, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related(
            "office__platform", "office__working_group__forum_group", "person", "organisation"
        )
        .order_by("office__platform__name", "office__working_group__position", "office__name")
    )
    seats = [
        CommitteeSeat(
            mandate=m,
            part=COUNTRY_FACILITATORS if not m.office.platform.is_forum else m.office.kind,
        )
        for m in mandates
    ]
    order = {part: i for i, part in enumerate(parts)}
    return sorted(seats, key=lambda seat: order[seat.part])  # stable: keeps the names' order


def forum_members(on: datetime.date) -> QuerySet[Membership]:
    """The Forum's members on ``on``: every platform's members in good standing and the
    Forum's direct ones (an organisation in two platforms comes twice)."""
    return Membership.objects.annotate(status_then=status_on(on)).filter(
        status_then=Membership.Status.ADMITTED
    )


def standing_for_office(platform: Platform, on: datetime.date) -> QuerySet[Membership]:
    """Whose people may hold ``platform``'s offices on ``on``: its members in good standing;
    the Forum's offices, the Forum's members."""
    return forum_members(on) if platform.is_forum else members_in_good_standing(platform, on)


def committee_memberships(on: datetime.date) -> QuerySet[Membership]:
    """The Steering Committee as voters: one membership in good standing on ``on`` for each
    organisation whose person holds a Committee seat that day (a Country Facilitator's in
    their platform, an EU-side member's in the Forum's row). One vote per organisation, as in
    every body; a seat held without an organisation has no vote here."""
    organisations = {
        seat.mandate.organisation_id
        for seat in steering_committee(on)
        if seat.mandate.organisation_id is not None
    }
    one_each: dict[int, int] = {}
    standing = (
        Membership.objects.filter(organisation__in=organisations)
        .annotate(status_then=status_on(on))
        .filter(status_then=Membership.Status.ADMITTED)
        .order_by("platform__is_forum", "pk")
        .values_list("organisation", "pk")
    )
    for organisation, pk in standing:
        one_each.setdefault(organisation, pk)
    return Membership.objects.filter(pk__in=one_each.values())


def body_electorate(body: Body, platform: Platform, on: datetime.date) -> QuerySet[Membership]:
    """Who votes in ``body`` on ``on`` (elections: the day voting opens): the Forum's Steering
    Committee its members' organisations; any platform's body, its members in good standing.
    Reads ``body.kind`` only for the Forum's row, so a platform's callers pay no query."""
    if platform.is_forum and body.kind == Body.Kind.STEERING_COMMITTEE:
        return committee_memberships(on)
    return members_in_good_standing(platform, on)


def bodies(platform: Platform) -> QuerySet[Body]:
    return Body.objects.filter(platform=platform).order_by("kind")
