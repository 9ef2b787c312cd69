"""Reads of platforms and statutes."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.http import Http404

from .models import AuditEntry, Platform, Statute
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


def the_forum() -> Platform | None:
    """The Forum's own row (statute, bodies, working groups, direct members), if set up."""
    forum: Platform | None = Platform.objects.filter(is_forum=True).first()
    return forum


def platform_for_public(slug: str) -> Platform:
    """A platform by its slug for the public website (every platform is public), or 404.

    The slug ``forum`` gives the Forum's own row where its pages are a platform's (its
    elections, meetings, activities); the Forum's own pages live in ``platforma.forum``."""
    try:
        return Platform.objects.get(slug=slug)
    except Platform.DoesNotExist:
        raise Http404("No such platform") from None


class AuditHead(NamedTuple):
    length: int  # entries in the chain (the last one's number)
    head: str  # the last entry's hash
    at: datetime.datetime  # when it was written


def audit_head(platform: Platform | None) -> AuditHead | None:
    """Where a platform's audit chain ends (``None``: the Forum's), read from its last entry
    (one query); None while the chain is empty. ``verify_audit`` checks what leads to it."""
    entries = (
        AuditEntry.objects.filter(forum=True, platform__isnull=True)
        if platform is None or platform.is_forum
        else AuditEntry.objects.filter(platform=platform)
    )
    last = entries.order_by("-seq").values_list("seq", "hash", "at").first()
    return AuditHead(*last) if last else None
