from __future__ import annotations

import functools

from django.http import Http404
from django.shortcuts import get_object_or_404

from platforma.core.permissions import LoginRequired, login_redirect

from ..models import Election
from ..selectors import public_election_at


def public(view):
    """Resolve the platform and a public election (drafts are a 404)."""

    @functools.wraps(view)
    def wrapper(request, platform: str, pk: int, *args, **kwargs):
        election = public_election_at(platform, pk)  # with its platform, in one query
        if election is None:
            raise Http404("No such election")
        try:
            return view(request, election.platform, election, *args, **kwargs)
        except LoginRequired:
            return login_redirect(request)

    return wrapper


def with_election(view):
    """Load the address's election (``pk``) within the platform, for an ``office_view``."""

    @functools.wraps(view)
    def wrapper(request, platform, *args, **kwargs):
        if "pk" in kwargs:
            kwargs["election"] = get_object_or_404(
                Election.objects.select_related("platform", "body", "office"),
                platform=platform,
                pk=kwargs.pop("pk"),
            )
        return view(request, platform, *args, **kwargs)

    return wrapper
