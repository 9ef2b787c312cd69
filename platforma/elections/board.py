"""Ballot content, receipts and the bulletin board's hash chain (pure Python, no Django).

The formats are documented in docs/elections.md and re-implemented, independently, by the
standalone checker docs/verify_election.py; change them only together.

- Canonical JSON: ``json.dumps(value, sort_keys=True, separators=(",", ":"),
  ensure_ascii=False)`` encoded as UTF-8.
- Ballot content: ``{"election": id, "tracker": "...", "choices": [candidate keys]}``, plus
  ``"invalid": true`` for a spoilt paper ballot. Choices are in order of preference for ranked
  methods and sorted otherwise; an empty list is a blank ballot.
- Ballot hash (the receipt): SHA-256 of the canonical content, in hex.
- Chain: ``chain[0]`` = SHA-256 of the canonical election header; for entry *i* (1-based, in
  board order) ``chain[i] = SHA-256(chain[i-1] + canonical(entry))`` where the entry is
  ``{"tracker", "ballot", "ballot_hash"}`` and ``+`` joins the hex text and the JSON text.
- Board order: format 2 (sealed ballots) lists the ballots in the order drawn at random when
  the box was opened; format 1 (boards frozen before the box was sealed) in tracker order.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

BOARD_FORMAT = "platforma-election-board/2"
TRACKER_ORDER_FORMAT = "platforma-election-board/1"  # boards frozen before ballots were sealed
INVALID_MARK = "#invalid"  # never a candidate key (those are digits), so the count rejects it


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_tracker() -> str:
    """80 random bits as five groups of four hex digits, e.g. ``3f9a-07c2-b1d4-88e0-5a6b``."""
    raw = secrets.token_hex(10)
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def ballot_content(
    *, election_id: int, tracker: str, choices: Sequence[str], invalid: bool = False
) -> dict[str, Any]:
    content: dict[str, Any] = {
        "election": election_id,
        "tracker": tracker,
        "choices": list(choices),
    }
    if invalid:
        content["invalid"] = True
    return content


def as_counted(content: Mapping[str, Any]) -> tuple[str, ...]:
    """The ballot as the counting package reads it (an invalid one names no candidate)."""
    if content.get("invalid"):
        return (INVALID_MARK,)
    return tuple(content["choices"])


def chain_entries(genesis: str, entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Entries with their ``chain`` hash added, in the order given."""
    previous, chained = genesis, []
    for entry in entries:
        core = {
            "tracker": entry["tracker"],
            "ballot": entry["ballot"],
            "ballot_hash": entry["ballot_hash"],
        }
        previous = sha256_hex(previous + canonical(core))
        chained.append({**core, "chain": previous})
    return chained


def assemble(
    *,
    header: dict[str, Any],
    ballots: Iterable[tuple[str, str, str]],
    voters: int,
    result: dict[str, Any] | None,
) -> dict[str, Any]:
    """The board from its header and ``(tracker, content JSON, hash)`` rows in board order."""
    genesis = sha256_hex(canonical(header))
    entries = chain_entries(
        genesis,
        (
            {"tracker": tracker, "ballot": json.loads(content), "ballot_hash": digest}
            for tracker, content, digest in ballots
        ),
    )
    return {
        "format": BOARD_FORMAT,
        "election": header,
        "genesis": genesis,
        "entries": entries,
        "head": entries[-1]["chain"] if entries else genesis,
        "ballots": len(entries),
        "voters": voters,
        "result": result,
    }


def board_problems(board: Mapping[str, Any]) -> list[str]:
    """Check a board's own consistency: hashes, chain, head, and ballots = voters."""
    problems: list[str] = []
    if board.get("format") not in {BOARD_FORMAT, TRACKER_ORDER_FORMAT}:
        problems.append(f"unknown board format {board.get('format')!r}")
        return problems
    previous = sha256_hex(canonical(board["election"]))
    if board.get("genesis") != previous:
        problems.append("the genesis hash does not match the election header")
    for number, entry in enumerate(board["entries"], start=1):
        tracker = entry.get("tracker")
        ballot = entry.get("ballot", {})
        if ballot.get("tracker") != tracker:
            problems.append(f"entry {number} ({tracker}): the ballot carries another tracker")
        if ballot.get("election") != board["election"]["id"]:
            problems.append(f"entry {number} ({tracker}): the ballot is of another election")
        if sha256_hex(canonical(ballot)) != entry.get("ballot_hash"):
            problems.append(f"entry {number} ({tracker}): the ballot does not match its hash")
        core = {"tracker": tracker, "ballot": ballot, "ballot_hash": entry.get("ballot_hash")}
        previous = sha256_hex(previous + canonical(core))
        if entry.get("chain") != previous:
            problems.append(f"entry {number} ({tracker}): the chain hash is wrong")
            previous = entry.get("chain", "")
    if board["entries"] and board.get("head") != board["entries"][-1].get("chain"):
        problems.append("the head is not the last entry's chain hash")
    trackers = [entry.get("tracker") for entry in board["entries"]]
    if len(set(trackers)) != len(trackers):
        problems.append("a tracker is listed twice")
    elif board["format"] == TRACKER_ORDER_FORMAT and trackers != sorted(trackers):
        problems.append("the entries are not in strict tracker order")
    if board.get("ballots") != len(board["entries"]):
        problems.append(
            f"the board says {board.get('ballots')} ballots but lists {len(board['entries'])}"
        )
    if board.get("voters") != len(board["entries"]):
        problems.append(
            f"{board.get('voters')} organisations voted but the board lists "
            f"{len(board['entries'])} ballots"
        )
    return problems
