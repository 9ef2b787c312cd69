"""The audit chain's hash: the one definition, pure Python (no Django), documented in docs/audit.md.

Each entry's ``hash`` is SHA-256 (hex) over its chain's previous hash followed by the entry's
canonical JSON; the first entry of a chain follows :data:`GENESIS`. Changing anything here
changes every hash ever written: the format is frozen, and a checker outside Platforma
(``docs/audit.md`` has one in a dozen lines) computes the same from an export.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64
FORUM = "forum"
# The entry's fields that the hash covers, beside its chain and place in it.
FIELDS = (
    "at",
    "action",
    "actor_id",
    "actor_label",
    "target_type",
    "target_id",
    "target_repr",
    "data",
)


def chain_name(platform_id: int | None) -> str:
    """``"platform:<id>"`` or ``"forum"``: the id, not the slug, which a platform may change."""
    return FORUM if platform_id is None else f"platform:{platform_id}"


def timestamp(at: datetime.datetime) -> str:
    """UTC, always with microseconds: ``2014-04-26T09:30:00.000000+00:00``."""
    if at.tzinfo is None:
        raise ValueError("an audit entry's time must be aware")
    return at.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def _fold(value: Any) -> Any:
    """Numbers as both databases give them back: PostgreSQL's jsonb turns ``1e+16`` into
    ``10000000000000000``, so a float without a fraction is hashed as the integer it equals."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 text as it is; NaN and infinities refused."""
    return json.dumps(
        _fold(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def canonical(*, platform_id: int | None, seq: int, entry: Mapping[str, Any]) -> str:
    """The text that is hashed: the chain, the place in it and :data:`FIELDS` of ``entry``."""
    body = {name: entry[name] for name in FIELDS}
    body["at"] = timestamp(entry["at"])
    return dumps({"chain": chain_name(platform_id), "seq": seq, **body})


def entry_hash(prev_hash: str, text: str) -> str:
    return hashlib.sha256((prev_hash + text).encode("utf-8")).hexdigest()


def link(prev_hash: str, *, platform_id: int | None, seq: int, entry: Mapping[str, Any]) -> str:
    """The hash of ``entry``, the ``seq``-th of its chain, after ``prev_hash``."""
    return entry_hash(prev_hash, canonical(platform_id=platform_id, seq=seq, entry=entry))
