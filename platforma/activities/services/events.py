"""Events, their kinds and files: created, edited, cancelled by the platform's organisers."""

from __future__ import annotations

import collections
import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.models import Platform
from platforma.core.services import SeenVersion, apply_changes, check_version
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.core.uploads import stored_name, validate_image, validate_pdf

from ..models import Attendance, Event, EventFile, EventKind, Registration
from ._common import (
    R,
    confirmed,
    event_mark_changed,
    live,
    locked,
    mail,
    require_kind,
    require_new_groups,
    require_organiser,
)
from .registrations import member_keys, organisation_identity, promote

if TYPE_CHECKING:
    from platforma.workinggroups.models import WorkingGroup

_LANGS = languages.codes()
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
CANCELLATION_REASON_MAX = 2000


@transaction.atomic
def event_kind_create(
    *, actor: Actor, platform: Platform, slug: str, names: dict[str, str], actor_label: str = ""
) -> EventKind:
    require_manage(actor, platform)
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


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise ValidationError(_("Unknown event fields: %s") % ", ".join(sorted(unknown)))


def _check_groups(platform: Platform, working_groups: Iterable[WorkingGroup]) -> None:
    if any(g.platform_id != platform.pk for g in working_groups):
        raise ValidationError(
            {"working_groups": _("A working group of another platform cannot organise this event.")}
        )


@transaction.atomic
def event_create(
    *,
    actor: Actor,
    platform: Platform,
    working_groups: Sequence[WorkingGroup] = (),
    actor_label: str = "",
    **fields: Any,
) -> Event:
    # The secretariat, or a coordinator for their own groups only (an event of one of them).
    require_new_groups(actor, platform, (), [g.pk for g in working_groups])
    require_kind(platform, fields.get("custom_kind"))
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


def _organisation_seats_taken(event: Event) -> int:
    """The most confirmed seats any one organisation holds (names matched by their key, as the
    registration service counts them)."""
    counts: collections.Counter[tuple[str, object]] = collections.Counter()
    keys = member_keys(event)
    for organisation_id, name in confirmed(event).values_list(
        "organisation_id", "organisation_name"
    ):
        identity = organisation_identity(organisation_id, name, keys)
        if identity is not None:
            counts[identity] += 1
    return max(counts.values(), default=0)


