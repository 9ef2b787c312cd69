"""Who must hold a second factor, and whose session is a back-office one (30 minutes idle)."""

from __future__ import annotations

from django.db.models import QuerySet

from platforma.core.models import PlatformRole
from platforma.core.types import AnyUser
from platforma.elections.models import Election, Teller

# An election "not yet closed": its tellers still have a share to take or to give.
OPEN_ELECTION_STATES = [
    Election.State.DRAFT,
    Election.State.NOMINATIONS,
    Election.State.VOTING,
]


def tellers_in_office(user: AnyUser) -> QuerySet[Teller]:
    return Teller.objects.filter(user_id=user.pk or 0, election__state__in=OPEN_ELECTION_STATES)


def must_have_second_factor(user: AnyUser) -> bool:
    """The superuser, every secretariat, and the tellers of an election not yet closed."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if PlatformRole.objects.filter(user_id=user.pk, role=PlatformRole.Role.SECRETARIAT).exists():
        return True
    return tellers_in_office(user).exists()
