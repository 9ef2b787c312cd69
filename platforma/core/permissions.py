"""Who may do what in the back office.

Roles: a superuser is the Forum's secretariat and sees every platform; a user with a
``PlatformRole`` of secretariat manages that platform's records; everyone else sees only the
public website. Private objects of a platform the user does not manage are answered with 404.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect

from .models import Platform, PlatformRole
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
