"""Plurality: the candidates with the most votes win.

For one seat a ballot names one candidate; for several seats (block voting) it names up to
``seats`` candidates, one vote each. A ballot naming more candidates than that, or one
candidate twice, is invalid: counted as invalid, its votes given to nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .intake import Ballot, names_each_once, take_in
from .marks import most_marked, seats_note, single_round_result, tally_marks
from .result import Result, Round
from .tiebreak import TieBreaker


def plurality(
    ballots: Iterable[Sequence[str]],
    *,
    seats: int = 1,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count plurality (``seats`` = 1) or block-voting ballots."""
    if seats < 1:
        raise ValueError("seats must be at least 1")

    def is_valid(ballot: Ballot) -> bool:
        return len(ballot) <= seats and names_each_once(ballot)

    intake = take_in(ballots, candidates=candidates, is_valid=is_valid)
    tie_breaker = TieBreaker(seed=seed, derive_seed=intake.derive_seed)
    tallies = tally_marks(intake)
    elected = most_marked(tallies, seats, tie_breaker)
    note = seats_note(elected, seats, intake.valid)
    one_round = Round(1, tallies, tuple(elected), note=note)
    return single_round_result("plurality", seats, intake, one_round, tie_breaker)
