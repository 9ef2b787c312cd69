"""What the home pages show of a platform's life: its next events, latest publications and
latest decisions, read through each app's public selectors (nothing unpublished, no draft, no
internal decision), a few rows each, one query each whatever the number of rows."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from platforma.activities.models import Event
from platforma.activities.selectors import events_visible
from platforma.core.models import Platform
from platforma.meetings.models import Decision
from platforma.meetings.selectors import decision_register
from platforma.publications.models import Publication
from platforma.publications.selectors import publications_visible

HOME_ROWS = 4  # events, publications and decisions shown on a home page


def next_events(platform: Platform, now: datetime.datetime) -> list[Event]:
    """The platform's published events not yet over (running ones first), soonest first."""
    return list(
        events_visible(platform)
        .filter(ends_at__gte=now)
        .select_related("platform", "custom_kind")
        .order_by("starts_at", "id")[:HOME_ROWS]
    )


def next_events_everywhere(now: datetime.datetime, rows: int = HOME_ROWS) -> list[Event]:
    """The next published events of every platform, each with its platform (one query).

    The same rule as ``events_visible`` for the public (``is_public``), over all platforms.
    """
    upcoming: QuerySet[Event] = Event.objects.filter(is_public=True, ends_at__gte=now)
    return list(
        upcoming.select_related("platform", "custom_kind").order_by("starts_at", "id")[:rows]
    )


def latest_publications(platform: Platform) -> list[Publication]:
    return list(publications_visible(platform).order_by("-published_on", "-id")[:HOME_ROWS])


def latest_decisions(platform: Platform) -> list[Decision]:
    """The newest decisions of the public register (``user=None``: the public ones only)."""
    return list(decision_register(platform, user=None)[:HOME_ROWS])
