"""What the activities services share: the event's row lock, its page's cache key, e-mail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import mail as outbox
from platforma.core.mail import absolute, render_text
from platforma.core.models import Platform
from platforma.core.tenancy import require_manage, require_manage_or_coordinate
from platforma.core.types import Actor

from ..models import Event, Registration

R = Registration.Status


def require_organiser(actor: Actor, event: Event, *others: models.Model | None) -> None:
    """Refuse unless ``actor`` organises ``event``: the platform's secretariat, or a
    coordinator of one of the working groups the event is of (read from the database, never
    from a form). ``others`` (a registration, a file, an organisation) must be of the same
    platform too: reached by the secretariat, or by that coordinator through the event's
    groups."""
    groups = list(event.working_groups.values_list("pk", flat=True)) if event.pk else []
    for obj in (event, *others):
        if obj is not None:
            require_manage_or_coordinate(actor, obj, groups)


def require_new_groups(
    actor: Actor, platform: Platform, before: Iterable[int], after: Iterable[int]
) -> None:
    """Refuse a change of an event's working groups that is not the actor's to make: the
    secretariat may make any; a coordinator may add or remove only the groups they
    coordinate, and an event they create or keep must be of one of them."""
    before, after = set(before), set(after)
    if after - before or before - after:
        changed = (after - before) | (before - after)
        require_manage_or_coordinate(actor, platform, changed, every=True)
    if not after:
        require_manage(actor, platform)  # an event of no group is the secretariat's alone


def require_kind(platform: Platform, custom_kind: models.Model | None) -> None:
    """A kind of another platform cannot be chosen (forms offer only the platform's)."""
    if custom_kind is not None and getattr(custom_kind, "platform_id", None) != platform.pk:
        raise ValidationError({"custom_kind": _("This kind belongs to another platform.")})


def locked(event: Event) -> Event:
    """The event read afresh under a row lock, with its platform (reused when already read)."""
    if Event.platform.is_cached(event):
        fresh = Event.objects.select_for_update().get(pk=event.pk)
        fresh.platform = event.platform
        return fresh
    return Event.objects.select_for_update().select_related("platform").get(pk=event.pk)


def event_mark_changed(event_id: int) -> None:
    """Mark the event changed: its public page (cached, see ``core.pagecache``) shows its
    registrations, attendance and files, and is keyed on ``updated_at``. Not a change of its
    own (no audit record): the write that calls it records itself."""
    Event.objects.filter(pk=event_id).update(updated_at=timezone.now())


def live(event: Event) -> QuerySet[Registration]:
    """Registrations that hold a seat or a waitlist place."""
    return Registration.objects.filter(event=event).exclude(status=R.CANCELLED)


def confirmed(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event=event, status=R.CONFIRMED)


def _message(
    registration: Registration, template: str, extra: dict[str, Any], subject: str
) -> EmailMessage:
    path = reverse(
        "activities:registration-detail",
        kwargs={"platform": registration.event.platform.slug, "token": registration.token},
    )
    context = {
        "registration": registration,
        "event": registration.event,
        "link": absolute(path),
        **extra,
    }
    if not subject:
        subject = render_text(f"activities/email/{template}_subject.txt", context)
    body = render_text(f"activities/email/{template}.txt", context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [registration.email]
    )


def mail(
    registrations: Iterable[Registration],
    template: str,
    extra: dict[str, Any] | None = None,
    subject: str = "",
) -> None:
    """E-mail each registrant: the messages are queued in the outbox (``core.mail.queue``) in
    the caller's transaction and sent by the worker once it commits (and only if it does).

    A slow or failing mail server holds the worker, never the request (nor SQLite's write
    lock); a failure is retried and shown on the secretariat's "Outgoing mail" page, and does
    not undo the change. ``subject`` given (a message the secretariat wrote) replaces the
    template's subject.
    """
    for registration in registrations:
        message = _message(registration, template, extra or {}, subject)
        outbox.queue(message, platform=registration.event.platform, purpose=f"event {template}")
