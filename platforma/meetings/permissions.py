"""Who may see and change meeting records.

The back office of a platform's meetings (attendance, proxies, votes, minutes, the mandate
dashboard) is for the users who manage the platform (``core.permissions.can_manage_platform``).
Anonymous visitors are sent to log in; a logged-in user of another platform gets 404, so nothing
leaks. The register of decisions is public, limited to the decisions marked public.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login

from .selectors import managed_platform


def platform_manager_required(view):
    """Resolve the ``platform`` slug to a Platform the user manages, or refuse."""

    @wraps(view)
    def wrapper(request, platform: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, managed_platform(request.user, platform), *args, **kwargs)

    return wrapper
