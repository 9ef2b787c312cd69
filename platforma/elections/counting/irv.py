"""Instant-runoff voting: one seat, ranked ballots.

Each round starts from the votes every continuing candidate holds. A candidate with more
than half of the continuing votes (the votes on ballots not yet exhausted) is elected and the
count ends. Otherwise the candidate with the fewest votes is excluded (ties: latest earlier
round in which they differed, then lot) and their ballots move to their next continuing
preference; a ballot with none left is exhausted. A last continuing candidate is elected.

Ballots only ever move whole, so every number is an integer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .intake import take_in
from .piles import Piles
from .result import Result, Round
from .tiebreak import TieBreaker


def irv(
    ballots: Iterable[Sequence[str]],
    *,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count ranked ballots for one seat; a blank ballot is an empty sequence."""
    intake = take_in(ballots, candidates=candidates)
    tie_breaker = TieBreaker(seed=seed, derive_seed=intake.derive_seed)
    piles = Piles(intake.groups, intake.candidates)
    if intake.valid == 0:
        rounds = [Round(1, dict(piles.tallies), note="No valid ballots: nobody is elected.")]
    else:
        rounds = _count(piles, tie_breaker)
    return Result(
        method="irv",
        seats=1,
        quota=None,
        valid=intake.valid,
        blank=intake.blank,
        invalid=intake.invalid,
        elected=rounds[-1].elected,
        rounds=tuple(rounds),
        candidates=intake.candidates,
        tie_breaks=tuple(tie_breaker.records),
        seed=tie_breaker.seed,
    )


def _count(piles: Piles, tie_breaker: TieBreaker) -> list[Round]:
    rounds: list[Round] = []
    while True:
        number = len(rounds) + 1
        tallies = dict(piles.tallies)
        exhausted = piles.exhausted
        tie_breaker.remember(tallies)
        continuing = sorted(piles.continuing)
        continuing_votes = sum(tallies[name] for name in continuing)
        leader = max(continuing, key=lambda name: tallies[name])
        if 2 * tallies[leader] > continuing_votes or len(continuing) == 1:
            note = f"{leader} has {tallies[leader]} of the {continuing_votes} continuing votes."
            rounds.append(Round(number, tallies, (leader,), exhausted=exhausted, note=note))
            return rounds
        loser = tie_breaker.fewest(continuing, tallies, round_number=number)
        piles.withdraw(loser)
        transfer = piles.transfer(loser, 1, "exclusion")
        rounds.append(Round(number, tallies, (), (loser,), (transfer,), exhausted=exhausted))
