"""Which platform an operation works in, for whom: the same answers as the pages'."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform, coordinated_group_ids
from platforma.core.selectors import platform_for_public


def public_platform(slug: str) -> Platform:
    """Any platform (or the Forum's row), for public data; 404 when there is none."""
    return platform_for_public(slug)


def managed_platform(request: HttpRequest, slug: str) -> Platform:
    """The platform whose private records the caller reads or changes; 404 unless the caller
    manages it (its secretariat, or the Forum's secretariat) - as the office pages."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not can_manage_platform(request.user, platform):
        raise Http404("No such platform")
    return platform


def managed_or_coordinated(
    request: HttpRequest, slug: str
) -> tuple[Platform, frozenset[int] | None]:
    """The platform and the working groups the caller may act for: None for its secretariat
    (every group), else the groups they coordinate today; 404 for neither."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None:
        raise Http404("No such platform")
    if can_manage_platform(request.user, platform):
        return platform, None
    groups = coordinated_group_ids(request.user, platform)
    if not groups:
        raise Http404("No such platform")
    return platform, groups
