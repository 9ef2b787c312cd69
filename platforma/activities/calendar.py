"""iCalendar (RFC 5545) for events, written with the icalendar library."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as VEvent

from .models import Event, Registration


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Platforma//activities//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _location(event: Event) -> str:
    parts = [p for p in (event.venue, event.city) if p]
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(parts)


def _attendee(registration: Registration, partstat: str = "ACCEPTED") -> vCalAddress:
    attendee = vCalAddress(f"mailto:{registration.email}")
    attendee.params["cn"] = vText(registration.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText(partstat)
    return attendee


def vevent(
    event: Event, *, url: str = "", attendees=(), domain: str = "platforma", stamp=None
) -> VEvent:
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{domain}")
    item.add("dtstamp", stamp or timezone.now())
    item.add("summary", event.title)
    if event.all_day:
        tz = zoneinfo.ZoneInfo(event.time_zone)
        start = event.starts_at.astimezone(tz).date()
        end = event.ends_at.astimezone(tz).date() + datetime.timedelta(days=1)
        item.add("dtstart", start)
        item.add("dtend", end)
    else:
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
    description = "\n\n".join(p for p in (event.description, event.aims) if p)
    if description:
        item.add("description", description)
    location = _location(event)
    if location:
        item.add("location", location)
    item.add("categories", [event.kind_display])
    if url:
        item.add("url", url)
    item.add("last-modified", event.updated_at)
    if event.cancelled_at is not None:
        item.add("status", "CANCELLED")
    for registration in attendees:
        item.add("attendee", _attendee(registration), encode=False)
    return item


def calendar_bytes(
    name: str, events, *, url_for=None, attendees_by_event=None, domain: str = "platforma"
) -> bytes:
    """A calendar of ``events``; attendees only when the organisers' map is given."""
    calendar = new_calendar(name)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(
            vevent(
                event,
                url=url_for(event) if url_for else "",
                attendees=(attendees_by_event or {}).get(event.pk, ()),
                domain=domain,
                stamp=stamp,
            )
        )
    return calendar.to_ical()


def registration_calendar_bytes(registration: Registration, *, url: str, domain: str) -> bytes:
    """The registrant's own .ics: the event with them as attendee, once their seat is confirmed."""
    calendar = new_calendar(_("My events"))
    calendar.add_component(
        vevent(registration.event, url=url, attendees=[registration], domain=domain)
    )
    return calendar.to_ical()
