"""Approval voting: a ballot names every candidate the voter approves of, in any order.

Each approval is one vote; the ``seats`` candidates with the most votes win. A ballot naming
a candidate twice is invalid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .intake import names_each_once, take_in
from .marks import most_marked, seats_note, single_round_result, tally_marks
from .result import Result, Round
from .tiebreak import TieBreaker


def approval(
    ballots: Iterable[Sequence[str]],
    *,
    seats: int = 1,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count approval ballots for ``seats`` seats."""
    if seats < 1:
        raise ValueError("seats must be at least 1")
    intake = take_in(ballots, candidates=candidates, is_valid=names_each_once)
    tie_breaker = TieBreaker(seed=seed, derive_seed=intake.derive_seed)
    tallies = tally_marks(intake)
    elected = most_marked(tallies, seats, tie_breaker)
    note = seats_note(elected, seats, intake.valid)
    one_round = Round(1, tallies, tuple(elected), note=note)
    return single_round_result("approval", seats, intake, one_round, tie_breaker)
