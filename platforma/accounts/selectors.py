"""Reads of the accounts app that depend on who asks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Q, QuerySet, Sum
from django.utils import timezone

from platforma.core.models import Platform
from platforma.core.permissions import is_forum_secretariat
from platforma.core.types import AnyUser


@dataclass(frozen=True)
class Lockout:
    username: str
    failures: int
    last_failure: datetime.datetime
    until: datetime.datetime


def _cool_off() -> datetime.timedelta:
    return get_cool_off() or datetime.timedelta(minutes=15)


def platform_usernames(platform: Platform) -> QuerySet[Any, str]:
    """User names of the people of ``platform``: its secretariat and coordinators, and the
    representatives of its member organisations (past or present: they may still log in)."""
    users = get_user_model().objects.filter(
        Q(platform_roles__platform=platform)
        | Q(person__representations__organisation__memberships__platform=platform)
    )
    return users.values_list("username", flat=True).distinct()


def lockouts_visible(user: AnyUser, platform: Platform) -> list[Lockout]:
    """The user names locked out now, as ``user`` may see them from ``platform``'s office:
    the people of that platform, or every user name for the Forum's secretariat."""
    since = timezone.now() - _cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
        .exclude(username="")
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=int(settings.AXES_FAILURE_LIMIT))
        .order_by("username")
    )
    if not is_forum_secretariat(user):
        rows = rows.filter(username__in=platform_usernames(platform))
    return [
        Lockout(
            username=row["username"],
            failures=row["failures"],
            last_failure=row["last"],
            until=row["last"] + _cool_off(),
        )
        for row in rows
    ]


def lockout_end(*, username: str | None, ip_address: str | None) -> datetime.datetime | None:
    """When the latest failure counted against this user name or address stops counting."""
    condition = Q()
    if username:
        condition |= Q(username=username)
    if ip_address:
        condition |= Q(ip_address=ip_address)
    if not condition:
        return None
    last = AccessAttempt.objects.filter(condition).aggregate(last=Max("attempt_time"))["last"]
    return last + _cool_off() if last else None
