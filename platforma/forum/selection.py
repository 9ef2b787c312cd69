"""Choose the Forum's Annual Assembly delegates from scored applications, under the quotas.

A solver, not hand-picking: given every applicant's score and the quotas, :func:`select`
returns the best selection the quotas allow, a reserve list and the reason for every decision,
or raises :class:`Infeasible` naming each quota that cannot be met. Pure Python: no Django, no
app (an import contract in pyproject.toml holds it to that); the integer programme is solved by
HiGHS through ``scipy.optimize.milp``.

The model
---------
One binary variable ``x[i]`` per applicant (1: selected). The applicants are first sorted by
rank, best score first and, among equal scores, lower id first; variable ``i`` is the applicant
ranked ``i``, so the model depends only on the set of applicants, not on the order given.

Constraints, each a linear row with integer coefficients:

- seats: ``sum(x) = K`` where K is ``quotas.seats``, or, when the pool or the maxima do not
  allow that many, the largest number of delegates any selection meeting every quota can have
  (found by a first programme that maximises ``sum(x)`` under ``sum(x) <= seats``);
- each country: ``minimum <= sum(x[i] for its applicants) <= maximum`` (``per_country``, or
  ``default_country`` for a country not named there);
- each working group: the same with ``per_group`` / ``default_group``;
- gender: with ``k = sum(x)`` selected and a share ``num/den``, the statute asks for at least
  ``ceil(share * k)`` women and as many men. ``k`` varies in the first programme, so the rule is
  written linearly as ``den * women - num * k >= 0``, i.e. ``sum(x[i] * (den*[i is a woman] -
  num)) >= 0``: since ``women`` is an integer, ``women >= share * k`` is the same as
  ``women >= ceil(share * k)``. Likewise for men. "other" (which also covers "prefers not to
  say") counts toward neither target but takes a seat.

Objective, in exact stages (all on integers, solved with ``mip_rel_gap = 0``, so HiGHS
proves optimality; its absolute gap, 1e-6, is below the step of an integer objective):

1. maximise the total score ``sum(score[i] * x[i])``: its optimum S is exact;
2. tie-break: keep ``sum(score[i] * x[i]) >= S`` and maximise ``sum((n - i) * x[i])``, i.e.
   take the selection with the smallest sum of rank positions R. Among selections with the
   same total score this prefers the higher-ranked applicant in any one-for-one exchange (a
   higher score, or the same score and a lower id);
3. if, with the total S and the rank sum R, another selection exists (one more solve, which
   excludes the one found, says so; it needs at least a two-for-two exchange, e.g. ranks
   0 + 3 against 1 + 2), take the lexicographically first: the one that, at the first rank
   where they differ, takes that applicant (see ``_Model._lexicographic``).

So the answer is fully defined by the rule "best total score, then smallest rank sum, then
lexicographic", whatever path the solver takes, and the same applicants in any order give the
same answer. A plain lexicographic order instead of the rank sum would need weights like
``2**(n - i)``, beyond floating point; the rank sum is a different order: 6 + 2 at ranks 0 and
4 loses to 4 + 4 at ranks 1 and 2 (``test_equal_totals_take_the_smallest_rank_sum``).

Both stages run without HiGHS's presolve: on 4780 applicants it takes 0.6 s, ten times the
solve, and these models' LP relaxations are nearly integral. bench/bench_selection.py: under
0.1 s for 478 applications and 155 seats, about 0.5 s for ten times that (three solves each,
on a shared two-core machine).

Why an integer programme and not a greedy pass down the ranking: the three quota dimensions
(country, working group, gender) cut across each other, so taking the best applicant who still
fits can block a better pair. Two seats, at most one delegate per country and per group::

    x: country A, group 1, score 10      greedy takes x (10), then y and z no longer fit,
    y: country A, group 2, score 9       leaving w: 10 + 1 = 11.
    z: country B, group 1, score 9       The best selection is y + z = 18.
    w: country B, group 2, score 1

(``test_greedy_is_not_optimal`` runs this case.)

When no selection meets the minima, :func:`select` raises :class:`Infeasible` with every
problem found. First the simple necessary conditions, all of them: a country's or group's
minimum above its applicants or above its own maximum, the sum of the country (or group)
minima above the seats, a gender's required number (at the smallest size the minima force)
above its applicants. If none of those holds and the programme is still infeasible, a
deletion filter finds a minimal set of quotas that conflict together: drop one quota at a
time, keep it dropped if the rest is still infeasible; what remains cannot be met together,
and dropping any one of it makes the rest feasible. The messages are plain English (this
module cannot use Django's translations); a page can build its own from ``quota``, ``key``,
``needed`` and ``available``.

Decisions and reasons
---------------------
Every applicant gets a :class:`Decision`. Selected: ``"selected"`` (params ``score``). For the
others, the first reason that applies, each true of the selection returned:

- ``"quota_country_full"`` (``country``, ``maximum``): their country has its maximum selected;
- ``"quota_group_full"`` (``group``, ``maximum``): their working group has its maximum;
- ``"gender_balance"`` (``gender``, ``minimum``, ``instead_of``): the lowest-ranked selected
  delegate of their country (failing that, of their working group) ranks below them, and
  taking them instead of that delegate would leave fewer than ``minimum`` delegates of
  ``gender``;
- ``"outscored"`` (``score``, ``lowest_selected_score``): ``lowest_selected_score`` is the lowest
  score among the selected delegates they could replace one-for-one without breaking any
  quota; it is at least their own score (otherwise the selection would not be optimal);
- ``"quota_minimum"`` (no params): they could replace no selected delegate one-for-one, as every
  such exchange would break a minimum (of another country or group, or the gender minimum).

Reserve list: ``quotas.reserve`` applicants among those not selected. First, in rank order,
those who could replace at least one selected delegate one-for-one without breaking a quota
(so a reserve can actually take a seat that frees up); then, if there are not enough of those,
the rest in rank order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import numpy.typing as npt

# scipy ships neither type information nor a stub package (mypy: import-untyped).
from scipy import optimize  # type: ignore[import-untyped]

GENDERS = ("woman", "man", "other")
"""``"other"`` also covers "prefers not to say": it counts toward neither gender target."""

_TARGET_GENDERS = ("woman", "man")


@dataclass(frozen=True)
class Candidate:
    id: int
    score: int  # higher is better; integers (e.g. hundredths of points) so optimality is exact
    country: str  # e.g. platform slug "armenia" or "eu"
    group: int  # Forum working group number 1..5
    gender: str  # one of GENDERS


@dataclass(frozen=True)
class Bounds:
    minimum: int = 0
    maximum: int | None = None  # None: no upper limit


@dataclass(frozen=True)
class Quotas:
    seats: int  # delegates to select (exactly this many if the pool and quotas allow it)
    per_country: dict[str, Bounds]  # countries absent from the dict: default_country
    default_country: Bounds = Bounds()
    per_group: dict[int, Bounds] = field(default_factory=dict)
    default_group: Bounds = Bounds()
    # e.g. Fraction(2, 5): at least 40 % women AND at least 40 % men among the selected
    # (ceil of share * selected). At most one half.
    min_share_each_gender: Fraction | None = None
    reserve: int = 0  # length of the reserve list

    def country_bounds(self, country: str) -> Bounds:
        return self.per_country.get(country, self.default_country)

    def group_bounds(self, group: int) -> Bounds:
        return self.per_group.get(group, self.default_group)


@dataclass(frozen=True)
class Decision:
    candidate_id: int
    outcome: str  # "selected" | "reserve" | "not_selected"
    reserve_rank: int | None  # 1.. for reserve
    reason: str  # a stable code, see the module docstring
    params: dict[str, object]  # values for the message, e.g. {"country": "armenia", "maximum": 30}


@dataclass(frozen=True)
class Selection:
    selected: tuple[int, ...]  # ids, best score first (ties: lower id first)
    reserve: tuple[int, ...]  # ids in reserve order
    decisions: dict[int, Decision]  # one per candidate
    total_score: int


@dataclass(frozen=True)
class QuotaProblem:
    """One quota that cannot be met.

    For the simple conditions ``needed > available``: a minimum and the applicants (or the
    quota's own maximum, or the seats for a sum of minima). For quotas that conflict together
    (the message says so) ``needed <= available``: ``needed`` is the quota's minimum (for the
    gender, its required number at the smallest size the minima force; for the seats, that
    size) and ``available`` its applicants (for the seats, the seats).
    """

    quota: str  # "seats" | "country" | "group" | "gender"
    key: str | int | None  # the country, the group number, the gender; None for seats
    needed: int
    available: int
    message: str  # plain English


class Infeasible(Exception):
    """No selection meets every minimum; ``problems`` names each quota that cannot be met."""

    problems: list[QuotaProblem]

    def __init__(self, problems: list[QuotaProblem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


def select(candidates: Sequence[Candidate], quotas: Quotas) -> Selection:
    """The best selection under ``quotas``, its reserve list and a decision for every applicant.

    Raises :class:`Infeasible` when no selection meets every minimum, and ``ValueError`` for
    malformed input (duplicate ids, an unknown gender, negative seats or bounds, a gender share
    outside 0..1/2).
    """
    ranked = _validate(candidates, quotas)
    problems = _necessary_conditions(ranked, quotas)
    if problems:
        raise Infeasible(problems)
    model = _Model(ranked, quotas)
    chosen = model.best(min(quotas.seats, len(ranked)))
    if chosen is None:
        size = model.largest_size()
        if size is None:
            raise Infeasible(model.diagnose())
        chosen = model.best(size)
        if chosen is None:  # pragma: no cover - the size was just proved feasible
            raise RuntimeError("HiGHS found no selection of a size it had found feasible")
    _check(ranked, quotas, chosen)
    return _decide(ranked, quotas, chosen)


# --- input -----------------------------------------------------------------------------------


def _rank_key(candidate: Candidate) -> tuple[int, int]:
    return (-candidate.score, candidate.id)


def _validate(candidates: Sequence[Candidate], quotas: Quotas) -> tuple[Candidate, ...]:
    ids = Counter(candidate.id for candidate in candidates)
    duplicates = sorted(id_ for id_, count in ids.items() if count > 1)
    if duplicates:
        raise ValueError(f"Duplicate candidate ids: {duplicates}")
    for candidate in candidates:
        if candidate.gender not in GENDERS:
            raise ValueError(f"Candidate {candidate.id}: unknown gender {candidate.gender!r}")
    if quotas.seats < 0 or quotas.reserve < 0:
        raise ValueError("Seats and the reserve length cannot be negative")
    every_bounds = [
        quotas.default_country,
        quotas.default_group,
        *quotas.per_country.values(),
        *quotas.per_group.values(),
    ]
    for bounds in every_bounds:
        if bounds.minimum < 0 or (bounds.maximum is not None and bounds.maximum < 0):
            raise ValueError(f"Bounds cannot be negative: {bounds}")
    share = quotas.min_share_each_gender
    if share is not None and not 0 <= share <= Fraction(1, 2):
        raise ValueError(f"A minimum share for each gender must be 0..1/2, not {share}")
    return tuple(sorted(candidates, key=_rank_key))


def _country_label(country: str) -> str:
    if len(country) <= 2:
        return country.upper()
    return country.replace("-", " ").replace("_", " ").title()


def _group_label(group: int) -> str:
    return f"Working group {group}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _countries(ranked: Sequence[Candidate], quotas: Quotas) -> list[str]:
    return sorted({candidate.country for candidate in ranked} | set(quotas.per_country))


def _groups(ranked: Sequence[Candidate], quotas: Quotas) -> list[int]:
    return sorted({candidate.group for candidate in ranked} | set(quotas.per_group))


def _forced_size(ranked: Sequence[Candidate], quotas: Quotas) -> int:
    """The fewest delegates the country and group minima force (a lower bound)."""
    countries = sum(quotas.country_bounds(c).minimum for c in _countries(ranked, quotas))
    groups = sum(quotas.group_bounds(g).minimum for g in _groups(ranked, quotas))
    return max(countries, groups)


def _gender_need(share: Fraction | None, size: int) -> int:
    return 0 if share is None else math.ceil(share * size)


def _necessary_conditions(ranked: Sequence[Candidate], quotas: Quotas) -> list[QuotaProblem]:
    problems: list[QuotaProblem] = []
    per_country = Counter(candidate.country for candidate in ranked)
    per_group = Counter(candidate.group for candidate in ranked)
    dimensions: list[tuple[str, list[tuple[str | int, str, Bounds, int]]]] = [
        (
            "country",
            [
                (c, _country_label(c), quotas.country_bounds(c), per_country[c])
                for c in _countries(ranked, quotas)
            ],
        ),
        (
            "group",
            [
                (g, _group_label(g), quotas.group_bounds(g), per_group[g])
                for g in _groups(ranked, quotas)
            ],
        ),
    ]
    for quota, entries in dimensions:
        for key, label, bounds, applicants in entries:
            if bounds.maximum is not None and bounds.minimum > bounds.maximum:
                problems.append(
                    QuotaProblem(
                        quota,
                        key,
                        bounds.minimum,
                        bounds.maximum,
                        f"{label} needs at least {_plural(bounds.minimum, 'delegate')} "
                        f"but its maximum is {bounds.maximum}",
                    )
                )
            elif bounds.minimum > applicants:
                problems.append(
                    QuotaProblem(
                        quota,
                        key,
                        bounds.minimum,
                        applicants,
                        f"{label} needs at least {_plural(bounds.minimum, 'delegate')} "
                        f"but has {_plural(applicants, 'applicant')}",
                    )
                )
        total = sum(bounds.minimum for _, _, bounds, _ in entries)
        if total > quotas.seats:
            what = "country" if quota == "country" else "working group"
            problems.append(
                QuotaProblem(
                    "seats",
                    None,
                    total,
                    quotas.seats,
                    f"The {what} minima add up to {_plural(total, 'delegate')} "
                    f"but there are only {_plural(quotas.seats, 'seat')}",
                )
            )
    share = quotas.min_share_each_gender
    if share:
        size = _forced_size(ranked, quotas)
        need = _gender_need(share, size)
        per_gender = Counter(candidate.gender for candidate in ranked)
        for gender in _TARGET_GENDERS:
            if need > per_gender[gender]:
                problems.append(
                    QuotaProblem(
                        "gender",
                        gender,
                        need,
                        per_gender[gender],
                        f"At least {_percent(share)} of the {size} delegates the minima require "
                        f"must be {_gender_plural(gender)} ({need}), but only "
                        f"{per_gender[gender]} applicants are {_gender_plural(gender)}",
                    )
                )
    return problems


def _percent(share: Fraction) -> str:
    value = share * 100
    return f"{value.numerator} %" if value.denominator == 1 else f"{float(value):.4g} %"


def _gender_plural(gender: str) -> str:
    return {"woman": "women", "man": "men"}.get(gender, gender)


# --- the integer programme -------------------------------------------------------------------

_Vector = npt.NDArray[np.float64]
_Chosen = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class _Row:
    coefficients: _Vector
    lower: float
    upper: float


@dataclass(frozen=True)
class _Quota:
    """One quota of the statute: the rows it adds, and how to name it."""

    quota: str
    key: str | int | None
    rows: tuple[_Row, ...]
    needed: int
    available: int
    label: str


class _Model:
    def __init__(self, ranked: Sequence[Candidate], quotas: Quotas) -> None:
        self.ranked = ranked
        self.quotas = quotas
        n = len(ranked)
        self.n = n
        self.scores = np.array([candidate.score for candidate in ranked], dtype=np.float64)
        self.items = self._quota_items()

    def _indicator(self, test: list[bool]) -> _Vector:
        return np.array(test, dtype=np.float64)

    def _bounded(
        self, quota: str, key: str | int, label: str, bounds: Bounds, members: list[bool]
    ) -> _Quota | None:
        applicants = sum(members)
        if bounds.minimum == 0 and (bounds.maximum is None or bounds.maximum >= applicants):
            return None  # asks nothing
        upper = math.inf if bounds.maximum is None else float(bounds.maximum)
        if bounds.maximum is None:
            wording = f"at least {_plural(bounds.minimum, 'delegate')}"
        elif bounds.minimum == 0:
            wording = f"at most {_plural(bounds.maximum, 'delegate')}"
        elif bounds.minimum == bounds.maximum:
            wording = f"exactly {_plural(bounds.minimum, 'delegate')}"
        else:
            wording = f"{bounds.minimum} to {_plural(bounds.maximum, 'delegate')}"
        row = _Row(self._indicator(members), float(bounds.minimum), upper)
        return _Quota(quota, key, (row,), bounds.minimum, applicants, f"{label} ({wording})")

    def _quota_items(self) -> list[_Quota]:
        ranked, quotas = self.ranked, self.quotas
        forced = _forced_size(ranked, quotas)
        items = [
            _Quota(
                "seats",
                None,
                (_Row(np.ones(self.n), 0.0, float(quotas.seats)),),
                forced,
                quotas.seats,
                f"the {_plural(quotas.seats, 'seat')}",
            )
        ]
        for country in _countries(ranked, quotas):
            members = [candidate.country == country for candidate in ranked]
            label = _country_label(country)
            item = self._bounded("country", country, label, quotas.country_bounds(country), members)
            if item is not None:
                items.append(item)
        for group in _groups(ranked, quotas):
            members = [candidate.group == group for candidate in ranked]
            label = _group_label(group)
            item = self._bounded("group", group, label, quotas.group_bounds(group), members)
            if item is not None:
                items.append(item)
        share = quotas.min_share_each_gender
        if share:
            for gender in _TARGET_GENDERS:
                members = [candidate.gender == gender for candidate in ranked]
                # den * (delegates of this gender) - num * (delegates) >= 0
                coefficients = self._indicator(members) * share.denominator - share.numerator
                items.append(
                    _Quota(
                        "gender",
                        gender,
                        (_Row(coefficients, 0.0, math.inf),),
                        _gender_need(share, forced),
                        sum(members),
                        f"at least {_percent(share)} {_gender_plural(gender)}",
                    )
                )
        return items

    def _solve(
        self,
        objective: _Vector,
        rows: Sequence[_Row],
        lower_bounds: _Vector | None = None,
        upper_bounds: _Vector | None = None,
    ) -> _Chosen | None:
        """Minimise ``objective`` over binary x under ``rows``; None when infeasible.

        ``lower_bounds`` / ``upper_bounds`` fix some variables to 1 / to 0.
        """
        constraints = []
        if rows:
            matrix = np.vstack([row.coefficients for row in rows])
            lower = np.array([row.lower for row in rows])
            upper = np.array([row.upper for row in rows])
            constraints.append(optimize.LinearConstraint(matrix, lower, upper))
        result = optimize.milp(
            c=objective,
            integrality=np.ones(self.n),
            bounds=optimize.Bounds(
                np.zeros(self.n) if lower_bounds is None else lower_bounds,
                np.ones(self.n) if upper_bounds is None else upper_bounds,
            ),
            constraints=constraints,
            # mip_rel_gap 0: prove optimality (the default stops within 0.01 %). No presolve:
            # see the module docstring.
            options={"mip_rel_gap": 0.0, "presolve": False},
        )
        status = int(result.status)
        if status == 2:
            return None
        if status != 0 or result.x is None:
            raise RuntimeError(f"HiGHS did not solve the selection: {result.message}")
        chosen: _Chosen = np.asarray(result.x, dtype=np.float64) > 0.5
        return chosen

    def _rows(self, items: Sequence[_Quota], *, seats: bool) -> list[_Row]:
        return [row for item in items if seats or item.quota != "seats" for row in item.rows]

    def best(self, size: int) -> _Chosen | None:
        """The best selection of exactly ``size`` delegates, or None if there is none."""
        if self.n == 0:
            return np.zeros(0, dtype=np.bool_) if size == 0 else None
        rows = [*self._rows(self.items, seats=False), _Row(np.ones(self.n), size, size)]
        first = self._solve(-self.scores, rows)
        if first is None:
            return None
        total = float(self.scores[first].sum())
        ranks = np.arange(self.n, 0, -1, dtype=np.float64)  # n for the best-ranked, 1 for the last
        optimal = [*rows, _Row(self.scores.copy(), total, math.inf)]
        second = self._solve(-ranks, optimal)
        if second is None or float(self.scores[second].sum()) != total:  # pragma: no cover
            second = first  # only if HiGHS rounded the second stage away
        face = [*optimal, _Row(ranks, float(ranks[second].sum()), math.inf)]
        return self._lexicographic(face, second, size)

    def _lexicographic(self, face: list[_Row], incumbent: _Chosen, size: int) -> _Chosen:
        """The lexicographically best selection among those meeting ``face``.

        ``face``: the quotas, the size, the best total score and the best rank sum;
        ``incumbent`` meets it. Usually it is the only one (one solve shows it). Otherwise walk
        down the ranking fixing each applicant: selected if some selection meeting the face
        and the fixings so far selects them, else not. On the face every selection takes,
        within each kind (country, group, gender), a prefix of the kind's ranking (exchanging
        a lower-ranked for a higher-ranked one of the same kind would keep the quotas and
        improve the score or the rank sum), so once an applicant of a kind cannot be selected
        neither can the rest of that kind: at most one failed solve per kind.
        """
        # Another selection on the face takes, in some kind, more than the incumbent does, so
        # it takes the first of that kind the incumbent leaves out (and vice versa).
        left_out: dict[_Kind, int] = {}
        for index, candidate in enumerate(self.ranked):
            if not incumbent[index]:
                left_out.setdefault(_kind(candidate), index)
        first_left_out = np.zeros(self.n)
        first_left_out[list(left_out.values())] = 1
        # These are feasibility questions; the score as objective makes HiGHS's simplex reach
        # the face (and prove it empty) several times faster than no objective at all.
        objective = -self.scores
        if self._solve(objective, [*face, _Row(first_left_out, 1, math.inf)]) is None:
            return incumbent
        lower, upper = np.zeros(self.n), np.ones(self.n)
        blocked: set[_Kind] = set()
        for index, candidate in enumerate(self.ranked):
            if lower.sum() == size:
                break  # every seat is fixed: the incumbent is that selection
            if incumbent[index]:
                lower[index] = 1
                continue
            if _kind(candidate) not in blocked:
                lower[index] = 1
                found = self._solve(objective, face, lower, upper)
                if found is not None:
                    incumbent = found
                    continue
                lower[index] = 0
                blocked.add(_kind(candidate))
            upper[index] = 0
        return incumbent

    def _feasible(self, items: Sequence[_Quota]) -> bool:
        return self._solve(np.zeros(self.n), self._rows(items, seats=True)) is not None

    def largest_size(self) -> int | None:
        """The most delegates a selection meeting every quota can have; None if none can."""
        if self.n == 0:
            return 0 if self._empty_meets_minima() else None
        chosen = self._solve(-np.ones(self.n), self._rows(self.items, seats=True))
        return None if chosen is None else int(chosen.sum())

    def _empty_meets_minima(self) -> bool:
        return all(row.lower <= 0 for item in self.items for row in item.rows)

    def diagnose(self) -> list[QuotaProblem]:
        """A minimal set of quotas that cannot be met together (deletion filter)."""
        conflicting = list(self.items)
        index = 0
        while index < len(conflicting):
            trial = conflicting[:index] + conflicting[index + 1 :]
            if self._feasible(trial):
                index += 1  # needed for the conflict: keep it
            else:
                conflicting = trial  # still infeasible without it: not needed
        problems = []
        for item in conflicting:
            others = [other.label for other in conflicting if other is not item]
            if others:
                with_ = ", ".join(others)
                message = f"{_capital(item.label)} cannot be met together with {with_}"
            else:  # pragma: no cover - a single quota is caught by the simple conditions
                message = f"{_capital(item.label)} cannot be met"
            problems.append(
                QuotaProblem(item.quota, item.key, item.needed, item.available, message)
            )
        return problems


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check(ranked: Sequence[Candidate], quotas: Quotas, chosen: _Chosen) -> None:
    """Refuse to return a selection that breaks a quota (a guard against the solver's floats)."""
    selected = [candidate for candidate, taken in zip(ranked, chosen, strict=True) if taken]
    size = len(selected)
    broken = size > quotas.seats
    countries = Counter(candidate.country for candidate in selected)
    for country in _countries(ranked, quotas):
        broken |= not _within(countries[country], quotas.country_bounds(country))
    groups = Counter(candidate.group for candidate in selected)
    for group in _groups(ranked, quotas):
        broken |= not _within(groups[group], quotas.group_bounds(group))
    genders = Counter(candidate.gender for candidate in selected)
    need = _gender_need(quotas.min_share_each_gender, size)
    broken |= any(genders[gender] < need for gender in _TARGET_GENDERS)
    if broken:  # pragma: no cover
        raise RuntimeError("HiGHS returned a selection that breaks a quota")


def _within(count: int, bounds: Bounds) -> bool:
    return count >= bounds.minimum and (bounds.maximum is None or count <= bounds.maximum)


# --- decisions -------------------------------------------------------------------------------

_Kind = tuple[str, int, str]  # country, group, gender: what an exchange of delegates changes


def _kind(candidate: Candidate) -> _Kind:
    return (candidate.country, candidate.group, candidate.gender)


class _Counts:
    """The selection's counts, and whether exchanging one delegate for another keeps the quotas."""

    def __init__(self, quotas: Quotas, selected: Sequence[Candidate]) -> None:
        self.quotas = quotas
        self.countries = Counter(candidate.country for candidate in selected)
        self.groups = Counter(candidate.group for candidate in selected)
        self.genders = Counter(candidate.gender for candidate in selected)
        self.need = _gender_need(quotas.min_share_each_gender, len(selected))

    def country_full(self, country: str) -> int | None:
        maximum = self.quotas.country_bounds(country).maximum
        return maximum if maximum is not None and self.countries[country] >= maximum else None

    def group_full(self, group: int) -> int | None:
        maximum = self.quotas.group_bounds(group).maximum
        return maximum if maximum is not None and self.groups[group] >= maximum else None

    def breaks_gender(self, incoming: _Kind, outgoing: _Kind) -> bool:
        gender = outgoing[2]
        return (
            incoming[2] != gender
            and gender in _TARGET_GENDERS
            and self.genders[gender] - 1 < self.need
        )

    def exchange_keeps_quotas(self, incoming: _Kind, outgoing: _Kind) -> bool:
        country_in, group_in, _ = incoming
        country_out, group_out, _ = outgoing
        if country_in != country_out:
            if self.country_full(country_in) is not None:
                return False
            if self.countries[country_out] - 1 < self.quotas.country_bounds(country_out).minimum:
                return False
        if group_in != group_out:
            if self.group_full(group_in) is not None:
                return False
            if self.groups[group_out] - 1 < self.quotas.group_bounds(group_out).minimum:
                return False
        return not self.breaks_gender(incoming, outgoing)


def _decide(ranked: Sequence[Candidate], quotas: Quotas, chosen: _Chosen) -> Selection:
    selected = [candidate for candidate, taken in zip(ranked, chosen, strict=True) if taken]
    others = [candidate for candidate, taken in zip(ranked, chosen, strict=True) if not taken]
    counts = _Counts(quotas, selected)
    rank = {candidate.id: position for position, candidate in enumerate(ranked)}
    lowest_of_kind: dict[_Kind, int] = {}  # the lowest score among the selected of each kind
    lowest_in_country: dict[str, Candidate] = {}
    lowest_in_group: dict[int, Candidate] = {}
    for candidate in selected:  # in rank order: the last one seen is the lowest-ranked
        kind = _kind(candidate)
        lowest_of_kind[kind] = min(lowest_of_kind.get(kind, candidate.score), candidate.score)
        lowest_in_country[candidate.country] = candidate
        lowest_in_group[candidate.group] = candidate
    replaceable: dict[_Kind, int | None] = {}  # kind -> lowest score they could replace

    def lowest_replaceable(kind: _Kind) -> int | None:
        if kind not in replaceable:
            scores = [
                score
                for outgoing, score in lowest_of_kind.items()
                if counts.exchange_keeps_quotas(kind, outgoing)
            ]
            replaceable[kind] = min(scores) if scores else None
        return replaceable[kind]

    def reason(candidate: Candidate) -> tuple[str, dict[str, object]]:
        maximum = counts.country_full(candidate.country)
        if maximum is not None:
            return "quota_country_full", {"country": candidate.country, "maximum": maximum}
        maximum = counts.group_full(candidate.group)
        if maximum is not None:
            return "quota_group_full", {"group": candidate.group, "maximum": maximum}
        if counts.need:
            for lowest in (
                lowest_in_country.get(candidate.country),
                lowest_in_group.get(candidate.group),
            ):
                if lowest is None or rank[lowest.id] < rank[candidate.id]:
                    continue
                if counts.breaks_gender(_kind(candidate), _kind(lowest)):
                    return "gender_balance", {
                        "gender": lowest.gender,
                        "minimum": counts.need,
                        "instead_of": lowest.id,
                    }
        score = lowest_replaceable(_kind(candidate))
        if score is None:
            return "quota_minimum", {}
        return "outscored", {"score": candidate.score, "lowest_selected_score": score}

    can_replace = [c for c in others if lowest_replaceable(_kind(c)) is not None]
    cannot = [c for c in others if lowest_replaceable(_kind(c)) is None]
    reserve = (can_replace + cannot)[: quotas.reserve]
    reserve_rank = {candidate.id: position for position, candidate in enumerate(reserve, 1)}

    decisions: dict[int, Decision] = {}
    for candidate in ranked:
        if candidate.id in reserve_rank or not chosen[rank[candidate.id]]:
            code, params = reason(candidate)
            position = reserve_rank.get(candidate.id)
            outcome = "not_selected" if position is None else "reserve"
            decisions[candidate.id] = Decision(candidate.id, outcome, position, code, params)
        else:
            decisions[candidate.id] = Decision(
                candidate.id, "selected", None, "selected", {"score": candidate.score}
            )
    return Selection(
        selected=tuple(candidate.id for candidate in selected),
        reserve=tuple(candidate.id for candidate in reserve),
        decisions=decisions,
        total_score=sum(candidate.score for candidate in selected),
    )
