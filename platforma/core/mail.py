"""E-mail in the recipient's language, through the outbox.

No page sends mail itself: :func:`queue` stores the message (``OutgoingMail``) and enqueues the
task that sends it (``core.tasks.deliver``) in the caller's transaction, so the message leaves
only if the change that wrote it commits, and a slow or dead mail server holds a worker, never a
request. The worker sends through Django's mail backend (console unless SMTP), retries with
back-off and keeps what failed for the secretariat's "Outgoing mail" page.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Sequence
from email.mime.base import MIMEBase
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import engines
from django.urls import reverse
from django.utils import translation

if TYPE_CHECKING:
    from .models import OutgoingMail, Platform


def render_text(template: str, context: dict[str, Any]) -> str:
    """A plain-text template, rendered without HTML escaping.

    E-mails are text: "Seán O'Brien & Co" must arrive as typed, not as "O&#x27;Brien &amp; Co".
    """
    return engines["text"].get_template(template).render(context)


def absolute(path: str) -> str:
    """A full address for ``path`` (e.g. from ``reverse``), from the one ``PLATFORMA_BASE_URL``."""
    return settings.PLATFORMA_BASE_URL + path


def site_domain() -> str:
    """The site's host name, from ``PLATFORMA_BASE_URL`` (e.g. for calendar UIDs)."""
    return urlsplit(settings.PLATFORMA_BASE_URL).hostname or "platforma"


def absolute_url(
    name: str,
    *,
    language: str,
    args: Sequence[Any] = (),
    kwargs: dict[str, Any] | None = None,
) -> str:
    """A full link for an e-mail, in the recipient's language."""
    with translation.override(language):
        path = reverse(name, args=args, kwargs=kwargs)
    return absolute(path)


def send_templated(
    *,
    to: list[str],
    language: str,
    template: str,
    context: dict[str, Any],
    reply_to: list[str] | None = None,
    platform: Platform | None = None,
    purpose: str = "",
) -> int:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in ``language`` and queue
    the message (:func:`queue`), as ``platform``'s mail (None: the Forum's or the system's).

    Returns the number of messages queued (0 when there is no recipient address).
    """
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    with translation.override(language):
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        body = render_text(f"{template}_body.txt", context)
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=reply_to or None
    )
    queue(
        message,
        platform=platform,
        purpose=purpose or template.rsplit("/", 1)[-1],
        language=language,
    )
    return 1


def _attachment(item: Any) -> dict[str, str]:
    """An attachment of ``EmailMessage.attachments`` as JSON: name, mimetype, base64 content."""
    if isinstance(item, MIMEBase):
        payload = item.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else str(item.get_payload()).encode()
        return {
            "name": item.get_filename() or "",
            "mimetype": item.get_content_type(),
            "content": base64.b64encode(content).decode("ascii"),
        }
    name, content, mimetype = item
    if isinstance(content, str):
        content = content.encode("utf-8")
    return {
        "name": name or "",
        "mimetype": mimetype or "application/octet-stream",
        "content": base64.b64encode(content).decode("ascii"),
    }


def stored_file(name: str, path: str, mimetype: str = "") -> dict[str, str]:
    """An attachment that stays in the file storage (``path``) and is read when the mail is
    sent: a publication attached to a thousand messages is stored once, not a thousand times."""
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {"name": name, "mimetype": mimetype or guessed, "path": path}


def queue(
    message: EmailMessage,
    *,
    platform: Platform | None = None,
    purpose: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[dict[str, str]] = (),
    language: str = "",
) -> OutgoingMail:
    """Store ``message`` in the outbox and enqueue its delivery, in the caller's transaction.

    ``headers``: extra header lines (besides ``message.extra_headers``), e.g. a mailing's
    ``List-Unsubscribe``; ``files``: attachments kept in the file storage (:func:`stored_file`);
    ``language``: the language it is written in, when known (the outbox marks its subject so).

    The task row is written in the same transaction as the mail (the database task backend),
    so both commit with the caller's change or neither does; the worker picks the mail up after
    the commit. ``platform`` None: the Forum's or the system's mail.
    """
    from .models import OutgoingMail
    from .tasks import deliver

    with transaction.atomic():
        mail = OutgoingMail.objects.create(
            platform=platform,
            purpose=purpose[:100],
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            subject=str(message.subject),
            body=str(message.body),
            language=language,
            attachments=[_attachment(item) for item in message.attachments] + list(files),
            headers={**message.extra_headers, **(headers or {})},
        )
        deliver.enqueue(mail.pk)
    return mail


def message_of(mail: OutgoingMail) -> EmailMessage:
    """The ``EmailMessage`` an outbox row stands for."""
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to,
        headers=dict(mail.headers or {}),
    )
    for item in mail.attachments:
        if "path" in item:
            with default_storage.open(item["path"], "rb") as stored:
                content = stored.read()
        else:
            content = base64.b64decode(item["content"])
        message.attach(item["name"], content, item["mimetype"])
    return message
