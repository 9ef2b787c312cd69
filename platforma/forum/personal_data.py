"""The Forum's personal data: applications to be a delegate to the Annual Assembly.

Erasure pseudonymises the person who would have gone (name, address, motivation); the outcome,
marks and ranking stay, so the selection's record and its figures (gender balance included)
do not change.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from platforma.core.personal_data import (
    PSEUDONYMISE,
    Export,
    Holder,
    Item,
    address_hash,
    erased_address,
    normalise,
    record_of,
    register,
)
from platforma.core.types import Actor

from .models import DelegateApplication


def _applications(email: str, platform: Any) -> QuerySet[DelegateApplication]:
    address = normalise(email)
    if not address:
        return DelegateApplication.objects.none()
    return DelegateApplication.objects.filter(platform=platform, email__iexact=address)


def _export(email: str, platform: Any) -> Export:
    return Export(records=[record_of(a) for a in _applications(email, platform)])


def _platforms(email: str) -> set[int]:
    address = normalise(email)
    if not address:
        return set()
    return set(
        DelegateApplication.objects.filter(email__iexact=address)
        .exclude(outcome=DelegateApplication.Outcome.WITHDRAWN)
        .values_list("platform_id", flat=True)
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(
            _("application to be a delegate"),
            _applications(email, platform).count(),
            PSEUDONYMISE,
            _("The outcome, marks and ranking stay."),
        )
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    count = _applications(email, platform).update(
        first_name="Erased",
        last_name=address_hash(email)[:8],
        email=erased_address(email),
        motivation="",
    )
    return {"delegate_applications_pseudonymised": count}


register(
    Holder(
        name="forum",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=40,
    )
)
