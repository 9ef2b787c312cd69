"""Writes to events, registrations and attendance. Each service records one audit entry."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.mail import absolute, render_text
from platforma.core.models import Platform
from platforma.core.services import apply_changes
from platforma.members.models import Organisation

from .models import Attendance, Event, EventFile, EventKind, Registration
from .selectors import registration_window_problem
from .uploads import file_snapshot, validate_image, validate_pdf

_LANGS = ("en", "az", "ru")
_TRANSLATED = ("title", "description", "aims", "outcomes", "city", "venue", "partners", "donors")
EVENT_FIELDS = {
    "kind",
    "custom_kind",
    "starts_at",
    "ends_at",
    "all_day",
    "time_zone",
    "online_url",
    "languages",
    "is_public",
    "registration_enabled",
    "registration_opens_at",
    "registration_closes_at",
    "capacity",
    "seats_per_organisation",
    "recorded_count",
    "recorded_count_precision",
    "recorded_count_unit",
    "is_demo",
    *_TRANSLATED,
} | {f"{f}_{lang}" for f in _TRANSLATED for lang in _LANGS}

R = Registration.Status


@transaction.atomic
def event_kind_create(
    *, actor, platform: Platform, slug: str, names: dict[str, str], actor_label: str = ""
) -> EventKind:
    kind = EventKind(platform=platform, slug=slug, **{f"name_{k}": v for k, v in names.items()})
    kind.full_clean()
    kind.save()
    audit.record(
        "activities.event_kind.created",
        actor=actor,
        actor_label=actor_label,
        target=kind,
        data={"after": audit.snapshot(kind)},
    )
    return kind


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise ValidationError(_("Unknown event fields: %s") % ", ".join(sorted(unknown)))


def _check_groups(platform: Platform, working_groups) -> None:
    if any(g.platform_id != platform.pk for g in working_groups):
        raise ValidationError(
            {"working_groups": _("A working group of another platform cannot organise this event.")}
        )


@transaction.atomic
def event_create(
    *, actor, platform: Platform, working_groups=(), actor_label: str = "", **fields
) -> Event:
    _check_fields(fields)
    _check_groups(platform, working_groups)
    fields.setdefault("time_zone", platform.time_zone)
    event = Event(platform=platform, **fields)
    event.full_clean()
    event.save()
    event.working_groups.set(working_groups)
    audit.record(
        "activities.event.created",
        actor=actor,
        actor_label=actor_label,
        target=event,
        data={"after": audit.snapshot(event), "working_groups": [g.pk for g in working_groups]},
    )
    return event


@transaction.atomic
def event_update(
    *,
    actor,
    event: Event,
    working_groups=None,
    actor_label: str = "",
    base_url: str = "",
    **changes,
) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = apply_changes(event, changes, allowed=EVENT_FIELDS)
    if working_groups is not None:
        _check_groups(event.platform, working_groups)
        before = sorted(event.working_groups.values_list("pk", flat=True))
        after = sorted(g.pk for g in working_groups)
        if before != after:
            event.working_groups.set(working_groups)
            changed["working_groups"] = {"before": before, "after": after}
    if changed:
        audit.record(
            "activities.event.updated",
            actor=actor,
            actor_label=actor_label,
            target=event,
            data={"changes": changed},
        )
    if "capacity" in changed or "seats_per_organisation" in changed:
        registration_promote_waitlisted(
            actor=actor, event=event, actor_label=actor_label, base_url=base_url
        )
    return event


@transaction.atomic
def event_file_add(
    *,
    actor,
    event: Event,
    kind: str,
    upload,
    caption: str = "",
    is_public: bool = True,
    actor_label: str = "",
) -> EventFile:
    if kind == EventFile.Kind.PHOTO:
        validate_image(upload)
    elif kind == EventFile.Kind.DOCUMENT:
        validate_pdf(upload)
    else:
        raise ValidationError(_("Unknown kind of file: %s") % kind)
    item = EventFile(event=event, kind=kind, caption=caption, is_public=is_public)
    item.file.save(upload.name.rsplit("/", 1)[-1], upload, save=False)
    item.full_clean()
    item.save()
    _touch(event)
    audit.record(
        "activities.event_file.added",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=event.platform,
        data={"after": file_snapshot(item)},
    )
    return item


# --- Registration ---------------------------------------------------------------------------


def _locked(event: Event) -> Event:
    """The event read afresh under a row lock, with its platform (reused when already read)."""
    if Event.platform.is_cached(event):
        locked = Event.objects.select_for_update().get(pk=event.pk)
        locked.platform = event.platform
        return locked
    return Event.objects.select_for_update().select_related("platform").get(pk=event.pk)


def event_mark_changed(event_id: int) -> None:
    """Mark the event changed: its public page (cached, see ``core.pagecache``) shows its
    registrations, attendance and files, and is keyed on ``updated_at``. Not a change of its
    own (no audit record): the write that calls it records itself."""
    Event.objects.filter(pk=event_id).update(updated_at=timezone.now())


def _touch(event: Event) -> None:
    event_mark_changed(event.pk)


def _live(event: Event, email: str):
    return Registration.objects.filter(event=event, email=email).exclude(status=R.CANCELLED)


def _confirmed(event: Event):
    return Registration.objects.filter(event=event, status=R.CONFIRMED)


def _organisation_key(organisation: Organisation | None, organisation_name: str) -> Q | None:
    if organisation is not None:
        return Q(organisation=organisation)
    name = organisation_name.strip()
    if name:
        return Q(organisation__isnull=True, organisation_name__iexact=name)
    return None


def _organisation_has_room(event: Event, organisation, organisation_name: str) -> bool:
    if not event.seats_per_organisation:
        return True
    key = _organisation_key(organisation, organisation_name)
    if key is None:
        return True
    return _confirmed(event).filter(key).count() < event.seats_per_organisation


def _mail(registration: Registration, template: str, base_url: str) -> None:
    """E-mail the registrant once the transaction commits (and only if it does).

    The message is written after the commit too: on SQLite the write lock is held until then,
    and every other registration waits for it.
    """
    path = reverse(
        "activities:registration-detail",
        kwargs={"platform": registration.event.platform.slug, "token": registration.token},
    )
    context = {
        "registration": registration,
        "event": registration.event,
        "link": absolute(path),
    }

    def send() -> None:
        subject = " ".join(render_text(f"activities/email/{template}_subject.txt", context).split())
        body = render_text(f"activities/email/{template}.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])

    # robust: a mail server that fails is logged as an error; it does not undo the answer to a
    # registration already committed (the registrant has its page and link either way).
    transaction.on_commit(send, robust=True)


@transaction.atomic
def registration_create(
    *,
    actor,
    event: Event,
    name: str,
    email: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    consent_public: bool = False,
    actor_label: str = "",
    base_url: str = "",
    now: datetime.datetime | None = None,
    by_organiser: bool = False,
    notify: bool = True,
) -> Registration:
    """A seat if one is free, else a place on the waitlist. Safe against concurrent requests.

    The event row is locked (``select_for_update``) so two requests for the last seat are
    served one after the other: one seat, one waitlist place.
    """
    now = now or timezone.now()
    event = _locked(event)
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
    if not _organisation_has_room(event, organisation, organisation_name):
        raise ValidationError(
            _(
                "Your organisation already has all the seats it may take (%(n)d). "
                "Ask a colleague to cancel, or contact the organisers."
            )
            % {"n": event.seats_per_organisation}
        )
    full = event.capacity is not None and _confirmed(event).count() >= event.capacity
    registration = Registration(
        event=event,
        name=name,
        email=email,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name.strip(),
        consent_public=consent_public,
        status=R.WAITLISTED if full else R.CONFIRMED,
        registered_at=now,
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
        if _live(event, email).exists():
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
        _mail(registration, "waitlisted" if full else "confirmed", base_url)
    _touch(event)
    return registration


@transaction.atomic
def registration_cancel(
    *, actor, registration: Registration, actor_label: str = "", base_url: str = ""
) -> Registration:
    """Cancel a place; a freed seat goes to the first on the waitlist who may take it."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == R.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    if hasattr(registration, "attendance"):
        raise ValidationError(_("This participant has checked in; the place cannot be cancelled."))
    before = registration.status
    registration.status = R.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    _touch(event)
    audit.record(
        "activities.registration.cancelled",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        platform=event.platform,
        data={"status": {"before": before, "after": R.CANCELLED}},
    )
    if before == R.CONFIRMED:
        registration_promote_waitlisted(
            actor=actor, event=event, actor_label=actor_label, base_url=base_url
        )
    return registration


