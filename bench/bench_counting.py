"""Benchmark of the STV count against two published implementations, on the same ballots.

Run it in a venv of its own, as the other implementations bring numpy, pandas, scipy and
numba, which the project does not need (from the repository root):

    python3 -m venv var/benchenv
    var/benchenv/bin/pip install -r requirements.txt -r bench/requirements-bench.txt
    var/benchenv/bin/python bench/bench_counting.py

Ballots: 100,000 ranked ballots over 15 candidates for 5 seats, generated with a fixed seed.
Voters belong to one of four blocs (40, 30, 18 and 12 per cent), each with its own slate of
candidates of unequal popularity; each voter ranks by a Plackett-Luce draw from the bloc's
support (with personal noise) and stops after 1 to 15 preferences (1 to 3 most often).

Implementations, each counted three times, best time kept:

- ours: ``platforma.elections.counting.stv`` (Droop quota, weighted inclusive Gregory,
  exact fractions), imported by path, without Django;
- votekit ``FastSTV`` (Droop quota, fractional surplus transfer of every ballot of the
  elected candidate, in floats): the same STV variant, so its winners must equal ours;
- pyrankvote ``single_transferable_vote`` (another variant: unrounded Droop quota, different
  exclusion and tie rules), so its winners may differ.

Two times are reported for each. "count" is the counting call alone, given the input objects
the library expects. "from parsed ballots" starts from the same list of tuples of names
(what ``parse_ballot_file`` returns) and includes building those input objects; for ours the
two are the same, as our count takes the tuples directly.
"""

from __future__ import annotations

import gc
import hashlib
import random
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from platforma.elections.counting import stv  # noqa: E402

SEATS = 5
BALLOTS = 100_000
SEED = 20260101
RUNS = 3
GOAL = 0.1  # at most a tenth of pyrankvote's time

CANDIDATES = [
    "Aliyev",
    "Babayeva",
    "Cafarov",
    "Dadashova",
    "Eyvazov",
    "Farajova",
    "Guliyev",
    "Hasanova",
    "Ismayilov",
    "Jafarova",
    "Karimov",
    "Lazimova",
    "Mammadov",
    "Nasirova",
    "Orujov",
]
# (share of voters, support of the bloc's own slate); everyone else has support 1.
BLOCS = [
    (0.40, dict(zip(CANDIDATES[0:5], (40, 14, 8, 5, 3), strict=True))),
    (0.30, dict(zip(CANDIDATES[5:10], (30, 16, 9, 4, 3), strict=True))),
    (0.18, dict(zip(CANDIDATES[10:13], (20, 10, 6), strict=True))),
    (0.12, dict(zip(CANDIDATES[13:15], (12, 8), strict=True))),
]
# Relative frequency of ranking 1, 2, ..., 15 candidates.
RANKING_LENGTHS = [20, 15, 14, 11, 9, 7, 5, 4, 3, 3, 2, 2, 2, 1, 2]

Ballot = tuple[str, ...]


def generate_ballots(count: int = BALLOTS, seed: int = SEED) -> list[Ballot]:
    rng = random.Random(seed)
    shares = [share for share, _ in BLOCS]
    ballots = []
    for _ in range(count):
        support = rng.choices(BLOCS, shares)[0][1]
        weights = {name: support.get(name, 1.0) * rng.lognormvariate(0, 0.5) for name in CANDIDATES}
        length = rng.choices(range(1, len(CANDIDATES) + 1), RANKING_LENGTHS)[0]
        ballots.append(tuple(_plackett_luce(weights, length, rng)))
    return ballots


def _plackett_luce(weights: dict[str, float], length: int, rng: random.Random) -> list[str]:
    """Draw ``length`` names one after another, each in proportion to its weight."""
    ranking = []
    for _ in range(length):
        (name,) = rng.choices(list(weights), weights=list(weights.values()))
        ranking.append(name)
        del weights[name]
    return ranking


