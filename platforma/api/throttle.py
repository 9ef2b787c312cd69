"""How many calls a caller may make: ``PLATFORMA_API_RATE`` for a token or a session (per user),
``PLATFORMA_API_ANONYMOUS_RATE`` for anonymous calls (per client address). Past it, a 429 with
``Retry-After``. Counted in Django's cache: with several server processes, configure a shared
cache (docs/api.md)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


class CallerRate(SimpleRateThrottle):
    def __init__(self) -> None:
        # The rates are read at each call (settings can change in tests), not at import.
        self.rate = None
        self.num_requests = self.duration = None

    def get_cache_key(self, request: HttpRequest) -> str | None:
        user = request.user
        if user.is_authenticated:
            self.rate = settings.PLATFORMA_API_RATE
            ident = f"user:{user.pk}"
        else:
            self.rate = settings.PLATFORMA_API_ANONYMOUS_RATE
            ident = f"ip:{self.get_ident(request)}"
        if not self.rate:
            return None
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return f"platforma-api:{ident}"