@transaction.atomic
def registration_promote_waitlisted(
    *, actor, event: Event, actor_label: str = "", base_url: str = ""
) -> list[Registration]:
    """Give free seats to the waitlist in order of registration, and tell each by e-mail."""
    event = Event.objects.select_for_update().select_related("platform").get(pk=event.pk)
    promoted: list[Registration] = []
    free = None if event.capacity is None else event.capacity - _confirmed(event).count()
    waiting = Registration.objects.filter(event=event, status=R.WAITLISTED).order_by(
        "registered_at", "id"
    )
    for candidate in waiting:
        if free is not None and free <= 0:
            break
        if not _organisation_has_room(event, candidate.organisation, candidate.organisation_name):
            continue
        candidate.status = R.CONFIRMED
        candidate.promoted_at = timezone.now()
        candidate.save(update_fields=["status", "promoted_at", "updated_at"])
        promoted.append(candidate)
        _mail(candidate, "promoted", base_url)
        if free is not None:
            free -= 1
    if promoted:
        _touch(event)
        audit.record(
            "activities.registration.promoted",
            actor=actor,
            actor_label=actor_label,
            target=event,
            data={"promoted": [r.pk for r in promoted]},
        )
    return promoted


@transaction.atomic
def registration_set_consent(
    *, actor, registration: Registration, consent_public: bool, actor_label: str = ""
) -> Registration:
    before = registration.consent_public
    if before == consent_public:
        return registration
    registration.consent_public = consent_public
    registration.save(update_fields=["consent_public", "updated_at"])
    if hasattr(registration, "attendance"):
        registration.attendance.consent_public = consent_public
        registration.attendance.save(update_fields=["consent_public", "updated_at"])
    _touch(registration.event)
    audit.record(
        "activities.registration.consent_changed",
        actor=actor,
        actor_label=actor_label,
        target=registration,
        data={"consent_public": {"before": before, "after": consent_public}},
    )
    return registration


# --- Attendance -----------------------------------------------------------------------------


@transaction.atomic
def attendance_check_in(
    *,
    actor,
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
    _touch(event)
    audit.record(
        "activities.attendance.checked_in",
        actor=actor,
        actor_label=actor_label,
        target=attendance,
        platform=event.platform,
        data={"after": audit.snapshot(attendance)},
    )
    return attendance
