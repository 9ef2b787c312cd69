"""Attendance: who came, checked in from a registration (one or many) or as a walk-in."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.types import Actor
from platforma.members.models import Organisation

from ..models import Attendance, Event, Registration
from ._common import R, event_mark_changed, require_organiser


def _check_event(event: Event) -> None:
    if event.is_cancelled:
        raise ValidationError(_("This event is cancelled: nobody can be checked in."))


@transaction.atomic
def attendance_check_in(
    *,
    actor: Actor,
    event: Event,
    registration: Registration | None = None,
    name: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    consent_public: bool = False,
    actor_label: str = "",
    at: datetime.datetime | None = None,
) -> Attendance:
    """Check in a registered participant, or someone who walked in (name and organisation)."""
    require_organiser(actor, event, registration, organisation)
    _check_event(event)
    if registration is not None:
        if registration.event_id != event.pk:
            raise ValidationError(_("This registration is for another event."))
        if registration.status != R.CONFIRMED:
            raise ValidationError(_("Only confirmed participants can be checked in."))
        if Attendance.objects.filter(registration=registration).exists():
            raise ValidationError(_("%(name)s is already checked in.") % {"name": registration})
        name = registration.name
        organisation = registration.organisation
        organisation_name = registration.organisation_name
        consent_public = registration.consent_public
    if not name.strip():
        raise ValidationError({"name": _("Please give the participant's name.")})
    attendance = Attendance(
        event=event,
        registration=registration,
        name=name.strip(),
        organisation=organisation,
        organisation_name="" if organisation else organisation_name.strip(),
        consent_public=consent_public,
        checked_in_at=at or timezone.now(),
    )
    attendance.full_clean()
    attendance.save()
    event_mark_changed(event.pk)
    audit.record(
        "activities.attendance.checked_in",
        actor=actor,
        actor_label=actor_label,
        target=attendance,
        platform=event.platform,
        data={"after": audit.snapshot(attendance)},
    )
    return attendance


@transaction.atomic
def attendance_check_in_many(
    *,
    actor: Actor,
    event: Event,
    registrations: Iterable[Registration],
    actor_label: str = "",
    at: datetime.datetime | None = None,
) -> list[Attendance]:
    """Check in several confirmed registrations at once: all of them, or none (each problem
    named)."""
    # Every registration must be of this event, so managing the event's platform covers them:
    # one permission check instead of one query per registration.
    require_organiser(actor, event)
    _check_event(event)
    registrations = list(registrations)
    if not registrations:
        raise ValidationError(_("Tick at least one participant to check in."))
    checked = set(
        Attendance.objects.filter(registration__in=registrations).values_list(
            "registration_id", flat=True
        )
    )
    problems = []
    for r in registrations:
        if r.event_id != event.pk:
            problems.append(_("%(name)s is registered for another event.") % {"name": r.name})
        elif r.status != R.CONFIRMED:
            problems.append(
                _("%(name)s is not confirmed (%(status)s) and cannot be checked in.")
                % {"name": r.name, "status": r.get_status_display()}
            )
        elif r.pk in checked:
            problems.append(_("%(name)s is already checked in.") % {"name": r.name})
    if problems:
        raise ValidationError(problems)
    when = at or timezone.now()
    attendances = Attendance.objects.bulk_create(
        [
            Attendance(
                event=event,
                registration=r,
                name=r.name,
                organisation_id=r.organisation_id,
                organisation_name="" if r.organisation_id else r.organisation_name,
                consent_public=r.consent_public,
                checked_in_at=when,
            )
            for r in registrations
        ]
    )
    event_mark_changed(event.pk)
    audit.record(
        "activities.attendance.checked_in_many",
        actor=actor,
        actor_label=actor_label,
        target=event,
        platform=event.platform,
        data={
            "registrations": [r.pk for r in registrations],
            "count": len(registrations),
            "checked_in_at": when,
        },
    )
    return attendances
