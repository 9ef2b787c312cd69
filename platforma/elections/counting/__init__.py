"""Election counting: pure functions, no Django.

Ballots in (an iterable of sequences of candidate names; an empty one is a blank ballot),
a ``Result`` with its round-by-round trace out. The rules of each method, the tie-breaks and
the arithmetic are documented in the modules below and in docs/counting.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .approval import approval
from .ballots import BallotFileError, parse_ballot_file, parse_ballot_text
from .irv import irv
from .plurality import plurality
from .result import Result, Round, TieBreak, Transfer, Votes
from .stv import stv
from .text import render_text
from .tworound import two_round

SINGLE_SEAT_METHODS = frozenset({"irv", "two-round"})

_BY_NAME: dict[str, Callable[..., Result]] = {
    "plurality": plurality,
    "approval": approval,
    "two-round": two_round,
    "irv": irv,
    "stv": stv,
}
METHODS = tuple(_BY_NAME)


def count(
    method: str,
    ballots: Iterable[Sequence[str]],
    *,
    seats: int,
    candidates: Iterable[str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count ``ballots`` by the method named as on the command line (``METHODS``)."""
    if method not in _BY_NAME:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if method in SINGLE_SEAT_METHODS:
        if seats != 1:
            raise ValueError(f"{method} fills exactly one seat (seats={seats})")
        return _BY_NAME[method](ballots, candidates=candidates, seed=seed)
    return _BY_NAME[method](ballots, seats=seats, candidates=candidates, seed=seed)


__all__ = [
    "METHODS",
    "BallotFileError",
    "Result",
    "Round",
    "TieBreak",
    "Transfer",
    "Votes",
    "approval",
    "count",
    "irv",
    "parse_ballot_file",
    "parse_ballot_text",
    "plurality",
    "render_text",
    "stv",
    "two_round",
]
