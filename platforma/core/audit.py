"""The audit log's one door: ``audit.record(...)``, called by every service that writes."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.fields.files import FieldFile

from .models import AuditEntry, Platform
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


def record(
    action: str,
    *,
    actor: Actor = None,
    actor_label: str = "",
    target: models.Model | None = None,
    platform: Platform | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. ``actor`` is the user who acted (None for the system: give a label)."""
    if platform is None and target is not None:
        platform = _platform_of(target)
    user = None if actor is None or isinstance(actor, AnonymousUser) else actor
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        actor_label=actor_label or (user.get_username() if user else "system"),
        platform=platform,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:300] if target is not None else "",
        data=_jsonable(data or {}),
    )


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
