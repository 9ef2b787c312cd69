"""Who coordinates which working group: derived from the mandates in force, like the Board.

Registered in core (``core.permissions.register_coordinated_groups``) by this app's
AppConfig.ready(), since core and the working groups sit below governance.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from platforma.core.models import Platform
from platforma.core.types import AnyUser
from platforma.workinggroups.models import WorkingGroup

from .models import Mandate, Office

COORDINATOR_KINDS = (Office.Kind.WG_COORDINATOR, Office.Kind.SUBGROUP_COORDINATOR)


def coordinated_groups(user: AnyUser, platform: Platform, on: datetime.date) -> frozenset[int]:
    """The ids of ``platform``'s working groups whose coordinator ``user``'s person is on
    ``on``, and of their sub-groups (a group's coordinator coordinates its sub-groups). One
    query."""
    if not user.is_authenticated:
        return frozenset()
    held = (
        Mandate.objects.filter(
            person__user=user,
            office__platform=platform,
            office__kind__in=COORDINATOR_KINDS,
            office__working_group__isnull=False,
            starts_on__lte=on,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .values("office__working_group")
    )
    ids = WorkingGroup.objects.filter(
        Q(pk__in=held) | Q(parent__in=held), platform=platform
    ).values_list("pk", flat=True)
    return frozenset(ids)
