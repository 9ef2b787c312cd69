"""The meetings' personal data: a person's attendance as an organisation's delegate.

Kept: who sat for a member at a meeting is part of the quorum's and the votes' record (the
minutes). The row does not change; the person's name follows the shared person's fate
(core.personal_data).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from platforma.core.personal_data import KEEP, Export, Holder, Item, normalise, record_of, register
from platforma.core.types import Actor

from .models import Attendance


def _attendances(email: str, platform: Any) -> QuerySet[Attendance]:
    address = normalise(email)
    if not address:
        return Attendance.objects.none()
    return Attendance.objects.filter(meeting__platform=platform, delegate__email__iexact=address)


def _export(email: str, platform: Any) -> Export:
    return Export(
        records=[
            record_of(a) | {"meeting_title": str(a.meeting)}
            for a in _attendances(email, platform).select_related("meeting")
        ]
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(
            _("attendance at a meeting as a delegate"),
            _attendances(email, platform).count(),
            KEEP,
            _("Who sat for a member is part of the quorum's and the votes' record."),
        )
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    return {"meeting_attendances_kept": _attendances(email, platform).count()}


register(Holder(name="meetings", export=_export, describe=_describe, erase=_erase, order=50))
