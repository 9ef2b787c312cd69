"""Who may do what in the back office.

Roles: a superuser is the Forum's secretariat and sees every platform; a user with a
``PlatformRole`` of secretariat manages that platform's records; a working group's coordinators
(derived from their mandates in force, never typed) manage their groups' pages, enrolments,
events and publications; everyone else sees only the public website. Private objects of a
platform the user does not manage are answered with 404.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect

from .models import Platform, PlatformRole, today_in
from .types import AnyUser


class LoginRequired(Exception):
    """Raised by a check when the visitor should log in first (see :func:`login_redirect`)."""


def require_login(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired


def login_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """The one way a page sends a visitor to log in, and back to it afterwards."""
    return redirect_to_login(request.get_full_path())


def is_forum_secretariat(user: AnyUser | None) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def managed_platforms(user: AnyUser | None) -> QuerySet[Platform]:
    """The platforms whose private records ``user`` may read and change."""
    if not user or not user.is_authenticated or not user.is_active:
        return Platform.objects.none()
    if is_forum_secretariat(user):
        return Platform.objects.all()
    return Platform.objects.filter(
        roles__user=user, roles__role=PlatformRole.Role.SECRETARIAT
    ).distinct()


def can_manage_platform(user: AnyUser, platform: Platform) -> bool:
    return managed_platforms(user).filter(pk=platform.pk).exists()


# Working-group coordinators. Who coordinates what is governance's to say (mandates in force),
# and core imports no app: governance registers the answer here in its AppConfig.ready()
# (ARCHITECTURE rule 13). With no hook registered nobody coordinates anything (deny by default).
CoordinatedGroups = Callable[[AnyUser, Platform, datetime.date], frozenset[int]]
_coordinated_groups: list[CoordinatedGroups] = []


def register_coordinated_groups(hook: CoordinatedGroups) -> None:
    """Say how to find the working groups a user coordinates in a platform on a day."""
    if hook not in _coordinated_groups:
        _coordinated_groups.append(hook)


def coordinated_group_ids(
    user: AnyUser | None, platform: Platform, on: datetime.date | None = None
) -> frozenset[int]:
    """The ids of ``platform``'s working groups (with their sub-groups) that ``user``
    coordinates on ``on`` (today in the platform's zone): empty for anonymous or inactive
    users. One query per registered hook."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    day = on or today_in(platform)
    found: frozenset[int] = frozenset()
    for hook in _coordinated_groups:
        found |= hook(user, platform, day)
    return found


def may_coordinate(user: AnyUser | None, platform: Platform, group_id: int | None) -> bool:
    """Whether ``user`` coordinates the working group ``group_id`` of ``platform`` today."""
    return group_id is not None and group_id in coordinated_group_ids(user, platform)
