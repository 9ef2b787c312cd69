"""Type aliases the apps share (for annotations only: nothing here runs).

``Actor`` is who a service acts for: the logged-in user of an office page (the office's guard
lets no anonymous visitor through), or ``None`` for the system itself (the demo loader,
management commands). ``AnyUser`` is ``request.user``, who may be anonymous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

AnyUser: TypeAlias = "User | AnonymousUser"
Actor: TypeAlias = "User | None"
