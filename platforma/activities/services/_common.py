"""What the activities services share: the event's row lock, its page's cache key, e-mail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from platforma.core import mail as outbox
from platforma.core.mail import absolute, render_text

from ..models import Event, Registration

R = Registration.Status


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
