"""The readable form of a result: a round table for tellers, then what happened in each round.

Whole numbers are shown as they are. When some value is fractional (STV after a surplus
transfer), votes are shown with two decimals, rounded down, so that a displayed value never
reaches the quota unless the exact value does; the JSON output gives exact values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from .result import Result, Round, TieBreak, Transfer, Votes

ROUNDS_PER_BLOCK = 6
ELECTED_MARK = "E"
EXCLUDED_MARK = "X"

TRANSFERABLE = ("irv", "stv")
TITLES = {
    "plurality": "Plurality",
    "approval": "Approval voting",
    "two-round": "Two-round system (absolute majority)",
    "irv": "Instant-runoff voting",
    "stv": "Single transferable vote (Droop quota, weighted inclusive Gregory)",
}


def render_text(result: Result) -> str:
    """The whole report, ending with a newline."""
    decimals = 0 if _all_whole(result) else 2
    sections = [_heading(result)]
    for block_start in range(0, len(result.rounds), ROUNDS_PER_BLOCK):
        block = result.rounds[block_start : block_start + ROUNDS_PER_BLOCK]
        sections.append(_table(result, block, decimals))
    legend = []
    if result.method in TRANSFERABLE:
        legend.append(f"{ELECTED_MARK} = elected in this round, {EXCLUDED_MARK} = excluded in it.")
    if decimals:
        legend.append("Votes are rounded down to 2 decimals; the JSON output gives exact values.")
    sections += [legend, _events(result.rounds, decimals), _outcome(result)]
    lines = "\n\n".join("\n".join(section) for section in sections if section).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _heading(result: Result) -> list[str]:
    title = TITLES.get(result.method, result.method)
    if result.method == "plurality" and result.seats > 1:
        title = "Block voting (plurality)"
    seats = "1 seat" if result.seats == 1 else f"{result.seats} seats"
    if result.method == "two-round":
        seats = "first round"
    lines = [f"{title}, {seats}"]
    lines.append(f"Ballots: {result.valid} valid, {result.blank} blank, {result.invalid} invalid")
    if result.quota is not None:
        lines.append(f"Quota: {result.quota}")
    return lines


def _table(result: Result, block: tuple[Round, ...], decimals: int) -> list[str]:
    names = _row_order(result)
    labels = [*names, "Exhausted"] if result.method in TRANSFERABLE else names
    name_width = max(len(label) for label in [*labels, "Candidate"])
    headers = [f"Round {one_round.number}" for one_round in block]
    if len(result.rounds) == 1:
        headers = ["Votes"]
    cells = {label: [_cell(one_round, label, decimals) for one_round in block] for label in labels}
    width = max(len(text) for text in [*headers, *(c for row in cells.values() for c in row)])
    rows = ["  ".join([f"{'Candidate':<{name_width}}", *(f"{h:>{width}}" for h in headers)])]
    for label in labels:
        rows.append("  ".join([f"{label:<{name_width}}", *(f"{c:>{width}}" for c in cells[label])]))
    return rows


def _cell(one_round: Round, label: str, decimals: int) -> str:
    if label not in one_round.tallies:
        return f"{_votes(one_round.exhausted, decimals)}  "
    mark = " "
    if label in one_round.elected:
        mark = ELECTED_MARK
    elif label in one_round.excluded:
        mark = EXCLUDED_MARK
    return f"{_votes(one_round.tallies[label], decimals)} {mark}"


def _row_order(result: Result) -> list[str]:
    """Elected in order of election, then the rest, the last excluded first."""
    excluded_in = {
        name: one_round.number for one_round in result.rounds for name in one_round.excluded
    }
    last = result.rounds[-1].tallies if result.rounds else {}
    rest = [name for name in result.candidates if name not in result.elected]
    rest.sort(key=lambda name: (-excluded_in.get(name, math.inf), -last.get(name, 0), name))
    return [*result.elected, *rest]


def _events(rounds: Iterable[Round], decimals: int) -> list[str]:
    lines = []
    for one_round in rounds:
        parts = []
        if one_round.elected:
            parts.append(f"{', '.join(one_round.elected)} elected.")
        parts += [_transfer_text(transfer, decimals) for transfer in one_round.transfers]
        if one_round.note:
            parts.append(one_round.note)
        if parts:
            lines.append(f"Round {one_round.number}: {' '.join(parts)}")
    return lines


def _transfer_text(transfer: Transfer, decimals: int) -> str:
    moved = [f"{name} +{_votes(votes, decimals)}" for name, votes in transfer.received.items()]
    if transfer.exhausted:
        moved.append(f"exhausted {_votes(transfer.exhausted, decimals)}")
    destination = ", ".join(moved) or "nothing moved"
    if transfer.reason == "surplus":
        value = _decimal(Fraction(transfer.value), 4)
        return f"Surplus of {transfer.source} moved on at value {value}: {destination}."
    return f"{transfer.source} excluded; ballots moved on: {destination}."


def _outcome(result: Result) -> list[str]:
    lines = [f"Elected: {', '.join(result.elected) or 'nobody'}"]
    if result.second_round:
        lines.append(f"Second round between: {' and '.join(result.second_round)}")
    lines += [_tie_break_text(tie_break) for tie_break in result.tie_breaks]
    if result.seed is not None:
        lines.append(f"Seed of the lots: {result.seed}")
    return lines


def _tie_break_text(tie_break: TieBreak) -> str:
    how = (
        "by lot"
        if tie_break.rule == "lot"
        else f"by their votes in round {tie_break.earlier_round}"
    )
    tied = ", ".join(tie_break.candidates)
    return (
        f"Tie in round {tie_break.round} ({tie_break.purpose}) between {tied}: "
        f"{tie_break.chosen} chosen {how}."
    )


def _all_whole(result: Result) -> bool:
    values: list[Votes] = []
    for one_round in result.rounds:
        values += [*one_round.tallies.values(), one_round.exhausted]
        for transfer in one_round.transfers:
            values += [*transfer.received.values(), transfer.exhausted]
    return all(Fraction(value).denominator == 1 for value in values)


def _votes(value: Votes, decimals: int) -> str:
    if decimals == 0:
        return str(value)
    return _decimal(Fraction(value), decimals)


def _decimal(value: Fraction, decimals: int) -> str:
    """``value`` rounded down to ``decimals`` places, as text."""
    scaled = math.floor(value * 10**decimals)
    whole, part = divmod(scaled, 10**decimals)
    return f"{whole}.{part:0{decimals}d}"
