"""What sealing costs a ballot, without the database (issue 12).

    .venv/bin/python bench/bench_sealing.py [--ballots 1000] [--candidates 5]

Prints, per ballot: sealing (pad + SealedBox to the election's key), inserting the sealed
ballot at a random place in a box already holding 0 .. N-1 ballots (the value written back on
every cast), and, at closing, opening one ballot with the rebuilt key; beside them, as the
floor, the SHA-256 of the ballot that casting computed before ballots were sealed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from platforma.elections import board as fmt  # noqa: E402
from platforma.elections import sealing  # noqa: E402


def per_ballot(seconds: float, n: int) -> str:
    return f"{seconds / n * 1e6:8.1f} µs"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ballots", type=int, default=1000)
    parser.add_argument("--candidates", type=int, default=5)
    args = parser.parse_args()
    n, keys = args.ballots, [str(100 + i) for i in range(args.candidates)]
    public, shares = sealing.new_key_shares(7, 2, 3)
    longest = fmt.canonical(
        fmt.ballot_content(election_id=7, tracker=fmt.new_tracker(), choices=keys, invalid=True)
    )
    size = sealing.padded_size(len(longest.encode()))
    contents = [
        fmt.canonical(
            fmt.ballot_content(election_id=7, tracker=fmt.new_tracker(), choices=keys[: i % 5])
        )
        for i in range(n)
    ]

    start = time.perf_counter()
    for content in contents:
        fmt.sha256_hex(content)
    floor = time.perf_counter() - start

    start = time.perf_counter()
    records = [sealing.seal(public, content, size) for content in contents]
    sealing_time = time.perf_counter() - start

    box = b""
    start = time.perf_counter()
    for record in records:
        box = sealing.insert_at_random(box, record)
    inserting = time.perf_counter() - start

    private = sealing.combine([sealing.parse_share(s.text) for s in shares[:2]], 2)
    start = time.perf_counter()
    opened = [sealing.unseal(private, r) for r in sealing.records(box, len(records[0]))]
    opening = time.perf_counter() - start
    assert sorted(opened) == sorted(contents)

    print(
        f"{n} ballots of up to {len(keys)} candidates; sealed record {len(records[0])} bytes, "
        f"box at the end {len(box) / 1024:.0f} KiB"
    )
    print(f"  floor (SHA-256 of the ballot):           {per_ballot(floor, n)}")
    print(f"  sealing (pad + SealedBox):               {per_ballot(sealing_time, n)}")
    print(f"  insert at a random place (box 0..{n - 1}): {per_ballot(inserting, n)}")
    print(f"  opening at closing (SealedBox open):     {per_ballot(opening, n)}")
    total = (sealing_time + inserting) / n * 1e3
    print(f"  sealing + insert per cast: {total:.3f} ms (goal: under 1 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
