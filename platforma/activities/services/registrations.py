"""Registrations: a seat or a waitlist place, cancelled by the registrant or the organisers."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.types import Actor
from platforma.members.models import Organisation

from ..models import Event, Registration
from ..orgnames import organisation_key, organisation_keys
from ..selectors import registration_window_problem
from ._common import R, confirmed, event_mark_changed, live, locked, mail, require_organiser

SUBJECT_MAX = 200
BODY_MAX = 10_000
AUDIENCES = {
    "live": (R.CONFIRMED, R.WAITLISTED),
    "confirmed": (R.CONFIRMED,),
    "waitlisted": (R.WAITLISTED,),
}


def member_keys(event: Event) -> dict[str, int]:
    """The name keys of the organisations that ever applied to or joined the event's platform
    (legal and short names in every language, acronym) -> the organisation's id, so that a
    member typed by hand as "Other organisation" counts as that member."""
    names = ["acronym", "legal_name", "short_name"]
    for code, _name in settings.LANGUAGES:
        names += [f"legal_name_{code}", f"short_name_{code}"]
    keys: dict[str, int] = {}
    rows = (
        Organisation.objects.filter(memberships__platform=event.platform_id)
        .distinct()
        .values_list("pk", *names)
        .order_by("pk")
    )
    for pk, *written in rows:
        for key in organisation_keys(written):
            keys.setdefault(key, pk)
    return keys


def organisation_identity(
    organisation_id: int | None, organisation_name: str, keys: dict[str, int]
) -> tuple[str, object] | None:
    if organisation_id:
        return ("member", organisation_id)
    key = organisation_key(organisation_name)
    if not key:
        return None
    if key in keys:
        return ("member", keys[key])
    return ("name", key)


def holding(event: Event, now: datetime.datetime, *, awaiting: bool) -> QuerySet[Registration]:
    """Registrations that count against the seats per organisation: the confirmed ones, and
    (``awaiting``) those awaiting confirmation whose link has not expired."""
    held = Q(status=R.CONFIRMED)
    if awaiting:
        held |= Q(status=R.PENDING, confirmation_expires_at__gt=now)
    return Registration.objects.filter(held, event=event)


def organisation_has_room(
    event: Event,
    organisation: Organisation | None,
    organisation_name: str,
    *,
    awaiting: bool = True,
    now: datetime.datetime | None = None,
    exclude: int | None = None,
    keys: dict[str, int] | None = None,
) -> bool:
    """Whether the organisation may take one more seat. The organisation is matched by the
    key of its name (``orgnames``), not as typed: a renamed variant is the same organisation,
    and a member's name typed by hand is that member."""
    if not event.seats_per_organisation:
        return True
    keys = member_keys(event) if keys is None else keys
    me = organisation_identity(organisation.pk if organisation else None, organisation_name, keys)
    if me is None:
        return True
    rows = holding(event, now or timezone.now(), awaiting=awaiting)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    taken = sum(
        1
        for organisation_id, name in rows.values_list("organisation_id", "organisation_name")
        if organisation_identity(organisation_id, name, keys) == me
    )
    return taken < event.seats_per_organisation


def organisation_full_error(event: Event) -> ValidationError:
    return ValidationError(
        _(
            "Your organisation already has all the seats it may take (%(n)d). "
            "Ask a colleague to cancel, or contact the organisers."
        )
        % {"n": event.seats_per_organisation}
    )


def seat_or_waitlist(event: Event) -> str:
    """The status a newly confirmed registration gets (the caller holds the event's lock)."""
    full = event.capacity is not None and confirmed(event).count() >= event.capacity
    return R.WAITLISTED if full else R.CONFIRMED


def _registrant_or_manager(actor: Actor, registration: Registration, token: str) -> None:
    """The registrant acts with the secret link of their registration; anyone else must
    organise the event (``_common.require_organiser``)."""
    if token and token == registration.token:
        return
    require_organiser(actor, registration.event, registration)


