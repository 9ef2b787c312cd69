"""The site's navigation links, reversed once per platform and language, not on every page.

Every page's header links to nine sections of its platform. Reversing those addresses costs
more than the rest of a cached page (measured in bench/), and they only change with the URL
configuration, which is fixed for the life of a process.
"""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

register = template.Library()

NAV = (
    ("home", "website:platform-home"),
    ("members", "website:member-list"),
    ("workinggroups", "website:workinggroup-list"),
    ("governance", "website:governance"),
    ("activities", "activities:event-list"),
    ("publications", "publications:publication-list"),
    ("decisions", "meetings:decision-list"),
    ("elections", "elections:election-list"),
    ("reports", "reports:report-list"),
    ("search", "publications:search"),
    ("join", "members:join"),
    ("my_organisation", "members:my-organisation"),
    ("office", "members:office-home"),
    ("calendar", "activities:feed-ics"),
    ("atom", "publications:feed-atom"),
    ("transparency", "website:transparency"),
)


@functools.lru_cache(maxsize=256)
def _nav(slug: str, language: str, prefix: str, urlconf) -> dict[str, str]:
    return {name: reverse(url_name, args=[slug]) for name, url_name in NAV}


@register.simple_tag
def platform_nav(platform) -> dict[str, str]:
    """``{% platform_nav platform as nav %}``: ``nav.home``, ``nav.members``, ... of a platform."""
    return _nav(platform.slug, get_language(), get_script_prefix(), get_urlconf())


@register.simple_tag(takes_context=True)
def manages(context, user, platform) -> bool:
    """``{% manages user platform as office %}``: whether the header links to the office.

    An office page already checked it (``core.office``): no second query there.
    """
    from platforma.core.permissions import can_manage_platform

    request = context.get("request")
    if getattr(request, "office_platform", None) == platform:
        return True
    return bool(user.is_authenticated and can_manage_platform(user, platform))


@register.simple_tag(takes_context=True)
def office_door(context, user, platform) -> dict[str, object]:
    """``{% office_door user platform as door %}``: where the header's office link leads.

    ``door.url``: the office's home for the secretariat; for a working group's coordinator (a
    mandate in force), the working groups' office, their home; empty for everyone else.
    ``door.coordinator``: whether it is a coordinator's door. An office page already knows
    (``core.office``): no query there.
    """
    from platforma.core.permissions import can_manage_platform, coordinated_group_ids

    request = context.get("request")
    nav = _nav(platform.slug, get_language(), get_script_prefix(), get_urlconf())
    coordinator_door = {
        "url": reverse("workinggroups:office-group-list", args=[platform.slug]),
        "coordinator": True,
    }
    if getattr(request, "office_platform", None) == platform:
        if getattr(request, "office_coordinator", False):
            return coordinator_door
        return {"url": nav["office"], "coordinator": False}
    if not user.is_authenticated:
        return {"url": "", "coordinator": False}
    if can_manage_platform(user, platform):
        return {"url": nav["office"], "coordinator": False}
    if coordinated_group_ids(user, platform):
        return coordinator_door
    return {"url": "", "coordinator": False}
