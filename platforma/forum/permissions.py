"""Who works for the Forum: its secretariat (and the operator, a superuser)."""

from __future__ import annotations

from django.http import Http404

from platforma.core.models import Platform, PlatformRole
from platforma.core.permissions import is_forum_secretariat
from platforma.core.types import AnyUser


def forum_or_404() -> Platform:
    """The Forum's own row, or 404 while the installation has no Forum set up."""
    forum = Platform.objects.forum()
    if forum is None:
        raise Http404("No Forum")
    return forum


def is_forum_staff(user: AnyUser | None) -> bool:
    """The Forum's secretariat: a superuser, or a secretariat role on the Forum's row. It sees
    every platform's part of the Forum's work (delegate applications, figures); a platform's
    secretariat sees only its own platform's part."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_forum_secretariat(user):
        return True
    cached = getattr(user, "_platforma_forum_staff", None)
    if cached is None:
        cached = PlatformRole.objects.filter(
            user=user, platform__is_forum=True, role=PlatformRole.Role.SECRETARIAT
        ).exists()
        user._platforma_forum_staff = cached  # type: ignore[attr-defined]  # once a request
    return bool(cached)
