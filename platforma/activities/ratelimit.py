"""How many public registrations one client may send per hour (Django's cache, keyed by the
client's address; a fixed window that starts at its first request)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from .conf import limit

WINDOW_SECONDS = 3600


def per_client_per_hour() -> int:
    return limit("PLATFORMA_REGISTRATION_PER_CLIENT_HOUR")


def client_address(request: HttpRequest) -> str:
    """``REMOTE_ADDR``: behind a reverse proxy, the proxy must pass the client's address on
    (see docs/activities.md); a header the client writes itself is never trusted."""
    return str(request.META.get("REMOTE_ADDR", ""))


def registration_allowed(request: HttpRequest) -> bool:
    """Count one registration from this client; False once the hour's limit is passed."""
    key = (
        "activities:registrations-from:"
        + hashlib.sha256(client_address(request).encode()).hexdigest()
    )
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= per_client_per_hour()
