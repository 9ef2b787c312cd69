"""Who may see and change what in the member registry.

- The platform's secretariat (and the Forum's) manage applications, members, imports, exports.
- A representative manages the profile, contacts consent and WG enrolment of the organisations
  they currently represent in that platform.
- An applicant reaches its own application only through the secret link e-mailed to it; a
  recommending member only through its own link.
Anything else is a 404 (or a login page for an anonymous visitor of the back office). The
secretariat's pages are guarded by ``core.office.office_view``; a representative's page sends an
anonymous visitor to log in through ``core.permissions.login_redirect``.
"""

from __future__ import annotations

from django.db.models import QuerySet

from platforma.core.models import Platform

from .models import Membership, Organisation


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


def appealing_memberships(user, platform: Platform) -> QuerySet[Membership]:
    """Memberships of ``platform`` whose organisation ``user`` represents today and which can
    carry a decision to appeal: live ones, and expelled ones (an expelled member's
    representative keeps the door to appeal its own expulsion)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(
            platform=platform,
            status__in=[
                Membership.Status.ADMITTED,
                Membership.Status.SUSPENDED,
                Membership.Status.EXPELLED,
            ],
            organisation__representatives__person__user=user,
            organisation__representatives__until__isnull=True,
        )
        .select_related("organisation")
        .distinct()
    )
