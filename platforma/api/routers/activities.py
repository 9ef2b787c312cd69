"""Events: the public list and page (as the website's), a signed-in person's registration, and
the organisers' list of an event's registrations (the secretariat, and the coordinators of the
event's working groups, exactly as the office's event pages decide: ``activities.views.scope``).
"""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# operations' annotations in its own module, where strings would name nothing.

import datetime
import re
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from platforma.activities import selectors, services
from platforma.activities.forms import member_organisations
from platforma.activities.models import Event, EventFile, Registration
from platforma.activities.permissions import can_organise
from platforma.core.mail import absolute
from platforma.core.models import Platform
from platforma.workinggroups.models import WorkingGroup

from ..access import managed_or_coordinated, public_platform
from ..auth import SIGNED_IN
from ..pagination import Pages
from ..params import Id, PlatformSlug, Year, aware, object_id
from ..schemas import answers

router = Router(tags=["activities"])


# --- Schemas -------------------------------------------------------------------------------


class EventWorkingGroup(Schema):
    id: int
    slug: str
    name: str
    code: str = Field(description="The Forum's code of a top-level group (e.g. “WG1”), or “”.")


class EventParticipantCount(Schema):
    """How many took part, as the event's page says it: from the check-in list, else the
    count recorded on the event (exact, or "more than")."""

    organisations: int | None
    persons: int | None
    more_than: bool
    source: str = Field(description="“attendance”, “recorded”, or “” (not known).")


def _count(count: selectors.ParticipantCount) -> dict[str, Any]:
    return {
        "organisations": count.organisations,
        "persons": count.persons,
        "more_than": count.more_than,
        "source": count.source,
    }


class EventOut(Schema):
    id: int
    title: str
    kind: str = Field(description="The built-in kind (“other” for a platform's own kind).")
    kind_label: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    all_day: bool
    time_zone: str
    city: str
    venue: str
    online: bool = Field(description="Held online too (the address is the registrants' only).")
    languages: str
    working_groups: list[EventWorkingGroup]
    is_public: bool = Field(description="False only in the answers to the event's organisers.")
    is_demo: bool
    cancelled: bool
    cancellation_reason: str
    registration_enabled: bool
    participants: EventParticipantCount
    url: str = Field(description="The event's page on the website.")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_kind_label(obj: Event) -> str:
        return str(obj.kind_display)

    @staticmethod
    def resolve_online(obj: Event) -> bool:
        return bool(obj.online_url)

    @staticmethod
    def resolve_working_groups(obj: Event) -> list[WorkingGroup]:
        return list(obj.working_groups.all())

    @staticmethod
    def resolve_cancelled(obj: Event) -> bool:
        return obj.is_cancelled

    @staticmethod
    def resolve_cancellation_reason(obj: Event) -> str:
        return obj.cancellation_reason if obj.is_cancelled else ""

    @staticmethod
    def resolve_participants(obj: Event) -> dict[str, Any]:
        found = getattr(obj, "participant_summary", None)
        if found is None:  # a row of the list: the counts ``event_list`` annotated
            if getattr(obj, "attendee_count", 0):
                found = selectors.ParticipantCount(
                    obj.attendee_org_count,  # type: ignore[attr-defined]
                    obj.attendee_count,  # type: ignore[attr-defined]
                    False,
                    "attendance",
                )
            else:
                found = selectors.recorded_count(obj)
        return _count(found)

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return absolute(
            reverse("activities:event-detail", kwargs={"platform": obj.platform.slug, "pk": obj.pk})
        )


class EventFileOut(Schema):
    id: int
    kind: str
    caption: str
    url: str = Field(description="The file, as the event's page links it.")


class EventParticipant(Schema):
    name: str
    organisation: str
    listed_publicly: bool = Field(
        description="Always true for the public; organisers also see those who did not consent."
    )


class EventRegistrationInfo(Schema):
    """The registration panel of the event's page."""

    open: bool
    problem: str = Field(description="Why nobody can register now (“” when open).")
    capacity: int | None
    free: int | None
    waitlisted: int
    seats_per_organisation: int | None


class EventDetailOut(EventOut):
    description: str
    aims: str
    outcomes: str
    partners: str
    donors: str
    files: list[EventFileOut]
    participants_listed: list[EventParticipant]
    participants_unlisted: int = Field(description="Participants who chose not to be listed.")
    registration: EventRegistrationInfo | None = Field(
        description="Only for an event that takes registrations."
    )

    @staticmethod
    def resolve_files(obj: Event) -> list[dict[str, Any]]:
        return obj.files_shown  # type: ignore[attr-defined]  # set by the view


