"""The live quorum the chair projects: a page, and the JSON its small script polls."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from platforma.core.office import office_view

from .. import selectors


def quorum_payload(meeting) -> dict:
    now = selectors.quorum_now(meeting)
    state = now.state
    missing = max(state.required - state.counted, 0)
    at = timezone.localtime(timezone.now(), meeting.tz)
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
        # When the numbers were read, in the meeting's zone (not UTC): shown beside the board,
        # outside its live region, so a screen reader does not announce every poll.
        "at": at.isoformat(),
        "updated": _("Updated at %(time)s (%(zone)s)")
        % {"time": at.strftime("%H:%M:%S"), "zone": meeting.time_zone},
    }


@never_cache
@office_view
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
@office_view
def quorum_json(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    return JsonResponse(quorum_payload(meeting))
