"""Quorum and majority arithmetic: pure functions, no Django import.

Counts go in, a result comes out with every number needed to explain it in words; the wording
(translatable) is built in ``services/explain.py``. Rules come from the statute in force
(``platforma.core.statute_rules``, itself pure Python).

Definitions (see docs/meetings.md):

* members: the organisations entitled to vote in the body on the day (members in good standing
  for the General Assembly);
* present: delegates checked in and not gone; represented: organisations absent themselves whose
  proxy holder is present (at most ``max_per_delegate`` per holder count);
* votes cast: "for" plus "against", plus abstentions when the statute counts them as cast.
"""

from __future__ import annotations

from dataclasses import dataclass

from platforma.core.statute_rules import MAJORITY_KINDS, QuorumRule

FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
CHOICES = (FOR, AGAINST, ABSTAIN)

# What each majority kind measures the "for" votes against.
BASIS = {
    "simple": "cast",
    "simple_present": "present",
    "absolute_members": "members",
    "two_thirds_cast": "cast",
    "two_thirds_present": "present",
    "two_thirds_members": "members",
    "unanimity": "cast",
}


class NoQuorum(ValueError):
    """A result was asked for while the quorum is missing."""


def _ceil_two_thirds(n: int) -> int:
    return -(-2 * n // 3)


# --- quorum --------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumState:
    members: int
    present: int
    represented: int  # proxies that count (already limited per holder); 0 when not counted
    required: int
    met: bool

    @property
    def counted(self) -> int:
        return self.present + self.represented


def counted_proxies(proxies_per_holder: list[int], max_per_delegate: int, allowed: bool) -> int:
    """How many proxies count: none when the statute forbids them, at most the limit per holder."""
    if not allowed:
        return 0
    return sum(min(max(n, 0), max_per_delegate) for n in proxies_per_holder)


def quorum_state(*, members: int, present: int, represented: int, rule: QuorumRule) -> QuorumState:
    """Present (plus represented, where the statute counts proxies) against ``members``."""
    if members < 0 or present < 0 or represented < 0:
        raise ValueError("counts cannot be negative")
    if present + represented > members:
        raise ValueError("more organisations present or represented than members")
    counted_represented = represented if rule.count_proxies else 0
    required = rule.required(members)
    return QuorumState(
        members=members,
        present=present,
        represented=counted_represented,
        required=required,
        met=rule.is_met(present + counted_represented, members),
    )


# --- majority -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    for_: int
    against: int
    abstain: int

    @property
    def voted(self) -> int:
        return self.for_ + self.against + self.abstain


@dataclass(frozen=True)
class Result:
    kind: str
    tally: Tally
    cast: int  # votes cast as the statute counts them
    abstentions_counted: bool
    basis: str  # "cast", "present" or "members"
    basis_count: int  # the number the majority is measured against
    needed: int  # "for" votes needed
    adopted: bool


def votes_needed(kind: str, basis_count: int) -> int:
    """The smallest number of "for" votes that carries the motion (always at least one)."""
    if kind not in MAJORITY_KINDS:
        raise ValueError(f"unknown majority kind: {kind}")
    if kind in ("simple", "simple_present", "absolute_members"):
        return basis_count // 2 + 1
    if kind in ("two_thirds_cast", "two_thirds_present", "two_thirds_members"):
        return max(1, _ceil_two_thirds(basis_count))
    return max(1, basis_count)  # unanimity


def decide(
    kind: str,
    tally: Tally,
    *,
    members: int,
    present: int,
    abstentions_count_as_cast: bool,
    quorum_met: bool = True,
) -> Result:
    """Judge a motion. ``present`` includes the represented organisations counted for quorum.

    Raises ``NoQuorum`` when the quorum is missing and ``ValueError`` on impossible counts.
    """
    if kind not in MAJORITY_KINDS:
        raise ValueError(f"unknown majority kind: {kind}")
    if min(tally.for_, tally.against, tally.abstain, members, present) < 0:
        raise ValueError("counts cannot be negative")
    if tally.voted > present or present > members:
        raise ValueError("more votes than organisations present, or more present than members")
    if not quorum_met:
        raise NoQuorum("the quorum is missing")
    cast = tally.for_ + tally.against + (tally.abstain if abstentions_count_as_cast else 0)
    basis = BASIS[kind]
    basis_count = {"cast": cast, "present": present, "members": members}[basis]
    if kind == "simple" and not abstentions_count_as_cast:
        # More "for" than "against": the same as more than half of for + against.
        needed = votes_needed(kind, cast)
    else:
        needed = votes_needed(kind, basis_count)
    adopted = tally.for_ >= needed
    if kind == "unanimity":
        adopted = cast > 0 and tally.for_ == cast
    return Result(
        kind=kind,
        tally=tally,
        cast=cast,
        abstentions_counted=abstentions_count_as_cast,
        basis=basis,
        basis_count=basis_count,
        needed=needed,
        adopted=adopted,
    )
