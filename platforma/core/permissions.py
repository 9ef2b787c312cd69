"""Who may do what in the back office.

Roles: a superuser is the Forum's secretariat and sees every platform; a user with a
``PlatformRole`` of secretariat manages that platform's records; everyone else sees only the
public website. Private objects of a platform the user does not manage are answered with 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Platform, PlatformRole


def is_forum_secretariat(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def managed_platforms(user) -> QuerySet[Platform]:
    """The platforms whose private records ``user`` may read and change."""
    if not user or not user.is_authenticated or not user.is_active:
        return Platform.objects.none()
    if is_forum_secretariat(user):
        return Platform.objects.all()
    return Platform.objects.filter(
        roles__user=user, roles__role=PlatformRole.Role.SECRETARIAT
    ).distinct()


def can_manage_platform(user, platform: Platform) -> bool:
    return managed_platforms(user).filter(pk=platform.pk).exists()
