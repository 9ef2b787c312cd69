"""Speed of the delegate selection solver (``platforma.forum.selection.select``).

    .venv/bin/python bench/bench_selection.py [--runs 7] [--seed 20260501]

No database and no Django: the solver is pure Python + scipy (HiGHS). Two random pools, each
generated from a fixed seed: the real scale, 478 applications for 155 seats, and ten times
that, 4780 for 1550. Applicants come from 6 countries in uneven numbers (some platforms score
higher), 5 working groups of uneven size, 40 % women, 56 % men, 4 % other; scores in
hundredths of points. Quotas: 20..30 delegates per country (Ukraine 20..32), 20..40 per
working group (group 1: 25..45), at least 40 % women and 40 % men, a reserve of 30; for the
larger pool every number is ten times as large.

Prints, for each pool, the median, fastest and slowest of ``--runs`` calls of ``select`` (the
whole call: checks, the integer programmes, the decisions and reasons). The goal for the real
scale is "well under a second".
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from platforma.forum.selection import (  # noqa: E402
    GENDERS,
    Bounds,
    Candidate,
    Quotas,
    select,
)

COUNTRIES = ("armenia", "azerbaijan", "belarus", "georgia", "moldova", "ukraine")
COUNTRY_WEIGHTS = (8, 4, 5, 9, 6, 12)
GROUP_WEIGHTS = (5, 3, 2, 2, 1)
GENDER_WEIGHTS = (40, 56, 4)


def pool(applicants: int, seed: int) -> list[Candidate]:
    rng = random.Random(seed)
    candidates = []
    for number in range(1, applicants + 1):
        country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
        bonus = 1500 if country in ("georgia", "ukraine") else 0
        candidates.append(
            Candidate(
                id=number,
                score=min(10000, rng.randrange(2000, 8500) + bonus),
                country=country,
                group=rng.choices(range(1, 6), GROUP_WEIGHTS)[0],
                gender=rng.choices(GENDERS, GENDER_WEIGHTS)[0],
            )
        )
    return candidates


def quotas(scale: int) -> Quotas:
    return Quotas(
        seats=155 * scale,
        per_country={"ukraine": Bounds(20 * scale, 32 * scale)},
        default_country=Bounds(20 * scale, 30 * scale),
        per_group={1: Bounds(25 * scale, 45 * scale)},
        default_group=Bounds(20 * scale, 40 * scale),
        min_share_each_gender=Fraction(2, 5),
        reserve=30 * scale,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20260501)
    arguments = parser.parse_args()
    for applicants, scale in ((478, 1), (4780, 10)):
        candidates = pool(applicants, arguments.seed)
        rules = quotas(scale)
        times = []
        for _ in range(arguments.runs):
            started = time.perf_counter()
            result = select(candidates, rules)
            times.append(time.perf_counter() - started)
        print(
            f"{applicants} applicants, {rules.seats} seats: median {statistics.median(times):.3f} s"
            f" (fastest {min(times):.3f} s, slowest {max(times):.3f} s, {arguments.runs} runs);"
            f" {len(result.selected)} selected, total score {result.total_score}"
        )


if __name__ == "__main__":
    main()
