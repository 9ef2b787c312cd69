"""How many links one client, and one address, may ask for per hour (Django's cache; a fixed
window from the first request). Asking is counted whether or not anything is held, so the limit
says nothing about the address either."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from platforma.core.personal_data import address_hash

WINDOW_SECONDS = 3600
PER_HOUR = 5


def _count(key: str) -> int:
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def link_allowed(request: HttpRequest, email: str) -> bool:
    """Count one request from this client for this address; False past either limit."""
    client = hashlib.sha256(str(request.META.get("REMOTE_ADDR", "")).encode()).hexdigest()
    by_client = _count(f"privacy:links-from:{client}")
    by_address = _count(f"privacy:links-to:{address_hash(email)}")
    return by_client <= PER_HOUR and by_address <= PER_HOUR
