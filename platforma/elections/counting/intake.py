"""Sorting ballots into blank, invalid and valid before any method counts them.

Identical ballots are grouped first (``Counter``): 100,000 ballots over 15 candidates hold
far fewer distinct rankings, and every later step works per distinct ballot. Finding the
candidates and checking names against them are single set operations over all distinct
ballots; the per-ballot search runs only when some name is actually unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .tiebreak import default_seed

Ballot = tuple[str, ...]


@dataclass(frozen=True)
class Intake:
    """The ballots of one count, sorted.

    ``groups`` maps each distinct valid ballot to how many times it was cast.
    ``candidates`` are sorted by name.
    """

    candidates: tuple[str, ...]
    groups: Counter[Ballot]
    blank: int
    invalid: int

    @property
    def valid(self) -> int:
        return self.groups.total()

    def derive_seed(self) -> int:
        return default_seed(self.candidates, self.groups, self.blank, self.invalid)


def take_in(
    ballots: Iterable[Sequence[str]],
    *,
    candidates: Iterable[str] | None = None,
    is_valid: Callable[[Ballot], bool] | None = None,
) -> Intake:
    """Group the ballots and set aside the blank and the invalid ones.

    A ballot is blank when it names nobody, and invalid when it names someone outside
    ``candidates`` (when given) or fails the method's own ``is_valid``. Without
    ``candidates``, the candidates are all the names that appear on any ballot.

    A name repeated on one ballot is the method's business (see ``names_each_once``): the
    file parser rejects such files, and the ranked methods simply skip a repetition, as
    the candidate is no longer continuing when the ballot reaches it again.
    """
    groups = Counter(map(tuple, ballots))
    blank = groups.pop((), 0)
    named = set().union(*groups)
    listed = named if candidates is None else set(candidates)
    invalid = 0
    if not named <= listed:
        invalid += _set_aside(groups, lambda ballot: not listed.issuperset(ballot))
    if is_valid is not None:
        invalid += _set_aside(groups, lambda ballot: not is_valid(ballot))
    return Intake(tuple(sorted(listed)), groups, blank, invalid)


def names_each_once(ballot: Ballot) -> bool:
    return len(set(ballot)) == len(ballot)


def _set_aside(groups: Counter[Ballot], rejects: Callable[[Ballot], bool]) -> int:
    rejected = [ballot for ballot in groups if rejects(ballot)]
    return sum(groups.pop(ballot) for ballot in rejected)
