"""Two-round system (absolute majority), first round.

A ballot names one candidate; a ballot naming more is invalid. A candidate with more than
half of the valid votes is elected. Otherwise a second round is needed between the two
candidates with the most votes; a tie for a place in it is decided by lot. The second round
is a new vote: count its ballots with ``plurality`` (one seat).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .intake import Ballot, take_in
from .marks import most_marked, single_round_result, tally_marks
from .result import Result, Round
from .tiebreak import TieBreaker

SECOND_ROUND = "place in the second round"


def two_round(
    ballots: Iterable[Sequence[str]],
    *,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count the first round; ``Result.second_round`` names who goes on, if anyone."""

    def is_valid(ballot: Ballot) -> bool:
        return len(ballot) == 1

    intake = take_in(ballots, candidates=candidates, is_valid=is_valid)
    tie_breaker = TieBreaker(seed=seed, derive_seed=intake.derive_seed)
    tallies = tally_marks(intake)
    valid = intake.valid
    leader = max(tallies, key=lambda name: tallies[name], default=None)
    second_round: tuple[str, ...] | None = None
    if valid == 0 or leader is None:
        one_round = Round(1, tallies, note="No valid ballots: nobody is elected.")
    elif 2 * tallies[leader] > valid:
        note = f"{leader} has more than half of the {valid} valid votes."
        one_round = Round(1, tallies, (leader,), note=note)
    else:
        second_round = tuple(most_marked(tallies, 2, tie_breaker, purpose=SECOND_ROUND))
        pair = " and ".join(second_round)
        note = f"Nobody has more than half of the {valid} valid votes: second round between {pair}."
        one_round = Round(1, tallies, note=note)
    return single_round_result(
        "two-round", 1, intake, one_round, tie_breaker, second_round=second_round
    )
