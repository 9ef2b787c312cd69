"""Who may do what with publications and stakeholders: the platform's secretariat."""

from __future__ import annotations

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform


def can_manage_publications(user, platform: Platform) -> bool:
    """Sees unpublished publications and their files, and the stakeholder register."""
    return can_manage_platform(user, platform)
