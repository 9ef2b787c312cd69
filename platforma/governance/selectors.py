"""Reads of offices and mandates: who holds what on a given day."""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from platforma.core.models import Platform
from platforma.core.selectors import rules_in_force

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


def bodies(platform: Platform) -> QuerySet[Body]:
    return Body.objects.filter(platform=platform).order_by("kind")
