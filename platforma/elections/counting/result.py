"""The result of a count and its round-by-round trace.

Vote values are exact: ``int`` where a method only ever counts whole ballots, ``Fraction``
where ballots move on at a fraction of their value (STV). ``to_dict()`` gives JSON-safe
values: every vote value becomes a string holding the exact number, ``"12"`` or ``"47/3"``
(``str(Fraction)``; ``Fraction(text)`` reads it back). Counts of ballots (``valid``, ``blank``,
``invalid``), ``seats`` and ``quota`` are whole numbers and stay JSON integers. Decimals are
for people and appear only in the text rendering (``text.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

Votes = Fraction | int

TransferReason = Literal["surplus", "exclusion"]
TieBreakRule = Literal["earlier round", "lot"]


def votes_text(value: Votes) -> str:
    """The exact value as text: ``"12"`` or ``"47/3"``."""
    return str(value)


def _votes_map(values: Mapping[str, Votes]) -> dict[str, str]:
    return {name: votes_text(value) for name, value in values.items()}


@dataclass(frozen=True)
class Transfer:
    """Ballots that moved on from one candidate at the end of a round.

    ``value`` is the factor applied to the weight of every moved ballot: surplus / votes for a
    surplus (weighted inclusive Gregory), 1 for an exclusion (ballots keep their weight).
    ``exhausted`` is the part that found no continuing candidate further down its ranking.
    """

    source: str
    reason: TransferReason
    value: Votes
    received: Mapping[str, Votes]
    exhausted: Votes

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "reason": self.reason,
            "value": votes_text(self.value),
            "to": _votes_map(self.received),
            "exhausted": votes_text(self.exhausted),
        }


@dataclass(frozen=True)
class Round:
    """One round: the votes at its start, then what was decided and moved in it.

    ``tallies`` has every candidate in every round (an excluded candidate holds 0, an
    elected one what it kept), so ``sum(tallies) + exhausted`` is the number of valid
    ballots in every round of a transferable count.
    """

    number: int
    tallies: Mapping[str, Votes]
    elected: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    exhausted: Votes = 0
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "tallies": _votes_map(self.tallies),
            "exhausted": votes_text(self.exhausted),
            "elected": list(self.elected),
            "excluded": list(self.excluded),
            "transfers": [transfer.to_dict() for transfer in self.transfers],
            "note": self.note,
        }


@dataclass(frozen=True)
class TieBreak:
    """A tie that decided something, and how it was broken.

    ``rule`` is "earlier round" (the latest earlier round in which the tied candidates had
    different votes, ``earlier_round``) or "lot" (``random.Random(seed)``, see Result.seed).
    """

    round: int
    purpose: str
    candidates: tuple[str, ...]
    chosen: str
    rule: TieBreakRule
    earlier_round: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "purpose": self.purpose,
            "candidates": list(self.candidates),
            "chosen": self.chosen,
            "rule": self.rule,
            "earlier_round": self.earlier_round,
        }


@dataclass(frozen=True)
class Result:
    """The outcome of one count.

    ``elected`` is in order of election. ``seed`` is the seed of the lots: the one given, or
    the one derived from the ballots when a lot had to be drawn; None when neither.
    ``second_round`` names the two candidates of a second round (two-round method only).
    """

    method: str
    seats: int
    quota: int | None
    valid: int
    blank: int
    invalid: int
    elected: tuple[str, ...]
    rounds: tuple[Round, ...]
    candidates: tuple[str, ...] = ()
    tie_breaks: tuple[TieBreak, ...] = ()
    seed: int | None = None
    second_round: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "seats": self.seats,
            "quota": self.quota,
            "valid": self.valid,
            "blank": self.blank,
            "invalid": self.invalid,
            "candidates": list(self.candidates),
            "elected": list(self.elected),
            "second_round": None if self.second_round is None else list(self.second_round),
            "rounds": [one_round.to_dict() for one_round in self.rounds],
            "tie_breaks": [tie_break.to_dict() for tie_break in self.tie_breaks],
            "seed": self.seed,
        }
