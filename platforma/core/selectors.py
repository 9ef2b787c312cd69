"""Reads of platforms and statutes."""

from __future__ import annotations

import datetime

from django.http import Http404

from .models import Platform, Statute
from .statute_rules import StatuteRules


def statute_in_force(platform: Platform, on: datetime.date) -> Statute | None:
    """The version of the platform's statute that governs on ``on`` (None before the first)."""
    return (
        Statute.objects.filter(platform=platform, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )


def rules_in_force(platform: Platform, on: datetime.date) -> StatuteRules:
    """The rules in force on ``on``; before any statute, the defaults of ``StatuteRules``."""
    statute = statute_in_force(platform, on)
    return statute.parsed_rules if statute else StatuteRules()


def platform_for_public(slug: str) -> Platform:
    """A platform by its slug for the public website (every platform is public), or 404."""
    try:
        return Platform.objects.get(slug=slug)
    except Platform.DoesNotExist:
        raise Http404("No such platform") from None