def best_time(run: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(RUNS):
        gc.collect()
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def votekit_runs(ballots: list[Ballot]) -> dict[str, Any]:
    from votekit import RankBallot, RankProfile
    from votekit.elections import FastSTV

    def build() -> RankProfile:
        rank_ballots = [RankBallot(ranking=[{name} for name in ballot]) for ballot in ballots]
        return RankProfile(ballots=rank_ballots, candidates=CANDIDATES)

    build_time, profile = best_time(build)
    count_time, election = best_time(lambda: FastSTV(profile, n_seats=SEATS))
    elected = [sorted(group) for group in election.get_elected()]
    return {"count": count_time, "build": build_time, "elected": elected}


def pyrankvote_runs(ballots: list[Ballot]) -> dict[str, Any]:
    import pyrankvote

    def build() -> tuple[list[Any], list[Any]]:
        by_name = {name: pyrankvote.Candidate(name) for name in CANDIDATES}
        built = [pyrankvote.Ballot(ranked_candidates=[by_name[n] for n in b]) for b in ballots]
        return list(by_name.values()), built

    build_time, (candidates, built) = best_time(build)
    count_time, result = best_time(
        lambda: pyrankvote.single_transferable_vote(candidates, built, number_of_seats=SEATS)
    )
    elected = [[candidate.name] for candidate in result.get_winners()]
    return {"count": count_time, "build": build_time, "elected": elected}


def describe(ballots: list[Ballot]) -> str:
    digest = hashlib.sha256("\n".join(",".join(b) for b in ballots).encode()).hexdigest()
    lengths = statistics.mean(len(ballot) for ballot in ballots)
    return (
        f"{len(ballots):,} ballots, {len(CANDIDATES)} candidates, {SEATS} seats; "
        f"{len(Counter(ballots)):,} distinct rankings, mean length {lengths:.1f}; "
        f"sha256 {digest[:12]}"
    )


def main() -> None:
    warnings.simplefilter("ignore")
    ballots = generate_ballots()
    print(describe(ballots))
    print(f"Python {sys.version.split()[0]}; best of {RUNS} runs each\n")

    ours_time, ours = best_time(lambda: stv(ballots, seats=SEATS))
    timings = {"ours (platforma stv)": {"count": ours_time, "build": 0.0}}
    others = {}
    for label, runs in (("votekit FastSTV", votekit_runs), ("pyrankvote STV", pyrankvote_runs)):
        try:
            others[label] = runs(ballots)
        except ImportError as error:
            print(f"{label}: not installed ({error}); skipped")
            continue
        timings[label] = others[label]

    print(f"{'':22} {'count':>10} {'from parsed ballots':>21}")
    for label, times in timings.items():
        total = times["count"] + times["build"]
        print(f"{label:22} {times['count']:>9.3f}s {total:>20.3f}s")

    print()
    for label, times in others.items():
        count_ratio = ours_time / times["count"]
        total_ratio = ours_time / (times["count"] + times["build"])
        print(f"ours / {label}: {count_ratio:.3f} (count), {total_ratio:.3f} (from parsed ballots)")
    if "pyrankvote STV" in others:
        pyrankvote = others["pyrankvote STV"]
        for measure, reference in (
            ("count", pyrankvote["count"]),
            ("from parsed ballots", pyrankvote["count"] + pyrankvote["build"]),
        ):
            ratio = ours_time / reference
            verdict = "met" if ratio <= GOAL else "NOT met"
            print(f"goal (at most {GOAL:g} of pyrankvote's time), {measure}: {verdict}")

    print(f"\nours elected:       {', '.join(ours.elected)}")
    if "votekit FastSTV" in others:
        theirs = others["votekit FastSTV"]["elected"]
        verdict = (
            "OK" if {n for group in theirs for n in group} == set(ours.elected) else "MISMATCH"
        )
        print(f"votekit elected:    {', '.join('/'.join(group) for group in theirs)}  {verdict}")
    if "pyrankvote STV" in others:
        theirs = others["pyrankvote STV"]["elected"]
        same = {group[0] for group in theirs} == set(ours.elected)
        note = "same set as ours" if same else "differs (another STV variant)"
        print(f"pyrankvote elected: {', '.join(group[0] for group in theirs)}  ({note})")


if __name__ == "__main__":
    main()
