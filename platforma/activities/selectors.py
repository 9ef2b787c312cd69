"""Reads of events: what the public sees, what organisers see, and the counts reports use."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core.models import Platform

from .models import Attendance, Event, EventFile, Registration

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from platforma.core.types import AnyUser
    from platforma.workinggroups.models import WorkingGroup


class EventCounts(TypedDict):
    """What ``event_list`` annotates each event with."""

    attendee_count: int
    attendee_org_count: int


R = Registration.Status


def events_visible(platform: Platform, *, organiser: bool = False) -> QuerySet[Event]:
    """The platform's events: published ones for the public, all for its organisers."""
    events = Event.objects.filter(platform=platform)
    if not organiser:
        events = events.filter(is_public=True)
    return events


def event_list(
    platform: Platform,
    *,
    organiser: bool = False,
    year: int | None = None,
    kind: str = "",
    working_group: WorkingGroup | None = None,
) -> QuerySet[WithAnnotations[Event, EventCounts]]:
    """Events for a list page: kind, groups and counts fetched in a constant number of queries."""
    events = events_visible(platform, organiser=organiser)
    if year:
        events = events.filter(starts_at__year=year)
    if kind:
        events = events.filter(kind=kind)
    if working_group is not None:
        events = events.filter(working_groups=working_group)
    # The counts are correlated subqueries, not joins: a page of 30 events computes 30 counts
    # (the database orders by the (platform, starts_at) index and stops at the page's end), and
    # the paginator's COUNT leaves them out, where a GROUP BY would count every event's rows.
    return (
        events.select_related("custom_kind")
        .prefetch_related("working_groups__forum_group")
        .annotate(
            attendee_count=_attendance_count(Count("pk")),
            attendee_org_count=_attendance_count(
                Count("organisation", distinct=True), organisation__isnull=False
            )
            + _attendance_count(
                Count("organisation_name", distinct=True),
                Q(organisation__isnull=True) & ~Q(organisation_name=""),
            ),
        )
        .order_by("-starts_at", "-id")
    )


def _attendance_count(aggregate: Count, *conditions: Q, **filters: Any) -> Coalesce:
    """``aggregate`` over the event's attendance rows that match, as a subquery (0 if none)."""
    rows = (
        Attendance.objects.filter(*conditions, event=OuterRef("pk"), **filters)
        .order_by()
        .values("event")
        .annotate(n=aggregate)
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def event_years(platform: Platform, *, organiser: bool = False) -> list[int]:
    """The years (in the current time zone) with events, newest first, in two queries whatever
    the number of events: the first and last start, then one indexed EXISTS per year between
    (``dates()`` would truncate every event's date, one function call per row on SQLite)."""
    events = events_visible(platform, organiser=organiser)
    bounds = events.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    if bounds["first"] is None:
        return []
    tz = timezone.get_current_timezone()
    first, last = (timezone.localtime(bounds[k], tz).year for k in ("first", "last"))

    def new_year(year: int) -> datetime.datetime:
        return datetime.datetime(year, 1, 1, tzinfo=tz)

    found = (
        Platform.objects.filter(pk=platform.pk)
        .annotate(
            **{
                f"y{year}": Exists(
                    events.filter(starts_at__gte=new_year(year), starts_at__lt=new_year(year + 1))
                )
                for year in range(first, last + 1)
            }
        )
        .values(*[f"y{year}" for year in range(first, last + 1)])
        .get()
    )
    return [year for year in range(last, first - 1, -1) if found[f"y{year}"]]


def event_for(platform: Platform, pk: int, *, organiser: bool = False) -> Event:
    """One event, or 404 when it is not published and the reader is not an organiser."""
    try:
        return (
            events_visible(platform, organiser=organiser)
            .select_related("platform", "custom_kind")
            .prefetch_related(
                "working_groups__forum_group",
                Prefetch(
                    "files",
                    queryset=EventFile.objects.all()
                    if organiser
                    else EventFile.objects.filter(is_public=True),
                ),
            )
            .get(pk=pk)
        )
    except Event.DoesNotExist:
        raise Http404("No such event") from None


def registration_window_problem(event: Event, now: datetime.datetime) -> str:
    """Why nobody can register now ("" when registration is open)."""
    if event.cancelled_at is not None:
        return _("This event is cancelled.")
    if not event.registration_enabled or not event.is_public:
        return _("This event does not take registrations.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration has not opened yet.")
    closes = event.registration_closes_at or event.starts_at
    if now >= closes:
        return _("Registration is closed.")
    return ""


def event_for_registration(platform_slug: str, pk: int, user: AnyUser) -> Event:
    """The event a registration is for, with its platform, in one query; 404 as ``event_for``.

    Only the event's key and visibility are read: the registration service reads the event
    again under a lock.
    """
    from .permissions import can_organise

    try:
        event = (
            Event.objects.select_related("platform")
            .only("pk", "is_public", "platform")
            .get(platform__slug=platform_slug, pk=pk)
        )
    except Event.DoesNotExist:
        raise Http404("No such event") from None
    if not event.is_public and not can_organise(user, event.platform):
        raise Http404("No such event")
    return event


def event_page_version(platform_slug: str, pk: int, now: datetime.datetime) -> tuple[object, ...]:
    """What the public page of an event depends on, in one query (or 404 when not public).

    The services touch the event's ``updated_at`` whenever its registrations or attendance
    change, so this tuple changes whenever the page would.
    """
    fields = ("updated_at", "is_public", "registration_enabled", "registration_opens_at")
    try:
        event = (
            Event.objects.filter(platform__slug=platform_slug, is_public=True)
            .select_related("platform")
            .only(
                *fields,
                "registration_closes_at",
                "starts_at",
                "cancelled_at",
                "platform__updated_at",
            )
            .get(pk=pk)
        )
    except Event.DoesNotExist:
        raise Http404("No such event") from None
    return (
        event.pk,
        event.updated_at,
        event.platform.updated_at,
        registration_window_problem(event, now) if event.registration_enabled else "",
    )


@dataclass(frozen=True)
class ParticipantCount:
    """How many took part, and where the number comes from."""

    organisations: int | None
    persons: int | None
    more_than: bool
    source: str  # "attendance", "recorded" or ""

    @property
    def known(self) -> bool:
        return bool(self.source)


def participant_count(event: Event) -> ParticipantCount:
    """From the check-in list when there is one; else the recorded count (exact or "more than")."""
    attendances = Attendance.objects.filter(event=event)
    persons = attendances.count()
    if persons:
        organisations = (
            attendances.filter(organisation__isnull=False).values("organisation").distinct().count()
        )
        others = {
            n.strip().lower()
            for n in attendances.filter(organisation__isnull=True)
            .exclude(organisation_name="")
            .values_list("organisation_name", flat=True)
        }
        return ParticipantCount(organisations + len(others), persons, False, "attendance")
    return recorded_count(event)


def recorded_count(event: Event) -> ParticipantCount:
    """The count recorded on the event itself (historic events: "27", "more than 20")."""
    if event.recorded_count is not None:
        more = event.recorded_count_precision == "more_than"
        if event.recorded_count_unit == Event.CountUnit.ORGANISATIONS:
            return ParticipantCount(event.recorded_count, None, more, "recorded")
        return ParticipantCount(None, event.recorded_count, more, "recorded")
    return ParticipantCount(None, None, False, "")


def seats(event: Event) -> dict[str, int | None]:
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=R.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=R.WAITLISTED)),
    )
    free = None if event.capacity is None else max(event.capacity - counts["confirmed"], 0)
    return {**counts, "capacity": event.capacity, "free": free}


