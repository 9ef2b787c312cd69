"""``{% load notices %}{% unread_notices as count %}``: the signed-in person's unread notices,
for a count beside the header's link to their pages (one query; 0 for anonymous visitors)."""

from __future__ import annotations

from typing import Any

from django import template

from platforma.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notices(context: dict[str, Any]) -> int:
    request = context.get("request")
    return unread_count(getattr(request, "user", None))
