"""Reads of working groups for the website."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from platforma.core.models import Platform

from .models import WorkingGroup


def working_groups_with_counts(platform: Platform) -> QuerySet[WorkingGroup]:
    """The platform's top-level WGs with their current member count and sub-groups."""
    return (
        WorkingGroup.objects.filter(platform=platform, parent__isnull=True)
        .select_related("forum_group")
        .prefetch_related("subgroups")
        .annotate(
            member_count=Count(
                "enrolments",
                filter=Q(enrolments__until__isnull=True, enrolments__membership__status="admitted"),
                distinct=True,
            )
        )
        .order_by("position", "slug")
    )
