"""The limits of public registration: a Django setting of the same name wins, else the
environment variable, else the default (docs/activities.md, "Public registration")."""

from __future__ import annotations

import os

from django.conf import settings

DEFAULTS = {
    # How long a confirmation link works; an unconfirmed request lapses then.
    "PLATFORMA_REGISTRATION_CONFIRM_HOURS": 24,
    # Requests awaiting confirmation per e-mail address, across the installation.
    "PLATFORMA_REGISTRATION_PENDING_PER_ADDRESS": 3,
    # Public registrations per client address per hour.
    "PLATFORMA_REGISTRATION_PER_CLIENT_HOUR": 10,
    # The confirmation e-mail to one address is sent again at most once in this many minutes.
    "PLATFORMA_REGISTRATION_RESEND_MINUTES": 5,
}


def limit(name: str) -> int:
    value = getattr(settings, name, None)
    if value is None:
        return int(os.environ.get(name) or DEFAULTS[name])
    return int(value)
