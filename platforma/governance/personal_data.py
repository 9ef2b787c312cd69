"""The governance's personal data: mandates (who held which office, from which decision).

Kept, always: the record of who held an office is the platform's governance record, public
under its statute (GDPR Art. 17(3)(b) and (e)). The holder keeps their name (the shared person's
address and phone are erased, core.personal_data); the mandate rows do not change.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core.personal_data import KEEP, Export, Holder, Item, normalise, record_of, register
from platforma.core.types import Actor

from .models import Mandate


def _mandates(email: str, platform: Any) -> QuerySet[Mandate]:
    address = normalise(email)
    if not address:
        return Mandate.objects.none()
    return Mandate.objects.filter(office__platform=platform, person__email__iexact=address)


def _export(email: str, platform: Any) -> Export:
    return Export(
        records=[
            record_of(m) | {"office_name": str(m.office)}
            for m in _mandates(email, platform).select_related("office")
        ]
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(
            _("mandate (an office held)"),
            _mandates(email, platform).count(),
            KEEP,
            _("The record of who held an office is the platform's governance record."),
        )
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    return {"mandates_kept": _mandates(email, platform).count()}


def _public_record(person_ids: list[int]) -> list[str]:
    count = Mandate.objects.filter(person_id__in=person_ids).count()
    if not count:
        return []
    return [ngettext("%(count)d mandate held", "%(count)d mandates held", count) % {"count": count}]


register(
    Holder(
        name="governance",
        export=_export,
        describe=_describe,
        erase=_erase,
        public_record=_public_record,
        order=50,
    )
)
