"""The live quorum the chair projects: a page, and the JSON its small script polls."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from .. import selectors
from ..permissions import platform_manager_required


def quorum_payload(meeting) -> dict:
    now = selectors.quorum_now(meeting)
    state = now.state
    missing = max(state.required - state.counted, 0)
    return {
        "members": state.members,
        "present": state.present,
        "represented": state.represented,
        "counted": state.counted,
        "required": state.required,
        "met": state.met,
        "status": _("Quorum reached") if state.met else _("No quorum"),
        "missing": missing,
        "missing_text": (
            ngettext("%(n)s more needed", "%(n)s more needed", missing) % {"n": missing}
            if missing
            else ""
        ),
        "at": timezone.now().isoformat(),
    }


@never_cache
@platform_manager_required
def quorum_page(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    now = selectors.quorum_now(meeting)
    events = meeting.quorum_events.order_by("at", "id")
    context = {
        "platform": platform,
        "meeting": meeting,
        "quorum": now,
        "data": quorum_payload(meeting),
        "events": events,
    }
    return render(request, "meetings/quorum.html", context)


@never_cache
@platform_manager_required
def quorum_json(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    return JsonResponse(quorum_payload(meeting))
