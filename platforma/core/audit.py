"""The audit log's one door: ``audit.record(...)``, called by every service that writes."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid
from typing import Any, TypedDict

from django.contrib.auth.models import AnonymousUser
from django.db import connection, models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from . import audit_chain
from .models import AuditChain, AuditEntry, Platform
from .tenancy import platforms_of
from .types import Actor


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)[:200]}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``obj`` (foreign keys as ids), for before/after records."""
    result = {}
    for f in obj._meta.concrete_fields:
        if fields is not None and f.name not in fields and f.attname not in fields:
            continue
        if f.name in {"created_at", "updated_at"}:
            continue
        result[f.attname] = _jsonable(getattr(obj, f.attname))
    return result


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Only what changed: ``{"field": {"before": ..., "after": ...}}``."""
    return {
        key: {"before": before.get(key), "after": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


class Home(TypedDict):
    """Whose record an entry goes in: ``audit.record(..., **home)``."""

    platform: Platform | None
    forum: bool


def home_of(obj: models.Model, platform: Platform | None = None) -> Home:
    """Whose record a change to a shared person or organisation goes in.

    ``platform`` when the caller acts for one (an invitation, an application); else the one
    platform ``obj`` belongs to; else the Forum's record: the object belongs to several
    platforms (the change shows in all of them, and only the Forum's secretariat, or one who
    manages them all, may make it) or, for now, to none.
    """
    if platform is None:
        ids = platforms_of(obj)
        if len(ids) == 1:
            platform = Platform.objects.get(pk=ids.pop())
    return {"platform": platform, "forum": platform is None}


def record(
    action: str,
    *,
    actor: Actor = None,
    actor_label: str = "",
    target: models.Model | None = None,
    platform: Platform | None = None,
    forum: bool = False,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to its platform's chain, or to the Forum's with ``forum=True``.

    ``actor`` is the user who acted (None for the system: give a label). The platform is
    ``platform``, else the target's own (``target.platform``); an entry that would belong to
    nobody is refused, so none is left where no secretariat sees it.
    """
    if forum and platform is not None:
        raise ValueError(f"{action}: an entry is a platform's or the Forum's, not both")
    if platform is None and target is not None and not forum:
        platform = _platform_of(target)
    if platform is None and not forum:
        raise ValueError(
            f"{action}: say whose record this is (platform=..., or forum=True for the Forum's)"
        )
    if platform is not None and platform.is_forum:
        platform = None  # the Forum's own row keeps its record in the Forum's one chain
    user = None if actor is None or isinstance(actor, AnonymousUser) else actor
    fields: dict[str, Any] = {
        "at": timezone.now(),
        "action": action,
        "actor_id": user.pk if user else None,
        "actor_label": actor_label or (user.get_username() if user else "system"),
        "target_type": target._meta.label_lower if target is not None else "",
        "target_id": str(target.pk) if target is not None else "",
        "target_repr": str(target)[:300] if target is not None else "",
        # Stored as it is hashed: what either database gives back hashes the same.
        "data": json.loads(audit_chain.dumps(_jsonable(data or {}))),
    }
    with transaction.atomic(savepoint=False):
        chain_id, length, head = _locked_chain(platform)
        seq = length + 1
        entry = AuditEntry(
            platform=platform,
            forum=platform is None,
            seq=seq,
            prev_hash=head,
            hash=audit_chain.link(
                head, platform_id=platform.pk if platform else None, seq=seq, entry=fields
            ),
            **fields,
        )
        entry.save(force_insert=True)
        with connection.cursor() as cursor:
            cursor.execute(_MOVE_HEAD, [seq, entry.hash, chain_id])
    return entry


# audit.record is on the casting path: the head row is locked and moved with two fixed,
# parameterised statements, which cost half what the ORM's do (bench/bench_audit.py).
_LOCK_PLATFORM = "SELECT id, length, head FROM core_auditchain WHERE platform_id = %s"
_LOCK_FORUM = (
    "SELECT id, length, head FROM core_auditchain WHERE forum = %s AND platform_id IS NULL"
)
_MOVE_HEAD = "UPDATE core_auditchain SET length = %s, head = %s WHERE id = %s"


def _locked_chain(platform: Platform | None) -> tuple[int, int, str]:
    """The chain's head row (id, length, head), locked until the transaction ends (PostgreSQL:
    ``FOR UPDATE``; SQLite: the write lock its ``IMMEDIATE`` transaction already holds)."""
    params: list[bool | int] = [True] if platform is None else [platform.pk]
    sql = _LOCK_FORUM if platform is None else _LOCK_PLATFORM
    if connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is not None:
        return int(row[0]), int(row[1]), str(row[2])
    # The chain's first entry: create its row (a concurrent first append waits on the unique
    # constraint, then finds the row and locks it).
    if platform is None:
        chain, _created = AuditChain.objects.select_for_update().get_or_create(
            forum=True, platform=None
        )
    else:
        chain, _created = AuditChain.objects.select_for_update().get_or_create(platform=platform)
    return chain.pk, chain.length, chain.head


def _platform_of(obj: models.Model) -> Platform | None:
    if isinstance(obj, Platform):
        return obj
    for path in ("platform", "membership__platform"):
        current: Any = obj
        for part in path.split("__"):
            current = getattr(current, part, None)
            if current is None:
                break
        if isinstance(current, Platform):
            return current
    return None
