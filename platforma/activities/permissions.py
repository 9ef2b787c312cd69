"""Who may do what with events: organisers are the platform's secretariat (and the Forum's).

A registration is changed through its secret link: whoever holds the link is its owner
(``selectors.registration_by_token`` finds it by that token or answers 404)."""

from __future__ import annotations

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform


def can_organise(user, platform: Platform) -> bool:
    """Organisers see every registration and attendee, check people in and read private events."""
    return can_manage_platform(user, platform)
