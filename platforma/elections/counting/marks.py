"""What the single-round methods (plurality, block, approval, two-round) share.

On these ballots every name is one mark worth one vote; the candidates with the most marks
win. Only a candidate with at least one vote can win a seat: with fewer such candidates than
seats, the remaining seats stay empty.
"""

from __future__ import annotations

from .intake import Intake
from .result import Result, Round
from .tiebreak import TieBreaker

LAST_SEAT = "last seat"


def tally_marks(intake: Intake) -> dict[str, int]:
    """Votes per candidate, every candidate included, in name order."""
    tallies = dict.fromkeys(intake.candidates, 0)
    for ballot, count in intake.groups.items():
        for name in ballot:
            tallies[name] += count
    return tallies


def most_marked(
    tallies: dict[str, int], places: int, tie_breaker: TieBreaker, purpose: str = LAST_SEAT
) -> list[str]:
    """Up to ``places`` candidates with the most votes; a tie across the last place by lot.

    There is no earlier round to look back to, so such a tie goes straight to the lot.
    """
    with_votes = [name for name, votes in tallies.items() if votes > 0]
    return tie_breaker.top(with_votes, tallies, places, round_number=1, purpose=purpose)


def single_round_result(
    method: str,
    seats: int,
    intake: Intake,
    one_round: Round,
    tie_breaker: TieBreaker,
    *,
    second_round: tuple[str, ...] | None = None,
) -> Result:
    return Result(
        method=method,
        seats=seats,
        quota=None,
        valid=intake.valid,
        blank=intake.blank,
        invalid=intake.invalid,
        elected=one_round.elected,
        rounds=(one_round,),
        candidates=intake.candidates,
        tie_breaks=tuple(tie_breaker.records),
        seed=tie_breaker.seed,
        second_round=second_round,
    )


def seats_note(elected: list[str], seats: int, valid: int) -> str:
    if valid == 0:
        return "No valid ballots: nobody is elected."
    if len(elected) < seats:
        return f"Too few candidates with votes: {seats - len(elected)} seat(s) stay empty."
    return ""
