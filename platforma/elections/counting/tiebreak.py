"""Deterministic tie-breaking.

A tie between candidates with equal votes is broken by the latest earlier round in which
their votes differed ("backwards" tie-breaking): the one with fewer votes there counts as
the one with fewer votes now. With three or more tied candidates the rounds are walked
backwards, keeping only the candidates still tied at each round, until one stands out.
If they were equal in every earlier round, a lot is drawn with ``random.Random(seed).choice``
over the tied names in sorted order. All lots of one count come, in order, from one
``Random`` stream, so a count with the same ballots and seed draws the same lots. Every tie
that decided something is recorded as a ``TieBreak``.

The default seed is derived from the ballots themselves (see ``default_seed``), so a recount
of the same ballots gives the same result without anyone choosing a seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Collection, Iterable, Mapping

from .result import TieBreak, Votes

Ballot = tuple[str, ...]

SEED_BITS = 48  # below 2**53, so the seed survives a round trip through JSON in any language
UNIT_SEPARATOR = "\x1f"
RECORD_SEPARATOR = "\x1e"


def default_seed(
    candidates: Iterable[str], groups: Mapping[Ballot, int], blank: int, invalid: int
) -> int:
    """A seed from the sorted candidates and the sorted multiset of ballots (SHA-256)."""
    digest = hashlib.sha256()
    digest.update(RECORD_SEPARATOR.join(sorted(candidates)).encode())
    digest.update(f"{RECORD_SEPARATOR}{blank}{RECORD_SEPARATOR}{invalid}".encode())
    for ballot, count in sorted(groups.items()):
        line = UNIT_SEPARATOR.join((str(count), *ballot))
        digest.update(f"{RECORD_SEPARATOR}{line}".encode())
    return int.from_bytes(digest.digest()[: SEED_BITS // 8], "big")


class TieBreaker:
    """Breaks the ties of one count and remembers how.

    ``remember`` must be called with the tallies at the start of every round, in order, so
    that ties can look back at earlier rounds.
    """

    def __init__(self, *, seed: int | None, derive_seed: Callable[[], int]) -> None:
        self.seed = seed
        self._derive_seed = derive_seed
        self._random: random.Random | None = None
        self._history: list[Mapping[str, Votes]] = []
        self.records: list[TieBreak] = []

    def remember(self, tallies: Mapping[str, Votes]) -> None:
        self._history.append(dict(tallies))

    def fewest(
        self, candidates: Collection[str], tallies: Mapping[str, Votes], *, round_number: int
    ) -> str:
        """The candidate with the fewest votes (the one to exclude)."""
        lowest = min(tallies[name] for name in candidates)
        tied = [name for name in candidates if tallies[name] == lowest]
        return self._break(tied, most=False, round_number=round_number, purpose="exclusion")

    def order(
        self,
        candidates: Collection[str],
        tallies: Mapping[str, Votes],
        *,
        round_number: int,
        purpose: str,
    ) -> list[str]:
        """All candidates, most votes first; every tie broken by the rule."""
        remaining = list(candidates)
        ordered: list[str] = []
        while remaining:
            highest = max(tallies[name] for name in remaining)
            tied = [name for name in remaining if tallies[name] == highest]
            chosen = self._break(tied, most=True, round_number=round_number, purpose=purpose)
            ordered.append(chosen)
            remaining.remove(chosen)
        return ordered

    def top(
        self,
        candidates: Collection[str],
        tallies: Mapping[str, Votes],
        places: int,
        *,
        round_number: int,
        purpose: str,
    ) -> list[str]:
        """The ``places`` candidates with the most votes, most first.

        Only a tie across the last place decides anything, so only that one is broken by
        the rule; candidates tied within the places are listed by name.
        """
        by_votes = sorted(candidates, key=lambda name: (-tallies[name], name))
        chosen = by_votes[:places]
        if len(by_votes) <= places or tallies[by_votes[places - 1]] != tallies[by_votes[places]]:
            return chosen
        boundary = tallies[by_votes[places - 1]]
        sure = [name for name in chosen if tallies[name] != boundary]
        tied = [name for name in by_votes if tallies[name] == boundary]
        while len(sure) < places:
            winner = self._break(tied, most=True, round_number=round_number, purpose=purpose)
            sure.append(winner)
            tied.remove(winner)
        return sure

    def _break(self, tied: list[str], *, most: bool, round_number: int, purpose: str) -> str:
        if len(tied) == 1:
            return tied[0]
        remaining = sorted(tied)
        for earlier in range(round_number - 1, 0, -1):
            votes = self._history[earlier - 1]
            extreme = (max if most else min)(votes[name] for name in remaining)
            remaining = [name for name in remaining if votes[name] == extreme]
            if len(remaining) == 1:
                return self._record(round_number, purpose, tied, remaining[0], earlier)
        return self._record(round_number, purpose, tied, self._lot().choice(remaining), None)

    def _record(
        self, round_number: int, purpose: str, tied: list[str], chosen: str, earlier: int | None
    ) -> str:
        self.records.append(
            TieBreak(
                round=round_number,
                purpose=purpose,
                candidates=tuple(sorted(tied)),
                chosen=chosen,
                rule="lot" if earlier is None else "earlier round",
                earlier_round=earlier,
            )
        )
        return chosen

    def _lot(self) -> random.Random:
        if self._random is None:
            if self.seed is None:
                self.seed = self._derive_seed()
            self._random = random.Random(self.seed)
        return self._random
