"""Walk an audit chain and say where it breaks: what ``manage.py verify_audit`` reports.

Everything is recomputed from the entries themselves (``core.audit_chain``). The chain's head
row (``AuditChain``) is only compared with what the walk finds: it is rewritten at every append,
so it can show entries cut off the end or slipped in after it, but it is never believed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from . import audit_chain
from .models import AuditChain, AuditEntry, Platform

CHUNK = 2000  # rows fetched at a time: the walk holds one chunk, never the whole log


@dataclass(frozen=True)
class Problem:
    seq: int
    pk: int | None  # None: the entry is missing
    action: str
    what: str


@dataclass(frozen=True)
class ChainReport:
    label: str  # the platform's slug, or "forum"
    length: int  # entries that verify, from #1
    head: str  # the hash of the last of them (GENESIS for an empty chain)
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def entries_of(platform: Platform | None) -> QuerySet[AuditEntry]:
    if platform is None:
        return AuditEntry.objects.filter(forum=True, platform__isnull=True)
    return AuditEntry.objects.filter(platform=platform)


def _rows(platform: Platform | None) -> Iterator[dict[str, Any]]:
    names = ("id", "seq", "prev_hash", "hash", *audit_chain.FIELDS)
    rows: Iterator[dict[str, Any]] = (
        entries_of(platform).order_by("seq").values(*names).iterator(chunk_size=CHUNK)
    )
    return rows


def _chain_row(platform: Platform | None) -> AuditChain | None:
    rows = AuditChain.objects.all()
    if platform is None:
        return rows.filter(forum=True, platform__isnull=True).first()
    return rows.filter(platform=platform).first()


def verify_chain(platform: Platform | None, *, expect: dict[int, str] | None = None) -> ChainReport:
    """The first broken entry of the chain of ``platform`` (None: the Forum's), if any.

    ``expect`` maps an entry's number to a hash published earlier (a transparency page, an
    annual report): the entry must still have it. Appends may go on during the walk: the head
    row is read before it (entries it counts must all be there) and after it (no entry may lie
    beyond it, since an append writes both in one transaction).
    """
    label = "forum" if platform is None else platform.slug
    platform_id = None if platform is None else platform.pk
    expect = dict(expect or {})
    seq, prev = 0, audit_chain.GENESIS
    before = _chain_row(platform)
    beyond: dict[str, Any] | None = None  # the first entry past the head read before the walk

    def fail(row: dict[str, Any] | None, number: int, what: str) -> ChainReport:
        problem = Problem(number, row["id"] if row else None, row["action"] if row else "", what)
        return ChainReport(label, seq, prev, problem)

    for row in _rows(platform):
        number = row["seq"]
        if number != seq + 1:
            if number > seq + 1:
                gap = f"#{seq + 1}" if number == seq + 2 else f"#{seq + 1} to #{number - 1}"
                return fail(row, number, f"the entries before it are missing ({gap}): removed")
            return fail(row, number, f"out of sequence after entry #{seq}")
        if row["prev_hash"] != prev:
            return fail(
                row,
                number,
                f"its prev_hash is not the hash of entry #{seq}: an entry was rewritten, "
                "removed or put in before it",
            )
        computed = audit_chain.link(prev, platform_id=platform_id, seq=number, entry=row)
        if computed != row["hash"]:
            return fail(row, number, "its content does not match its hash: it was changed")
        if number in expect and expect.pop(number) != row["hash"]:
            return fail(row, number, "its hash is not the one published earlier")
        if beyond is None and number > (before.length if before else 0):
            beyond = row
        seq, prev = number, row["hash"]
    after = _chain_row(platform)
    if before is not None and before.length > seq:
        return fail(
            None,
            seq + 1,
            f"missing: the chain's head was recorded at {before.length} entries "
            "(removed from the end)",
        )
    if beyond is not None and beyond["seq"] > (after.length if after else 0):
        return fail(
            beyond,
            beyond["seq"],
            f"it lies beyond the chain's head recorded at the last append "
            f"({after.length if after else 0} entries): put in without audit.record",
        )
    if after is not None and after.length == seq and after.head != prev:
        return fail(None, seq, "the chain's recorded head is not this entry's hash (rewritten)")
    if expect:
        return fail(None, min(expect), "missing: a hash was published for it")
    return ChainReport(label, seq, prev)


def entries_without_chain() -> QuerySet[AuditEntry]:
    """Entries that belong to no chain (the database's constraint refuses them: raw SQL)."""
    return AuditEntry.objects.filter(
        Q(platform__isnull=True, forum=False) | Q(platform__isnull=False, forum=True)
    )
