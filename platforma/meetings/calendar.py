"""The .ics invitation of a meeting (RFC 5545, built with icalendar)."""

from __future__ import annotations

import datetime

import icalendar
from django.utils import timezone

from .models import Meeting

DEFAULT_LENGTH = datetime.timedelta(hours=3)


def meeting_ics(meeting: Meeting, *, agenda_text: str = "", url: str = "") -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Platforma//meetings//EN")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{meeting.platform.slug}.platforma")
    event.add("dtstamp", timezone.now())
    start = meeting.local_start
    if meeting.kind == Meeting.Kind.WRITTEN and meeting.vote_deadline:
        end = meeting.vote_deadline.astimezone(meeting.tz)
    else:
        planned = meeting.ended_at or meeting.ends_at
        end = planned.astimezone(meeting.tz) if planned else start + DEFAULT_LENGTH
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    elif meeting.online_url:
        event.add("location", meeting.online_url)
    if url or meeting.online_url:
        event.add("url", url or meeting.online_url)
    if agenda_text:
        event.add("description", agenda_text)
    if meeting.platform.email:
        organizer = icalendar.vCalAddress(f"mailto:{meeting.platform.email}")
        organizer.params["cn"] = icalendar.vText(meeting.platform.name)
        event.add("organizer", organizer)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
