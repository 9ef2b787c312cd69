"""The elections' personal data: candidacies. Ballots name nobody (docs/elections.md).

Kept, like mandates: who stood for an office is part of the election's record, and the bulletin
board (``verify_election``) names the candidates; a candidate keeps their name.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core.personal_data import KEEP, Export, Holder, Item, normalise, record_of, register
from platforma.core.types import Actor

from .models import Nomination


def _nominations(email: str, platform: Any) -> QuerySet[Nomination]:
    address = normalise(email)
    if not address:
        return Nomination.objects.none()
    return Nomination.objects.filter(election__platform=platform, person__email__iexact=address)


def _export(email: str, platform: Any) -> Export:
    return Export(
        records=[
            record_of(n) | {"election_title": str(n.election)}
            for n in _nominations(email, platform).select_related("election")
        ]
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(
            _("candidacy in an election"),
            _nominations(email, platform).count(),
            KEEP,
            _("Who stood is part of the election's record and of its verifiable board."),
        )
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    return {"candidacies_kept": _nominations(email, platform).count()}


def _public_record(person_ids: list[int]) -> list[str]:
    count = Nomination.objects.filter(person_id__in=person_ids).count()
    if not count:
        return []
    return [ngettext("%(count)d candidacy", "%(count)d candidacies", count) % {"count": count}]


register(
    Holder(
        name="elections",
        export=_export,
        describe=_describe,
        erase=_erase,
        public_record=_public_record,
        order=50,
    )
)
