"""The activities' personal data: registrations for events and the check-ins made from them.

Erasure pseudonymises them (name, address; the link to the shared person removed): the event's
figures (how many registered, came, from which organisations) stay as they were. The same
pseudonymisation runs, by age, for the registrations of events that ended more than
``PLATFORMA_REGISTRATION_RETENTION_DAYS`` ago (:func:`registrations_pseudonymise_before`, called
by the privacy app's retention task).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from platforma.core.personal_data import (
    ERASED_DOMAIN,
    PSEUDONYMISE,
    Export,
    Holder,
    Item,
    erased_address,
    normalise,
    pseudonym,
    record_of,
    register,
)
from platforma.core.types import Actor

from .models import Attendance, Registration
from .services._common import event_mark_changed

LIVE = (Registration.Status.PENDING, Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


def _registrations(email: str, platform: Any) -> QuerySet[Registration]:
    address = normalise(email)
    if not address:
        return Registration.objects.none()
    return Registration.objects.filter(
        Q(email__iexact=address) | Q(person__email__iexact=address), event__platform=platform
    )


def _export(email: str, platform: Any) -> Export:
    records = []
    for registration in _registrations(email, platform).select_related("event"):
        records.append(
            record_of(registration, exclude=("token", "confirmation_hash"))
            | {"event_title": registration.event.title}
        )
    for attendance in Attendance.objects.filter(registration__in=_registrations(email, platform)):
        records.append(record_of(attendance))
    return Export(records=records)


def _platforms(email: str) -> set[int]:
    address = normalise(email)
    if not address:
        return set()
    return set(
        Registration.objects.filter(email__iexact=address, status__in=LIVE).values_list(
            "event__platform_id", flat=True
        )
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(
            _("registration for an event"),
            _registrations(email, platform).count(),
            PSEUDONYMISE,
            _("The event's figures (registered, present, organisations) stay as they were."),
        )
    ]


def _pseudonymise(registration: Registration, email: str) -> None:
    registration.name = pseudonym(email)
    registration.email = erased_address(email)
    registration.person = None
    registration.consent_public = False
    registration.save(update_fields=["name", "email", "person", "consent_public", "updated_at"])
    Attendance.objects.filter(registration=registration).update(
        name=registration.name, consent_public=False
    )
    event_mark_changed(registration.event_id)  # its cached public page lists participants


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    rows = list(_registrations(email, platform))
    for registration in rows:
        # Each from its own address: two live registrations of one event never share one.
        _pseudonymise(registration, registration.email)
    return {"registrations_pseudonymised": len(rows)}


def registrations_pseudonymise_before(cutoff: datetime.datetime) -> dict[int, int]:
    """Pseudonymise the registrations of events that ended before ``cutoff`` and are not yet;
    ``{platform id: how many}``. Run again, it finds none (idempotent)."""
    counts: dict[int, int] = {}
    rows = (
        Registration.objects.filter(event__ends_at__lt=cutoff)
        .exclude(email__endswith="@" + ERASED_DOMAIN)
        .select_related("event")
    )
    for registration in rows.iterator(chunk_size=500):
        _pseudonymise(registration, registration.email)
        counts[registration.event.platform_id] = counts.get(registration.event.platform_id, 0) + 1
    return counts


register(
    Holder(
        name="activities",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=30,
    )
)
