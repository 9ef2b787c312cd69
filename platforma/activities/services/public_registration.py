"""Public registration: a request that holds nothing until its address is confirmed by a link.

An anonymous form cannot tell a person from a script that types other people's addresses, so
the public form only *requests* a place (status ``PENDING``): no seat, no waitlist place, one
e-mail with a single-use link. Following the link and pressing "Confirm" allots the seat, or a
waitlist place in order of confirmation, under the event's row lock as any registration.
Requests not confirmed within ``PLATFORMA_REGISTRATION_CONFIRM_HOURS`` expire: they are ignored
from that moment and marked ``EXPIRED`` by the next request for the event or by
``manage.py activities_expire_registrations`` (each with its audit entry); the address may then
register again.

Limits (settings): ``PLATFORMA_REGISTRATION_PENDING_PER_ADDRESS`` requests awaiting
confirmation per address across the installation; the confirmation e-mail to one address is
sent again at most once per ``PLATFORMA_REGISTRATION_RESEND_MINUTES``. The per-client limit is
the view's (``activities.ratelimit``).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.mail import absolute
from platforma.core.models import Platform
from platforma.core.types import Actor
from platforma.members.models import Organisation

from ..conf import limit
from ..models import Event, Registration
from ..selectors import registration_window_problem
from ._common import R, event_mark_changed, locked, mail
from .registrations import organisation_full_error, organisation_has_room, seat_or_waitlist


class RegistrationThrottled(ValidationError):
    """Too many registrations awaiting confirmation for one address (or from one client)."""


class ConfirmationInvalid(ValidationError):
    """A confirmation link that is unknown, already used, or of a registration that expired."""


def confirm_hours() -> int:
    return limit("PLATFORMA_REGISTRATION_CONFIRM_HOURS")


def pending_per_address() -> int:
    return limit("PLATFORMA_REGISTRATION_PENDING_PER_ADDRESS")


def resend_minutes() -> int:
    return limit("PLATFORMA_REGISTRATION_RESEND_MINUTES")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _mail_key(email: str) -> str:
    return "activities:confirmation-mail:" + token_hash(email)


def _send_confirmation(registration: Registration, token: str) -> None:
    """The e-mail with the confirmation link; remembered per address for the re-send limit."""
    cache.set(_mail_key(registration.email), True, timeout=resend_minutes() * 60)
    link = absolute(
        reverse(
            "activities:registration-confirm",
            kwargs={"platform": registration.event.platform.slug, "token": token},
        )
    )
    mail(
        [registration],
        "confirm_address",
        {"confirm_link": link, "expires_at": registration.confirmation_expires_at},
    )


def _new_token(registration: Registration, now: datetime.datetime) -> str:
    token = secrets.token_urlsafe(32)
    registration.confirmation_hash = token_hash(token)
    if registration.confirmation_expires_at is None:
        registration.confirmation_expires_at = now + datetime.timedelta(hours=confirm_hours())
    return token


def _serialise_address(email: str) -> None:
    """Requests for one address, for different events, are counted one after the other: each
    holds a lock on its event only, so on PostgreSQL a transaction-scoped advisory lock keyed by
    the address makes the per-address limit exact. (SQLite runs one writer at a time anyway.)"""
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(email.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _check_person(name: str, email: str) -> None:
    errors = {}
    if not name:
        errors["name"] = _("Please give your name.")
    if not email:
        errors["email"] = _("Please give your e-mail address.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def registration_request(
    *,
    actor: Actor,
    event: Event,
    name: str,
    email: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    consent_public: bool = False,
    actor_label: str = "public registration",
    now: datetime.datetime | None = None,
) -> Registration:
    """Request a place for an address still to be confirmed: status ``PENDING``, no seat,
    one e-mail with the confirmation link (after the commit).

    The same address asking again for the same event gets the link again (a new one: the
    earlier one stops working), at most once per ``resend_minutes()``; the returned
    registration's ``mail_sent`` says whether it was sent. The organisation's seats are
    counted with the requests awaiting confirmation, so a wave of requests under variants of
    one name cannot pass the limit either.
    """
    now = now or timezone.now()
    event = locked(event)
    registrations_expire(now=now, event=event)
    problem = registration_window_problem(event, now)
    if problem:
        raise ValidationError(problem)
    name, email = name.strip(), email.strip().lower()
    _check_person(name, email)

    _serialise_address(email)
    waiting = Registration.objects.filter(event=event, email=email, status=R.PENDING).first()
    if waiting is not None:
        waiting.event = event
        waiting.mail_sent = False
        if not cache.add(_mail_key(email), True, timeout=resend_minutes() * 60):
            return waiting  # sent a moment ago: not again
        token = _new_token(waiting, now)
        waiting.save(update_fields=["confirmation_hash", "updated_at"])
        audit.record(
            "activities.registration.confirmation_resent",
            actor=actor,
            actor_label=actor_label,
            target=waiting,
            platform=event.platform,
        )
        _send_confirmation(waiting, token)
        waiting.mail_sent = True
        return waiting

    awaiting = Registration.objects.filter(
        email=email, status=R.PENDING, confirmation_expires_at__gt=now
    ).count()
    if awaiting >= pending_per_address():
        raise RegistrationThrottled(
            ngettext(
                "This address already has %(n)d registration awaiting confirmation. Confirm "
                "it with the link we sent (or let it expire) before registering again.",
                "This address already has %(n)d registrations awaiting confirmation. Confirm "
                "them with the links we sent (or let them expire) before registering again.",
                awaiting,
            )
            % {"n": awaiting}
        )
    if not organisation_has_room(event, organisation, organisation_name, now=now):
        raise organisation_full_error(event)
    registration = Registration(
        event=event,
        name=name,
        email=email,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name.strip(),
        consent_public=consent_public,
        status=R.PENDING,
        registered_at=now,
    )
    token = _new_token(registration, now)
    registration.full_clean(
        exclude=["event", "organisation"], validate_unique=False, validate_constraints=False
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise ValidationError(
            {"email": _("This e-mail address is already registered for this event.")}
        ) from None
    audit.record(
        "activities.registration.requested",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=event.platform,
        data={
            "after": audit.snapshot(registration, ["event", "organisation", "status"]),
            "expires_at": registration.confirmation_expires_at.isoformat()
            if registration.confirmation_expires_at
            else None,
        },
    )
    _send_confirmation(registration, token)
    registration.mail_sent = True
    return registration


def registration_awaiting(platform: Platform, token: str, now: datetime.datetime) -> Registration:
    """The registration a confirmation link is for, or ``ConfirmationInvalid``."""
    try:
        registration = Registration.objects.select_related("event__platform").get(
            confirmation_hash=token_hash(token), event__platform=platform, status=R.PENDING
        )
    except Registration.DoesNotExist:
        raise ConfirmationInvalid(
            _(
                "This confirmation link does not work: it was used already, a newer one was "
                "sent, or the registration was cancelled."
            )
        ) from None
    expires = registration.confirmation_expires_at
    if expires is None or expires <= now:
        raise ConfirmationInvalid(
            _(
                "This confirmation link has expired, and the registration with it: nothing was "
                "held. Please register again."
            )
        )
    return registration


@transaction.atomic
def registration_confirm(
    *,
    actor: Actor,
    platform: Platform,
    token: str,
    actor_label: str = "registrant",
    now: datetime.datetime | None = None,
) -> Registration:
    """The address is confirmed: a seat if one is free, else a waitlist place (in order of
    confirmation), under the event's row lock; the link is used up. The registrant gets the
    usual e-mail of a confirmed or waitlisted place, with their registration's own link."""
    now = now or timezone.now()
    found = registration_awaiting(platform, token, now)
    event = locked(found.event)
    registration = Registration.objects.get(pk=found.pk)
    registration.event = event
    if registration.status != R.PENDING or registration.confirmation_hash != token_hash(token):
        raise ConfirmationInvalid(_("This confirmation link was used already."))
    if event.is_cancelled:
        raise ValidationError(_("This event is cancelled."))
    if now >= event.starts_at:
        raise ValidationError(_("Registration is closed."))
    if not organisation_has_room(
        event,
        registration.organisation,
        registration.organisation_name,
        awaiting=False,
        now=now,
        exclude=registration.pk,
    ):
        raise organisation_full_error(event)
    registration.status = seat_or_waitlist(event)
    registration.registered_at = now  # the waitlist is in order of confirmation
    registration.address_confirmed_at = now
    registration.confirmation_hash = ""
    registration.save(
        update_fields=[
            "status",
            "registered_at",
            "address_confirmed_at",
            "confirmation_hash",
            "updated_at",
        ]
    )
    audit.record(
        "activities.registration.confirmed",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=event.platform,
        data={"status": {"before": R.PENDING, "after": registration.status}},
    )
    event_mark_changed(event.pk)
    mail([registration], registration.status)
    return registration


@transaction.atomic
def registrations_expire(
    *, now: datetime.datetime | None = None, event: Event | None = None, actor_label: str = ""
) -> int:
    """Mark the requests whose confirmation time has passed ``EXPIRED`` (one audit entry each;
    they held nothing, and their address may register again). Returns how many."""
    now = now or timezone.now()
    lapsed = Registration.objects.filter(status=R.PENDING, confirmation_expires_at__lte=now)
    if event is not None:
        lapsed = lapsed.filter(event=event)
    count = 0
    for registration in lapsed.select_related("event__platform").order_by("pk"):
        registration.status = R.EXPIRED
        registration.confirmation_hash = ""
        registration.save(update_fields=["status", "confirmation_hash", "updated_at"])
        audit.record(
            "activities.registration.expired",
            actor=None,
            actor_label=actor_label or "confirmation time passed",
            target=registration,
            platform=registration.event.platform,
            data={
                "expires_at": registration.confirmation_expires_at.isoformat()
                if registration.confirmation_expires_at
                else None
            },
        )
        count += 1
    return count
