from __future__ import annotations

import functools
import zoneinfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from platforma.core.selectors import platform_for_public

from ..models import Election
from ..permissions import LoginRequired, login_redirect, require_secretariat
from ..selectors import public_election_at


def report(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def public(view):
    """Resolve the platform and a public election (drafts are a 404)."""

    @functools.wraps(view)
    def wrapper(request, platform: str, pk: int, *args, **kwargs):
        election = public_election_at(platform, pk)  # with its platform, in one query
        if election is None:
            raise Http404("No such election")
        platform = election.platform
        try:
            return view(request, platform, election, *args, **kwargs)
        except LoginRequired:
            return login_redirect(request)

    return wrapper


def secretariat(view):
    """Resolve the platform (and election, if any); only its managers get in."""

    @functools.wraps(view)
    def wrapper(request, platform: str, *args, **kwargs):
        platform = platform_for_public(platform)
        try:
            require_secretariat(request, platform)
        except LoginRequired:
            return login_redirect(request)
        request.office_platform = platform
        with timezone.override(zoneinfo.ZoneInfo(platform.time_zone)):
            return _with_election(view, request, platform, *args, **kwargs)

    return wrapper


def _with_election(view, request, platform, *args, **kwargs):
    if "pk" in kwargs:
        kwargs["election"] = get_object_or_404(
            Election.objects.select_related("platform", "body", "office"),
            platform=platform,
            pk=kwargs.pop("pk"),
        )
    return view(request, platform, *args, **kwargs)