def participants(event: Event, *, organiser: bool = False) -> dict[str, Any]:
    """Names to show: organisers see everyone; the public only those who consented.

    Returns ``{"listed": [...], "unlisted": n}``; attendance if any, else confirmed registrations.
    """
    attendances = list(
        Attendance.objects.filter(event=event).select_related("organisation").order_by("name")
    )
    rows: list[Attendance] | list[Registration] = attendances or list(
        Registration.objects.filter(event=event, status=R.CONFIRMED)
        .select_related("organisation")
        .order_by("name")
    )
    listed = rows if organiser else [r for r in rows if r.consent_public]
    return {"listed": listed, "unlisted": len(rows) - len(listed)}


def registrations_for_organiser(event: Event) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event=event)
        .select_related("organisation", "attendance")
        .order_by("status", "registered_at", "id")
    )


def registration_by_token(platform: Platform, token: str) -> Registration:
    try:
        return Registration.objects.select_related("event__platform", "organisation").get(
            token=token, event__platform=platform
        )
    except Registration.DoesNotExist:
        raise Http404("No such registration") from None


def events_for_calendar(
    platform: Platform, *, working_group: WorkingGroup | None = None
) -> QuerySet[Event]:
    events = events_visible(platform).select_related("platform", "custom_kind")
    if working_group is not None:
        events = events.filter(working_groups=working_group)
    return events.order_by("starts_at", "id")


def attendees_for_calendar(events: Iterable[Event]) -> dict[int, list[Registration]]:
    """Confirmed registrations per event id, for the organisers' calendar (one query)."""
    result: dict[int, list[Registration]] = {}
    for registration in Registration.objects.filter(
        event__in=list(events), status=R.CONFIRMED
    ).order_by("registered_at"):
        result.setdefault(registration.event_id, []).append(registration)
    return result


def counts_by_year(platform: Platform, year: int) -> list[dict[str, Any]]:
    """Per published event of ``year``: the event and its participant count, in date order.

    Counts come from ``event_list``'s annotations, so the number of queries does not grow with
    the number of events (names of unregistered organisations are told apart as written).
    """
    rows = []
    for event in event_list(platform, year=year).order_by("starts_at", "id"):
        if event.attendee_count:
            count = ParticipantCount(
                event.attendee_org_count, event.attendee_count, False, "attendance"
            )
        else:
            count = recorded_count(event)
        rows.append({"event": event, "count": count})
    return rows


def organised_events(platform: Platform, groups: frozenset[int] | None) -> QuerySet[Event]:
    """The events an organiser reaches: every event of ``platform`` for its secretariat
    (``groups`` None), else those of the working groups ``groups`` (a coordinator's)."""
    events = Event.objects.filter(platform=platform)
    if groups is None:
        return events
    return events.filter(pk__in=Event.objects.filter(working_groups__in=groups).values("pk"))


def organised_event(platform: Platform, groups: frozenset[int] | None, pk: int) -> Event:
    """One of :func:`organised_events`, or 404."""
    found = (
        organised_events(platform, groups).select_related("platform", "custom_kind").filter(pk=pk)
    )
    event = found.first()
    if event is None:
        raise Http404("No such event")
    return event
