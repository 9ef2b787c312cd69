"""A month of events as a calendar grid: weeks from Monday, each day with the events on it.

Days are the platform's: an event is on every day it touches in the platform's time zone (an
all-day event on the dates it was given, in its own zone, as its iCalendar entry says). An
event that ends exactly at midnight is not on the day that midnight starts.
"""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import QuerySet

from platforma.core.models import Platform

from .models import Event
from .selectors import events_visible

FIRST_YEAR = 1900  # the years a month view exists for (as the API's range of moments)
LAST_YEAR = 2200


@dataclass(frozen=True)
class DayEvent:
    event: Event
    starts_here: bool  # the event's first day (its start time is shown there)
    start_time: datetime.time | None  # in the platform's zone; None for all-day events


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list[DayEvent] = field(default_factory=list)


def valid_month(year: int, month: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12


def month_events(
    platform: Platform, year: int, month: int, *, organiser: bool = False
) -> QuerySet[Event]:
    """The events that may touch the month (one query): a day's margin either side, as an
    all-day event's dates are in its own zone; ``month_grid`` keeps those on the month's days."""
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    first = datetime.date(year, month, 1)
    after = first + datetime.timedelta(days=calendar.monthrange(year, month)[1])
    margin = datetime.timedelta(days=1)
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=tz) - margin
    end = datetime.datetime.combine(after, datetime.time(), tzinfo=tz) + margin
    return (
        events_visible(platform, organiser=organiser)
        .filter(starts_at__lt=end, ends_at__gte=start)
        .select_related("custom_kind")
        .order_by("starts_at", "id")
    )


def event_dates(event: Event, tz: zoneinfo.ZoneInfo) -> tuple[datetime.date, datetime.date]:
    """The first and last day of ``event`` (both included) in ``tz``."""
    if event.all_day:
        own = zoneinfo.ZoneInfo(event.time_zone)
        return event.starts_at.astimezone(own).date(), event.ends_at.astimezone(own).date()
    last = event.ends_at
    if last > event.starts_at:
        last -= datetime.timedelta(microseconds=1)  # ending at midnight: not on the next day
    return event.starts_at.astimezone(tz).date(), last.astimezone(tz).date()


def month_grid(
    platform: Platform, year: int, month: int, events, today: datetime.date
) -> list[list[Day]]:
    """The month's weeks (Monday first), each day with its events in start order."""
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    weeks = [
        [Day(date=d, in_month=d.month == month, is_today=d == today) for d in week]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    days = {day.date: day for week in weeks for day in week if day.in_month}
    for event in events:
        first, last = event_dates(event, tz)
        start_time = None if event.all_day else event.starts_at.astimezone(tz).time()
        current = max(first, datetime.date(year, month, 1))
        while current <= last and current in days:
            days[current].events.append(DayEvent(event, current == first, start_time))
            current += datetime.timedelta(days=1)
    return weeks


def neighbour(year: int, month: int, step: int) -> tuple[int, int] | None:
    """The month ``step`` (±1) months away, or None outside the years a month view exists for."""
    index = year * 12 + month - 1 + step
    year, month = divmod(index, 12)
    return (year, month + 1) if valid_month(year, month + 1) else None
