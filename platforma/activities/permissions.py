"""Who may do what with events: organisers are the platform's secretariat (and the Forum's)."""

from __future__ import annotations

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform

from .models import Registration


def can_organise(user, platform: Platform) -> bool:
    """Organisers see every registration and attendee, check people in and read private events."""
    return can_manage_platform(user, platform)


def can_change_registration(user, registration: Registration, token: str = "") -> bool:
    """The registrant (who holds the link with the token) or an organiser."""
    if token and token == registration.token:
        return True
    return can_organise(user, registration.event.platform)
