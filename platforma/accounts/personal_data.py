"""The accounts' personal data: a user account with the address (or of a person with it).

Erasure deactivates the account rather than deleting it: audit entries name their actor (a
protected link), so the row stays, without a usable password, name or address, its second-factor
devices and this platform's roles removed. Only when no other platform holds live records of the
address (core.personal_data.other_platforms); otherwise the account is kept as it is.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from platforma.core.models import PlatformRole
from platforma.core.personal_data import (
    ERASE,
    KEEP,
    Export,
    Holder,
    Item,
    address_hash,
    normalise,
    other_platforms,
    record_of,
    register,
)
from platforma.core.tenancy import platforms_of
from platforma.core.types import Actor


def _users(email: str) -> list[Any]:
    address = normalise(email)
    if not address:
        return []
    User = get_user_model()
    return list(
        User.objects.filter(Q(email__iexact=address) | Q(person__email__iexact=address)).distinct()
    )


def _export(email: str, platform: Any) -> Export:
    records = []
    for user in _users(email):
        records.append(record_of(user, exclude=("password",)))
        records += [record_of(role) for role in PlatformRole.objects.filter(user=user)]
    return Export(records=records)


def _platforms(email: str) -> set[int]:
    ids: set[int] = set()
    for user in _users(email):
        ids |= platforms_of(user)
    return ids


def _describe(email: str, platform: Any) -> list[Item]:
    users = _users(email)
    if other_platforms(email, platform.pk):
        return [
            Item(
                _("user account"),
                len(users),
                KEEP,
                _("Also used with another platform: the account is kept."),
            )
        ]
    return [
        Item(
            _("user account"),
            len(users),
            ERASE,
            _("Deactivated: no password, name or address; its authenticators removed."),
        )
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    users = _users(email)
    if not users or other_platforms(email, platform.pk):
        return {"accounts_kept": len(users)}
    devices = 0
    for index, user in enumerate(users):
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            devices += 1
        PlatformRole.objects.filter(user=user, platform=platform).delete()
        suffix = f"-{index}" if index else ""
        user.username = f"erased-{address_hash(email)[:12]}{suffix}"
        user.email = user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return {"accounts_deactivated": len(users), "authenticators_removed": devices}


register(
    Holder(
        name="accounts",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=85,
        shared=True,
    )
)
