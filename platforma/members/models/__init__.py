"""The member registry: organisations, memberships, representatives, and applications to join."""

from .applications import (
    DECISION_OF_STATUS,
    Appeal,
    Application,
    ApplicationDocument,
    ProfileChangeRequest,
    Recommendation,
)
from .registry import Membership, MembershipChange, Organisation, Representative

__all__ = [
    "DECISION_OF_STATUS",
    "Appeal",
    "Application",
    "ApplicationDocument",
    "Membership",
    "MembershipChange",
    "Organisation",
    "ProfileChangeRequest",
    "Recommendation",
    "Representative",
]