@transaction.atomic
def registration_create(
    *,
    actor: Actor,
    event: Event,
    name: str,
    email: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    consent_public: bool = False,
    actor_label: str = "",
    now: datetime.datetime | None = None,
    by_organiser: bool = False,
    notify: bool = True,
) -> Registration:
    """A seat if one is free, else a place on the waitlist, at once. Safe against concurrent
    requests.

    For registrations whose address needs no confirmation: made by the organisers
    (``by_organiser``), or by a logged-in person with their own account's address. The public
    form calls ``registration_request`` (``public``), which holds nothing until the address is
    confirmed.

    The event row is locked (``select_for_update``) so two requests for the last seat are
    served one after the other: one seat, one waitlist place. Anyone may register while the
    window is open; ``by_organiser`` (outside the window) is for those who manage the event.
    """
    if by_organiser:
        require_organiser(actor, event, organisation)
    now = now or timezone.now()
    event = locked(event)
    if event.is_cancelled:
        raise ValidationError(_("This event is cancelled."))
    if not by_organiser:
        problem = registration_window_problem(event, now)
        if problem:
            raise ValidationError(problem)
    name, email = name.strip(), email.strip().lower()
    errors = {}
    if not name:
        errors["name"] = _("Please give your name.")
    if not email:
        errors["email"] = _("Please give your e-mail address.")
    if errors:
        raise ValidationError(errors)
    if not organisation_has_room(event, organisation, organisation_name, now=now):
        raise organisation_full_error(event)
    status = seat_or_waitlist(event)
    registration = Registration(
        event=event,
        name=name,
        email=email,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name.strip(),
        consent_public=consent_public,
        status=status,
        registered_at=now,
        address_confirmed_at=now,
    )
    # The field rules only: the event is the one locked above and the organisation came from
    # the form's choices (checking each again is a query apiece). The one constraint, one live
    # registration per address, is the database's to keep: asking first would cost a query on
    # every registration to catch the rare second one.
    registration.full_clean(
        exclude=["event", "organisation"], validate_unique=False, validate_constraints=False
    )
    try:
        with transaction.atomic():  # a savepoint: a refused insert leaves the rest as it was
            registration.save()
    except IntegrityError:
        if live(event).filter(email=email).exists():
            raise ValidationError(
                {"email": _("This e-mail address is already registered for this event.")}
            ) from None
        raise
    audit.record(
        "activities.registration.created",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=event.platform,
        data={"after": audit.snapshot(registration, ["event", "organisation", "status"])},
    )
    if notify:
        mail([registration], status)
    event_mark_changed(event.pk)
    return registration


def promote(event: Event) -> list[Registration]:
    """Give free seats to the waitlist in order of registration, and tell each by e-mail.

    A step of the services that free seats (they record it in their own audit entry); the
    caller holds the event's row lock.
    """
    if not Event.platform.is_cached(event):
        event = Event.objects.select_related("platform").get(pk=event.pk)
    promoted: list[Registration] = []
    free = None if event.capacity is None else event.capacity - confirmed(event).count()
    keys = member_keys(event) if event.seats_per_organisation else {}
    waiting = Registration.objects.filter(event=event, status=R.WAITLISTED).order_by(
        "registered_at", "id"
    )
    for candidate in waiting:
        if free is not None and free <= 0:
            break
        if not organisation_has_room(
            event, candidate.organisation, candidate.organisation_name, awaiting=False, keys=keys
        ):
            continue
        candidate.event = event
        candidate.status = R.CONFIRMED
        candidate.promoted_at = timezone.now()
        candidate.save(update_fields=["status", "promoted_at", "updated_at"])
        promoted.append(candidate)
        if free is not None:
            free -= 1
    if promoted:
        event_mark_changed(event.pk)
        mail(promoted, "promoted")
    return promoted


