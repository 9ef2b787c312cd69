from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from platforma.core import languages

from ..models import Meeting, Minutes

LANGS = languages.codes()
# How long before its start a sitting may be opened (delegates arrive, check-in starts).
DEFAULT_OPENS_BEFORE_MINUTES = 60


def translated(names: tuple[str, ...]) -> set[str]:
    return set(names) | {f"{n}_{lang}" for n in names for lang in LANGS}


def check_fields(fields: dict[str, Any], names: tuple[str, ...], what: str) -> None:
    unknown = set(fields) - translated(names)
    if unknown:
        raise ValidationError(
            _("Unknown %(what)s fields: %(fields)s")
            % {"what": what, "fields": ", ".join(sorted(unknown))}
        )


def moment(at: datetime.datetime | None) -> datetime.datetime:
    """``at`` or now; always aware."""
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValidationError(_("A time without a time zone cannot be recorded."))
    return at


def not_future(at: datetime.datetime) -> None:
    """What is recorded as done cannot be dated later than now."""
    if at > timezone.now() + datetime.timedelta(seconds=5):
        raise ValidationError(_("A time in the future cannot be recorded as done."))


def local(meeting: Meeting, at: datetime.datetime) -> str:
    return formats.date_format(at.astimezone(meeting.tz), "DATETIME_FORMAT")


def opens_before() -> datetime.timedelta:
    """``PLATFORMA_SITTING_OPENS_BEFORE_MINUTES`` (default 60), read when a sitting opens."""
    minutes = getattr(
        settings, "PLATFORMA_SITTING_OPENS_BEFORE_MINUTES", DEFAULT_OPENS_BEFORE_MINUTES
    )
    return datetime.timedelta(minutes=int(minutes))


def ensure_open(meeting: Meeting) -> None:
    """Once its minutes are approved, a meeting's record is locked."""
    if Minutes.objects.filter(meeting=meeting, status=Minutes.Status.APPROVED).exists():
        raise ValidationError(
            _("The minutes of this meeting are approved: its record can no longer change.")
        )


def ensure_sitting(meeting: Meeting, at: datetime.datetime) -> None:
    """Check-in, votes and decisions happen while the sitting is open, never ahead of time."""
    if meeting.opened_at is None:
        raise ValidationError(
            _(
                "The sitting is not open yet: open it on the meeting's page first "
                "(check-in, votes and decisions come after)."
            )
        )
    if at < meeting.opened_at:
        raise ValidationError(
            _("The sitting opened at %(opened)s; nothing can be recorded before.")
            % {"opened": local(meeting, meeting.opened_at)}
        )
    not_future(at)
