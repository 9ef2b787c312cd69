"""Who may see and change what in the member registry.

- The platform's secretariat (and the Forum's) manage applications, members, imports, exports.
- A representative manages the profile, contacts consent and WG enrolment of the organisations
  they currently represent in that platform.
- An applicant reaches its own application only through the secret link e-mailed to it; a
  recommending member only through its own link.
Anything else is a 404 (or a login page for an anonymous visitor of the back office).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import Http404

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform

from .models import Membership, Organisation, Representative


class LoginRequired(Exception):
    """Raised by checks when the visitor should log in first."""


def require_manager(request, platform: Platform) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired
    if not can_manage_platform(request.user, platform):
        raise Http404("Not found")


def represented_organisations(user, platform: Platform) -> QuerySet[Organisation]:
    """Organisations ``user`` currently represents that are (or were) members of ``platform``."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        representatives__person__user=user,
        representatives__until__isnull=True,
        memberships__platform=platform,
        memberships__status__in=[Membership.Status.ADMITTED, Membership.Status.SUSPENDED],
    ).distinct()


def require_representative(request, platform: Platform, organisation_pk: int) -> Organisation:
    if not request.user.is_authenticated:
        raise LoginRequired
    organisation = (
        represented_organisations(request.user, platform).filter(pk=organisation_pk).first()
    )
    if organisation is None:
        raise Http404("Not found")
    return organisation


def is_primary_representative(user, organisation: Organisation) -> bool:
    return Representative.objects.filter(
        organisation=organisation, person__user=user, until__isnull=True, role="primary"
    ).exists()


def login_redirect(request):
    return redirect_to_login(request.get_full_path())