class EventRegistrationIn(Schema):
    """A place for the caller: their account's e-mail address is the registration's."""

    name: str = Field(
        "", max_length=200, description="The name to register under (default: the account's)."
    )
    organisation: Id | None = Field(
        None, description="The id of a member organisation in good standing of the platform."
    )
    organisation_name: str = Field("", max_length=300, description="Another organisation.")
    consent_public: bool = Field(False, description="List the name publicly among participants.")


class EventMyRegistration(Schema):
    id: int
    event: int
    name: str
    organisation: str
    status: str
    status_label: str
    consent_public: bool
    registered_at: datetime.datetime
    link: str = Field(
        description="The registration's own page (its secret link, as e-mailed): keep it private."
    )

    @staticmethod
    def resolve_event(obj: Registration) -> int:
        return obj.event_id

    @staticmethod
    def resolve_organisation(obj: Registration) -> str:
        return obj.organisation_display

    @staticmethod
    def resolve_status_label(obj: Registration) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_link(obj: Registration) -> str:
        return absolute(
            reverse(
                "activities:registration-detail",
                kwargs={"platform": obj.event.platform.slug, "token": obj.token},
            )
        )


class EventRegistrationOut(Schema):
    """A registration as the office's list shows it (private: the e-mail address)."""

    id: int
    name: str
    email: str
    organisation_id: int | None
    organisation: str
    status: str
    status_label: str
    consent_public: bool
    registered_at: datetime.datetime
    checked_in_at: datetime.datetime | None

    @staticmethod
    def resolve_organisation(obj: Registration) -> str:
        return obj.organisation_display

    @staticmethod
    def resolve_status_label(obj: Registration) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_checked_in_at(obj: Registration) -> datetime.datetime | None:
        attendance = getattr(obj, "attendance", None)
        return attendance.checked_in_at if attendance is not None else None


def one_of(values: list[str]) -> Any:
    """A query value among ``values`` (another: 400), listed in the spec as an enum: for
    ``Annotated[str, one_of(...)]``. A string rather than the model's enum class, whose names
    (“Kind”, “Status”) repeat across models and would collide in the spec's components."""
    pattern = "^(" + "|".join(re.escape(v) for v in values) + ")$"
    return Field(pattern=pattern, json_schema_extra={"enum": list(values)})


EventKind = Annotated[str, one_of(Event.Kind.values)]
RegistrationStatus = Annotated[str, one_of(Registration.Status.values)]


class EventFilters(Schema):
    year: Year | None = Field(None, description="Events starting in this year.")
    kind: EventKind | None = Field(None, description="The kind of event.")
    working_group: Id | None = Field(
        None, description="A working group's id: its events (unknown group: an empty list)."
    )
    updated_since: datetime.datetime | None = Field(
        None, description="Changed at or after this moment (no time zone: UTC)."
    )


class EventRegistrationFilters(Schema):
    status: RegistrationStatus | None = Field(None, description="Only this status.")


# --- Public --------------------------------------------------------------------------------


def _group(platform: Platform, pk: int | None) -> WorkingGroup | None:
    return WorkingGroup.objects.filter(platform=platform, pk=pk).first() if pk else None


@router.get(
    "/platforms/{platform}/events",
    response=answers(list[EventOut]),
    summary="The platform's events, newest first, as the website's list",
    operation_id="event_list",
)
@paginate(Pages)
def event_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[EventFilters]
) -> QuerySet[Event]:
    site = public_platform(platform)
    group = _group(site, filters.working_group)
    if filters.working_group and group is None:
        return Event.objects.none()
    events = selectors.event_list(
        site,
        organiser=can_organise(request.user, site),
        year=filters.year,
        kind=filters.kind or "",
        working_group=group,
    ).select_related("platform")
    since = aware(filters.updated_since)
    if since is not None:
        events = events.filter(updated_at__gte=since)
    return events


