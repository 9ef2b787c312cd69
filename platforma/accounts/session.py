"""What an account's session remembers: when it logged in, when it was last seen, whether it
is a back-office session (idle limit), and a login waiting for its second factor."""

from __future__ import annotations

import time
from typing import Any

from django.http import HttpRequest

from platforma.core.types import AnyUser

from .policy import must_have_second_factor

LOGIN_AT = "accounts.login_at"
SEEN_AT = "accounts.seen_at"
STRICT = "accounts.strict"  # a back-office account: second factor, 30 minutes idle
CHECKED_AT = "accounts.checked_at"  # when STRICT was last worked out
PENDING = "accounts.pending"  # a password accepted, the second factor not yet given

# How long a password stays good for the second step, and how often a session's role is
# looked at again (a role given or taken mid-session counts within this time).
PENDING_SECONDS = 10 * 60
RECHECK_SECONDS = 5 * 60
# The last-seen time is written at most once a minute (not on every page).
SEEN_RESOLUTION_SECONDS = 60


def mark_login(request: HttpRequest, user: AnyUser, *, fresh: bool = True) -> None:
    """Start the clocks of a session that has just logged in (or just given its second
    factor, ``fresh=False``: the 12 hours count from the password)."""
    now = time.time()
    session = request.session
    if fresh or LOGIN_AT not in session:
        session[LOGIN_AT] = now
    session[SEEN_AT] = now
    session[STRICT] = must_have_second_factor(user)
    session[CHECKED_AT] = now


def set_pending(request: HttpRequest, user: Any, next_url: str) -> None:
    request.session[PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", ""),
        "at": time.time(),
        "next": next_url,
    }


def pending(request: HttpRequest) -> dict[str, Any] | None:
    data = request.session.get(PENDING)
    if not isinstance(data, dict) or time.time() - float(data.get("at", 0)) > PENDING_SECONDS:
        return None
    return data


def clear_pending(request: HttpRequest) -> None:
    request.session.pop(PENDING, None)