def _check_room(event: Event, changes: dict[str, Any]) -> None:
    """A limit may rise (the waitlist moves up) but not fall below the seats already given:
    a confirmed place is a promise, so the organisers cancel registrations first, by name."""
    errors: dict[str, str] = {}
    capacity = changes.get("capacity", event.capacity)
    if "capacity" in changes and capacity is not None and capacity != event.capacity:
        taken = confirmed(event).count()
        if capacity < taken:
            errors["capacity"] = _(
                "%(taken)d places are already confirmed, so the capacity cannot be %(capacity)d. "
                "Cancel registrations first (registrations list), then lower it."
            ) % {"taken": taken, "capacity": capacity}
    seats = changes.get("seats_per_organisation", event.seats_per_organisation)
    if "seats_per_organisation" in changes and seats and seats != event.seats_per_organisation:
        taken = _organisation_seats_taken(event)
        if seats < taken:
            errors["seats_per_organisation"] = _(
                "An organisation already holds %(taken)d confirmed seats, so the limit cannot be "
                "%(seats)d. Cancel its extra registrations first, then lower it."
            ) % {"taken": taken, "seats": seats}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_update(
    *,
    actor: Actor,
    event: Event,
    working_groups: Sequence[WorkingGroup] | None = None,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Event:
    """Change an event. Raising its capacity (or the seats per organisation) gives the freed
    seats to the waitlist in order of registration, each told by e-mail; lowering either below
    the seats already confirmed is refused. ``seen_version``: what the edit form read; a change
    made since refuses the save (``core.services.StaleEdit``)."""
    require_organiser(actor, event)
    require_kind(event.platform, changes.get("custom_kind"))
    if working_groups is not None:
        before_ids = event.working_groups.values_list("pk", flat=True)
        require_new_groups(actor, event.platform, before_ids, [g.pk for g in working_groups])
    event = locked(event)
    check_version(event, seen_version)
    _check_fields(changes)
    _check_room(event, changes)
    changed = apply_changes(event, changes, allowed=EVENT_FIELDS)
    if working_groups is not None:
        _check_groups(event.platform, working_groups)
        before = sorted(event.working_groups.values_list("pk", flat=True))
        after = sorted(g.pk for g in working_groups)
        if before != after:
            event.working_groups.set(working_groups)
            event_mark_changed(event.pk)
            changed["working_groups"] = {"before": before, "after": after}
    promoted: list[Registration] = []
    if "capacity" in changed or "seats_per_organisation" in changed:
        promoted = promote(event)
    if changed:
        data: dict[str, Any] = {"changes": changed}
        if promoted:
            data["promoted"] = [r.pk for r in promoted]
        audit.record(
            "activities.event.updated",
            actor=actor,
            actor_label=actor_label,
            target=event,
            platform=event.platform,
            data=data,
        )
    event.promoted_registrations = promoted  # for the page that says who moved up
    return event


@transaction.atomic
def event_cancel(
    *,
    actor: Actor,
    event: Event,
    reason: str,
    actor_label: str = "",
    now: datetime.datetime | None = None,
) -> Event:
    """Call an event off: every live registration is cancelled and its registrant told why,
    by e-mail once the change is committed. The event stays on the record, marked cancelled."""
    require_organiser(actor, event)
    now = now or timezone.now()
    event = locked(event)
    reason = reason.strip()
    if event.is_cancelled:
        raise ValidationError(_("This event is already cancelled."))
    if not reason:
        raise ValidationError(
            {"reason": _("Please say why the event is cancelled: the registrants are told.")}
        )
    if len(reason) > CANCELLATION_REASON_MAX:
        raise ValidationError(
            {
                "reason": _("Please keep the reason under %(n)d characters.")
                % {"n": CANCELLATION_REASON_MAX}
            }
        )
    if event.ends_at <= now:
        raise ValidationError(_("This event has already taken place; it cannot be cancelled."))
    if Attendance.objects.filter(event=event).exists():
        raise ValidationError(
            _("Participants have already checked in at this event; it cannot be cancelled.")
        )
    # Requests still awaiting confirmation are cancelled too, but not written to: their address
    # was never confirmed.
    registrations = list(live(event).exclude(status=R.EXPIRED).order_by("registered_at", "id"))
    for registration in registrations:
        registration.event = event
    before = {r.pk: r.status for r in registrations}
    live(event).exclude(status=R.EXPIRED).update(
        status=R.CANCELLED, cancelled_at=now, confirmation_hash="", updated_at=now
    )
    told = [r for r in registrations if r.holds_place]
    event.cancelled_at = now
    event.cancellation_reason = reason
    event.save(update_fields=["cancelled_at", "cancellation_reason", "updated_at"])
    audit.record(
        "activities.event.cancelled",
        actor=actor,
        actor_label=actor_label,
        target=event,
        platform=event.platform,
        data={
            "reason": reason,
            "registrations_cancelled": [
                {"id": pk, "status_before": status} for pk, status in before.items()
            ],
            "registrants_told": len(told),
        },
    )
    mail(told, "cancelled", {"reason": reason})
    return event


# --- Files ---------------------------------------------------------------------------------


@transaction.atomic
def event_file_add(
    *,
    actor: Actor,
    event: Event,
    kind: str,
    upload: File[Any],
    caption: str = "",
    is_public: bool = True,
    actor_label: str = "",
) -> EventFile:
    """A photo (JPEG, PNG, GIF, WebP) or a PDF, judged by its content; the stored name's
    extension follows the content, whatever the uploader called the file."""
    require_organiser(actor, event)
    if kind == EventFile.Kind.PHOTO:
        content_type = validate_image(upload)
    elif kind == EventFile.Kind.DOCUMENT:
        content_type = validate_pdf(upload)
    else:
        raise ValidationError(_("Unknown kind of file: %s") % kind)
    caption = caption.strip()
    item = EventFile(event=event, kind=kind, caption=caption, is_public=is_public)
    item.file.save(stored_name(upload.name or "", content_type), upload, save=False)
    try:  # the file is on disk from here: a refused row must not leave it behind
        item.full_clean()
        item.save()
    except Exception:
        item.file.delete(save=False)
        raise
    event_mark_changed(event.pk)
    audit.record(
        "activities.event_file.added",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=event.platform,
        data={"after": audit.snapshot(item), "content_type": content_type},
    )
    return item


@transaction.atomic
def event_file_update(
    *,
    actor: Actor,
    item: EventFile,
    is_public: bool | None = None,
    caption: str | None = None,
    actor_label: str = "",
) -> EventFile:
    """Publish or withdraw a file, or change its caption."""
    require_organiser(actor, item.event, item)
    changes: dict[str, Any] = {}
    if is_public is not None:
        changes["is_public"] = is_public
    if caption is not None:
        changes["caption"] = caption.strip()
    changed = apply_changes(item, changes, allowed={"is_public", "caption"})
    if changed:
        event_mark_changed(item.event_id)
        audit.record(
            "activities.event_file.updated",
            actor=actor,
            actor_label=actor_label,
            target=item,
            platform=item.event.platform,
            data={"changes": changed},
        )
    return item


@transaction.atomic
def event_file_remove(*, actor: Actor, item: EventFile, actor_label: str = "") -> None:
    """Remove a file from the event; the stored file goes once the removal is committed."""
    require_organiser(actor, item.event, item)
    snapshot = audit.snapshot(item)
    platform = item.event.platform
    storage, name = item.file.storage, item.file.name
    audit.record(
        "activities.event_file.removed",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=platform,
        data={"before": snapshot},
    )
    event_id = item.event_id
    item.delete()
    event_mark_changed(event_id)
    if name:
        transaction.on_commit(lambda: storage.delete(name), robust=True)