@router.get(
    "/platforms/{platform}/events/{pk}",
    response=answers(EventDetailOut),
    summary="An event, as its page on the website",
    operation_id="event_detail",
)
def event_detail(request: HttpRequest, platform: PlatformSlug, pk: int = object_id()) -> Event:
    site = public_platform(platform)
    organiser = can_organise(request.user, site)
    event = selectors.event_for(site, pk, organiser=organiser)
    shown = selectors.participants(event, organiser=organiser)
    event.participant_summary = selectors.participant_count(event)  # type: ignore[attr-defined]
    event.participants_listed = [  # type: ignore[attr-defined]
        {
            "name": row.name,
            "organisation": row.organisation_display,
            "listed_publicly": row.consent_public,
        }
        for row in shown["listed"]
    ]
    event.participants_unlisted = shown["unlisted"]  # type: ignore[attr-defined]
    event.files_shown = [  # type: ignore[attr-defined]
        _file(site, event, item) for item in event.files.all()
    ]
    event.registration = _registration_info(event)  # type: ignore[attr-defined]
    return event


def _file(site: Platform, event: Event, item: EventFile) -> dict[str, Any]:
    path = reverse(
        "activities:event-file",
        kwargs={"platform": site.slug, "pk": event.pk, "file_pk": item.pk},
    )
    return {"id": item.pk, "kind": item.kind, "caption": item.caption, "url": absolute(path)}


def _registration_info(event: Event) -> dict[str, Any] | None:
    if not event.registration_enabled:
        return None
    seats = selectors.seats(event)
    problem = selectors.registration_window_problem(event, timezone.now())
    return {
        "open": not problem,
        "problem": problem,
        "capacity": seats["capacity"],
        "free": seats["free"],
        "waitlisted": seats["waitlisted"],
        "seats_per_organisation": event.seats_per_organisation,
    }


# --- A signed-in person's registration -----------------------------------------------------


@router.post(
    "/platforms/{platform}/events/{pk}/registrations",
    auth=SIGNED_IN,
    response=answers(EventMyRegistration, 201),
    summary="Register the caller for an event, with their account's e-mail address",
    description=(
        "As the event's registration form of a signed-in person with their own address: a seat "
        "at once, or a place on the waitlist when the event is full (status “confirmed” or "
        "“waitlisted”); the confirmation e-mail is sent. Closed, cancelled, full for the "
        "organisation, or already registered: 400 with the reason."
    ),
    operation_id="event_register",
)
def event_register(
    request: HttpRequest,
    platform: PlatformSlug,
    payload: EventRegistrationIn,
    pk: int = object_id("The event's id."),
) -> Status[Registration]:
    event = selectors.event_for_registration(platform, pk, request.user)
    site = event.platform
    email = (getattr(request.user, "email", "") or "").strip()
    if not email:
        raise ValidationError(
            {"email": _("Your account has no e-mail address: add one to register.")}
        )
    organisation = None
    if payload.organisation is not None:
        organisation = member_organisations(site).filter(pk=payload.organisation).first()
        if organisation is None:
            raise ValidationError(
                {"organisation": _("Choose a member organisation of this platform.")}
            )
    name = payload.name.strip() or request.user.get_full_name().strip()  # type: ignore[union-attr]
    registration = services.registration_create(
        actor=request.user,  # type: ignore[arg-type]
        event=event,
        name=name,
        email=email,
        organisation=organisation,
        organisation_name=payload.organisation_name,
        consent_public=payload.consent_public,
    )
    return Status(201, registration)


# --- The organisers ------------------------------------------------------------------------


def _organised_event(request: HttpRequest, slug: str, pk: int) -> Event:
    """The event as the office's pages find it: any of the platform's for its secretariat, one
    of their groups' for a coordinator, else 404."""
    platform, groups = managed_or_coordinated(request, slug)
    return selectors.organised_event(platform, groups, pk)


@router.get(
    "/platforms/{platform}/events/{pk}/registrations",
    auth=SIGNED_IN,
    response=answers(list[EventRegistrationOut]),
    summary="An event's registrations, as the office's list (organisers only)",
    description=(
        "For the platform's secretariat, and the coordinators of one of the event's working "
        "groups; 404 for anyone else. Private: names, e-mail addresses, organisations."
    ),
    operation_id="event_registration_list",
)
@paginate(Pages)
def event_registration_list(
    request: HttpRequest,
    platform: PlatformSlug,
    filters: Query[EventRegistrationFilters],
    pk: int = object_id("The event's id."),
) -> QuerySet[Registration]:
    event = _organised_event(request, platform, pk)
    registrations = selectors.registrations_for_organiser(event)
    if filters.status:
        registrations = registrations.filter(status=filters.status)
    return registrations