@transaction.atomic
def registration_cancel(
    *, actor: Actor, registration: Registration, token: str = "", actor_label: str = ""
) -> Registration:
    """Cancel a place (the registrant, with its link's ``token``, or an organiser); a freed
    seat goes to the first on the waitlist who may take it."""
    _registrant_or_manager(actor, registration, token)
    event = locked(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == R.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    if registration.status == R.EXPIRED:
        raise ValidationError(_("This registration has expired: it was never confirmed."))
    if hasattr(registration, "attendance"):
        raise ValidationError(_("This participant has checked in; the place cannot be cancelled."))
    before = registration.status
    registration.status = R.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.confirmation_hash = ""  # an unused confirmation link dies with it
    registration.save(update_fields=["status", "cancelled_at", "confirmation_hash", "updated_at"])
    event_mark_changed(event.pk)
    promoted = promote(event) if before == R.CONFIRMED else []
    audit.record(
        "activities.registration.cancelled",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=event.platform,
        data={
            "status": {"before": before, "after": R.CANCELLED},
            "promoted": [r.pk for r in promoted],
        },
    )
    registration.promoted_registrations = promoted  # for the page that says who moved up
    return registration


@transaction.atomic
def registration_promote_waitlisted(
    *, actor: Actor, event: Event, actor_label: str = ""
) -> list[Registration]:
    """Give the free seats to the waitlist now (e.g. after seats were freed by hand)."""
    require_organiser(actor, event)
    event = locked(event)
    promoted = promote(event)
    if promoted:
        audit.record(
            "activities.registration.promoted",
            actor=actor,
            actor_label=actor_label,
            target=event,
            platform=event.platform,
            data={"promoted": [r.pk for r in promoted]},
        )
    return promoted


@transaction.atomic
def registration_set_consent(
    *,
    actor: Actor,
    registration: Registration,
    consent_public: bool,
    token: str = "",
    actor_label: str = "",
) -> Registration:
    _registrant_or_manager(actor, registration, token)
    before = registration.consent_public
    if before == consent_public:
        return registration
    registration.consent_public = consent_public
    registration.save(update_fields=["consent_public", "updated_at"])
    if hasattr(registration, "attendance"):
        registration.attendance.consent_public = consent_public
        registration.attendance.save(update_fields=["consent_public", "updated_at"])
    event_mark_changed(registration.event_id)
    audit.record(
        "activities.registration.consent_changed",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=registration.event.platform,
        data={"consent_public": {"before": before, "after": consent_public}},
    )
    return registration


@transaction.atomic
def registrations_message(
    *,
    actor: Actor,
    event: Event,
    subject: str,
    body: str,
    audience: str = "live",
    actor_label: str = "",
) -> int:
    """Write to the event's registrants (all with a place, or only the confirmed or the
    waitlisted): plain text, each with the link to their registration, sent once committed.
    Returns the number of registrants written to."""
    require_organiser(actor, event)
    subject = " ".join(subject.split())
    body = body.strip()
    errors = {}
    if not subject:
        errors["subject"] = _("Please write a subject.")
    elif len(subject) > SUBJECT_MAX:
        errors["subject"] = _("Please keep the subject under %(n)d characters.") % {
            "n": SUBJECT_MAX
        }
    if not body:
        errors["body"] = _("Please write the message.")
    elif len(body) > BODY_MAX:
        errors["body"] = _("Please keep the message under %(n)d characters.") % {"n": BODY_MAX}
    if audience not in AUDIENCES:
        errors["audience"] = _("Choose whom to write to.")
    if errors:
        raise ValidationError(errors)
    if not Event.platform.is_cached(event):
        event = Event.objects.select_related("platform").get(pk=event.pk)
    recipients = list(
        Registration.objects.filter(event=event, status__in=AUDIENCES[audience]).order_by(
            "registered_at", "id"
        )
    )
    if not recipients:
        raise ValidationError(_("Nobody in this group is registered: there is no one to write to."))
    for registration in recipients:
        registration.event = event
    audit.record(
        "activities.event.registrants_messaged",
        actor=actor,
        actor_label=actor_label,
        target=event,
        platform=event.platform,
        data={
            "subject": subject,
            "audience": audience,
            "recipients": len(recipients),
            "registrations": [r.pk for r in recipients],
        },
    )
    mail(recipients, "message", {"body": body}, subject=subject)
    return len(recipients)
