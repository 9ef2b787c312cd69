from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Meeting, Minutes

LANGS = ("en", "az", "ru")


def translated(names: tuple[str, ...]) -> set[str]:
    return set(names) | {f"{n}_{lang}" for n in names for lang in LANGS}


def check_fields(fields: dict, names: tuple[str, ...], what: str) -> None:
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


def ensure_open(meeting: Meeting) -> None:
    """Once its minutes are approved, a meeting's record is locked."""
    if Minutes.objects.filter(meeting=meeting, status=Minutes.Status.APPROVED).exists():
        raise ValidationError(
            _("The minutes of this meeting are approved: its record can no longer change.")
        )
