"""E-mail in the recipient's language through Django's mail backends (console unless SMTP)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import send_mail
from django.template import engines
from django.urls import reverse
from django.utils import translation


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
) -> int:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in ``language`` and send.

    Returns the number of messages sent (0 when there is no recipient address).
    """
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    with translation.override(language):
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        body = render_text(f"{template}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
