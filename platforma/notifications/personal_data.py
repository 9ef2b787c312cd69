"""The notices' personal data: what a person was told about elections (on their page and by
e-mail) and which notices they want by e-mail (registered with core.personal_data).

Both are erased: a notice is the person's own inbox, not a record anyone else relies on (the
audit log keeps how many were sent); the e-mail choice is the person's alone (not per platform:
it goes when the person is erased on any platform).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from platforma.core.models import Person
from platforma.core.personal_data import ERASE, Export, Holder, Item, normalise, record_of, register
from platforma.core.types import Actor

from .models import Notice, NotificationPreference


def _people(email: str) -> QuerySet[Person]:
    address = normalise(email)
    if not address:
        return Person.objects.none()
    return Person.objects.filter(email__iexact=address)


def _notices(email: str, platform: Any) -> QuerySet[Notice]:
    return Notice.objects.filter(person__in=_people(email), platform=platform)


def _preferences(email: str) -> QuerySet[NotificationPreference]:
    return NotificationPreference.objects.filter(person__in=_people(email))


def _export(email: str, platform: Any) -> Export:
    records = []
    for notice in _notices(email, platform).select_related("election").order_by("created_at"):
        record = record_of(notice)
        record["election_title"] = notice.election.title
        records.append(record)
    records += [record_of(p) for p in _preferences(email)]
    return Export(records=records)


def _platforms(email: str) -> set[int]:
    return set(
        Notice.objects.filter(person__in=_people(email)).values_list("platform_id", flat=True)
    )


def _describe(email: str, platform: Any) -> list[Item]:
    return [
        Item(_("notice about an election"), _notices(email, platform).count(), ERASE),
        Item(_("choice of notices by e-mail"), _preferences(email).count(), ERASE),
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    return {
        "notices_erased": _notices(email, platform).delete()[0],
        "notification_preferences_erased": _preferences(email).delete()[0],
    }


register(
    Holder(
        name="notifications",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=36,
    )
)
