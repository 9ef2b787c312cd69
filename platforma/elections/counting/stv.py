"""Single transferable vote: Droop quota, weighted inclusive Gregory surplus transfers.

The rules, in the order they are applied in every round:

1. Quota = floor(valid / (seats + 1)) + 1 (Droop), fixed for the whole count.
2. The round starts from the votes every candidate holds. Every continuing candidate with at
   least the quota is elected, most votes first; from then on no ballot moves to them.
   Equal votes are listed by name, except equal surpluses (see 5), whose order is decided
   by the tie-break rule.
3. If all seats are filled, the count ends.
4. If the continuing candidates are no more than the seats left, they are all elected (most
   votes first, equal votes by name) and the count ends.
5. Otherwise, if an elected candidate's surplus (votes - quota > 0) is still untransferred,
   the largest one moves on, ties going to the candidate elected first: every ballot of
   that candidate moves to its next continuing preference at its weight times
   surplus / votes (weighted inclusive Gregory); what finds no continuing preference is
   exhausted. The candidate keeps exactly the quota.
6. Otherwise the continuing candidate with the fewest votes is excluded, and all their
   ballots move on at their current weight.

Ties (rules 2 and 6) are broken by the latest earlier round in which the tied candidates'
votes differed, then by lot (see ``tiebreak``). All arithmetic is exact (``Fraction``), so
``sum(tallies) + exhausted == valid`` in every round and no rounding can decide a seat.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import groupby

from .intake import Intake, take_in
from .piles import Piles
from .result import Result, Round, Transfer, Votes
from .tiebreak import TieBreaker

SURPLUS_ORDER = "order of surplus transfers"


def stv(
    ballots: Iterable[Sequence[str]],
    *,
    seats: int,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count ranked ballots for ``seats`` seats; a blank ballot is an empty sequence."""
    if seats < 1:
        raise ValueError("seats must be at least 1")
    intake = take_in(ballots, candidates=candidates)
    tie_breaker = TieBreaker(seed=seed, derive_seed=intake.derive_seed)
    count = _StvCount(intake, seats, tie_breaker)
    rounds = count.run()
    return Result(
        method="stv",
        seats=seats,
        quota=count.quota,
        valid=intake.valid,
        blank=intake.blank,
        invalid=intake.invalid,
        elected=tuple(count.elected),
        rounds=tuple(rounds),
        candidates=intake.candidates,
        tie_breaks=tuple(tie_breaker.records),
        seed=tie_breaker.seed,
    )


class _StvCount:
    def __init__(self, intake: Intake, seats: int, tie_breaker: TieBreaker) -> None:
        self.seats = seats
        self.valid = intake.valid
        self.quota = intake.valid // (seats + 1) + 1
        self.tie_breaker = tie_breaker
        self.piles = Piles(intake.groups, intake.candidates)
        self.elected: list[str] = []
        self.untransferred: list[str] = []  # elected with a surplus, in order of election

    def run(self) -> list[Round]:
        if self.valid == 0:
            return [Round(1, dict(self.piles.tallies), note="No valid ballots: nobody is elected.")]
        rounds: list[Round] = []
        while True:
            one_round, finished = self._round(len(rounds) + 1)
            rounds.append(one_round)
            if finished:
                return rounds

    def _round(self, number: int) -> tuple[Round, bool]:
        """Play one round; True when it ends the count."""
        tallies = dict(self.piles.tallies)
        exhausted = self.piles.exhausted
        self.tie_breaker.remember(tallies)
        reaching = [name for name in self.piles.continuing if tallies[name] >= self.quota]
        elected = self._elect(reaching, tallies, number)
        ending = self._end_if_decided(tallies, number)
        if ending is not None:
            filling, note = ending
            elected += filling
            return Round(number, tallies, tuple(elected), exhausted=exhausted, note=note), True
        excluded, transfer = self._move_ballots_on(tallies, number)
        one_round = Round(
            number, tallies, tuple(elected), excluded, (transfer,), exhausted=exhausted
        )
        return one_round, False

    def _end_if_decided(
        self, tallies: dict[str, Votes], number: int
    ) -> tuple[list[str], str] | None:
        """Rules 3 and 4: who else is elected and why the count ends; None if it goes on."""
        vacancies = self.seats - len(self.elected)
        if vacancies == 0:
            return [], "All seats are filled."
        if len(self.piles.continuing) > vacancies:
            return None
        filling = self._elect(list(self.piles.continuing), tallies, number)
        empty = self.seats - len(self.elected)
        if empty:
            return filling, f"Too few candidates: {empty} seat(s) stay empty."
        return filling, "The continuing candidates fill the remaining seats."

    def _move_ballots_on(
        self, tallies: dict[str, Votes], number: int
    ) -> tuple[tuple[str, ...], Transfer]:
        """Rules 5 and 6: transfer the largest surplus, or else exclude the fewest votes."""
        transfer = self._transfer_largest_surplus(tallies)
        if transfer is not None:
            return (), transfer
        loser = self.tie_breaker.fewest(self.piles.continuing, tallies, round_number=number)
        self.piles.withdraw(loser)
        return (loser,), self.piles.transfer(loser, 1, "exclusion")

    def _elect(self, names: list[str], tallies: dict[str, Votes], number: int) -> list[str]:
        """Elect ``names``, most votes first.

        Equal votes are listed by name, as the order decides nothing, except for equal
        surpluses: their order is the order of their transfers, so the tie-break rule decides.
        """
        ordered: list[str] = []
        by_votes = sorted(names, key=lambda name: (-tallies[name], name))
        for votes, equals in groupby(by_votes, key=tallies.__getitem__):
            group = list(equals)
            if votes > self.quota and len(group) > 1:
                group = self.tie_breaker.order(
                    group, tallies, round_number=number, purpose=SURPLUS_ORDER
                )
            ordered += group
        for name in ordered:
            self.piles.withdraw(name)
            self.elected.append(name)
            if tallies[name] > self.quota:
                self.untransferred.append(name)
        return ordered

    def _transfer_largest_surplus(self, tallies: dict[str, Votes]) -> Transfer | None:
        if not self.untransferred:
            return None
        # max() keeps the first of equals, i.e. the one elected first.
        source = max(self.untransferred, key=lambda name: tallies[name])
        self.untransferred.remove(source)
        votes = tallies[source]
        value = Fraction(votes - self.quota) / votes
        return self.piles.transfer(source, value, "surplus")
