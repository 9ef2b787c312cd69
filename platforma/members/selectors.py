"""Reads of the member registry.

``members_in_good_standing`` is the one definition of good standing, used everywhere.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language

from platforma.core import languages
from platforma.core.models import Platform, today_in

from .models import Membership, MembershipChange


def status_on(on: datetime.date) -> Subquery:
    """A membership's status on a day, read from its history (latest change on or before it)."""
    return Subquery(
        MembershipChange.objects.filter(membership=OuterRef("pk"), effective_on__lte=on)
        .order_by("-effective_on", "-id")
        .values("to_status")[:1]
    )


def text_match(query: str) -> tuple[str, str]:
    """A case-insensitive "contains" lookup that also folds Cyrillic and Azerbaijani letters.

    SQLite's LIKE folds ASCII letters only ("зелёный" would not find "Зелёный"); its REGEXP
    is Python's ``re``, which folds every script. PostgreSQL's ``icontains`` folds them all.
    """
    if connection.vendor == "sqlite":
        return "iregex", re.escape(query)
    return "icontains", query


def members_in_good_standing(
    platform: Platform, on: datetime.date | None = None
) -> QuerySet[Membership]:
    """Memberships admitted and not suspended, withdrawn or expelled on ``on`` (default: today)."""
    on = on or today_in(platform)
    return (
        Membership.objects.filter(platform=platform)
        .annotate(status_then=status_on(on))
        .filter(status_then=Membership.Status.ADMITTED)
    )


def member_counts(platforms: Iterable[Platform]) -> dict[int, int]:
    """Members in good standing today, per platform id: one query per distinct "today".

    Each platform's day is its own (time zones); an installation's platforms share a few zones,
    so the count of queries follows the zones, not the platforms.
    """
    by_day: dict[datetime.date, list[int]] = {}
    for platform in platforms:
        by_day.setdefault(today_in(platform), []).append(platform.pk)
    counts: dict[int, int] = {}
    for day, ids in by_day.items():
        rows = (
            Membership.objects.filter(platform__in=ids)
            .annotate(status_then=status_on(day))
            .filter(status_then=Membership.Status.ADMITTED)
            .values("platform")
            .annotate(n=Count("pk"))
            .values_list("platform", "n")
        )
        counts.update(dict.fromkeys(ids, 0))
        counts.update(dict(rows))
    return counts


def member_directory(
    platform: Platform, *, working_group=None, query: str = "", city: str = ""
) -> QuerySet[Membership]:
    """The public directory: members in good standing, optionally by WG, city or name."""
    members = members_in_good_standing(platform).select_related("organisation")
    if city:
        members = members.filter(
            Q(organisation__city_en=city)
            | Q(organisation__city_az=city)
            | Q(organisation__city_ru=city)
        )
    if working_group is not None:
        members = members.filter(
            enrolments__working_group=working_group, enrolments__until__isnull=True
        )
    query = query.strip()
    if query:
        # Match every translation of the names, so a visitor finds an organisation by the name
        # they know whatever language the page is in.
        lookup, value = text_match(query)
        condition = Q(**{f"organisation__acronym__{lookup}": value})
        for lang in languages.codes():
            condition |= Q(**{f"organisation__legal_name_{lang}__{lookup}": value})
            condition |= Q(**{f"organisation__short_name_{lang}__{lookup}": value})
        members = members.filter(condition)
    language = get_language() or "en"
    # Short names sort by what distinguishes organisations, not by their legal form.
    return members.distinct().order_by(
        f"organisation__short_name_{language}", f"organisation__legal_name_{language}"
    )


def directory_cities(platform: Platform) -> list[str]:
    """The cities of the members in good standing, in the active language, for the filter."""
    language = get_language() or "en"
    names = members_in_good_standing(platform).values_list(
        f"organisation__city_{language}", "organisation__city"
    )
    return sorted({local or original for local, original in names if local or original})
