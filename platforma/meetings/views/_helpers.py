from __future__ import annotations

from django.urls import reverse

from platforma.core.office import report

__all__ = ["meeting_url", "report"]


def meeting_url(name: str, meeting, *extra) -> str:
    return reverse(f"meetings:{name}", args=[meeting.platform.slug, meeting.pk, *extra])
