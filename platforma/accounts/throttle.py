"""The password reset and invitation forms' limit: the same as the login's (django-axes).

A small counter of our own (``FormAttempt``), not axes' handler: these forms have no password
that fails, and a reset request counted as a login failure would lock the address out of
logging in. Every request of the form counts, per client address and per e-mail (reset) or
account (invitation); after ``AXES_FAILURE_LIMIT`` of them within ``AXES_COOLOFF_TIME`` the form
answers with the lockout page until the cool-off has passed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from axes.helpers import get_client_ip_address, get_cool_off
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import FormAttempt


def _window() -> datetime.timedelta:
    return get_cool_off() or datetime.timedelta(minutes=15)


def keys_for(request: HttpRequest, **identities: str) -> list[str]:
    """``ip:<address>`` and one ``<kind>:<value>`` per identity given (lower-cased)."""
    keys = [f"ip:{get_client_ip_address(request) or 'unknown'}"]
    keys += [f"{kind}:{value.strip().lower()}"[:300] for kind, value in identities.items() if value]
    return keys


def locked_until(form: str, keys: Iterable[str]) -> datetime.datetime | None:
    """When the form opens again for these keys, or None when it is open now."""
    now = timezone.now()
    since = now - _window()
    limit = int(settings.AXES_FAILURE_LIMIT)
    until: datetime.datetime | None = None
    for key in keys:
        times = list(
            FormAttempt.objects.filter(form=form, key=key, at__gte=since)
            .order_by("-at")
            .values_list("at", flat=True)[:limit]
        )
        if len(times) >= limit:
            end = times[0] + _window()
            until = end if until is None else max(until, end)
    return until


def count(form: str, keys: Iterable[str]) -> None:
    """One attempt for every key; attempts older than the cool-off are forgotten on the way."""
    now = timezone.now()
    with transaction.atomic():
        FormAttempt.objects.filter(at__lt=now - _window()).delete()
        FormAttempt.objects.bulk_create([FormAttempt(form=form, key=key, at=now) for key in keys])
