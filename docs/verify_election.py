#!/usr/bin/env python3
"""Check a Platforma election's bulletin board with nothing but Python 3 and board.json.

    python3 verify_election.py board.json [--tracker 3f9a-07c2-b1d4-88e0-5a6b] [--csv out.csv]

Independent of Platforma's code (standard library only), it re-implements the published
formats (docs/elections.md) and checks:

1. every ballot's SHA-256 (the hash on each voter's receipt), its tracker and election id;
2. the hash chain, from the election header to the last entry (the "head");
3. that as many organisations voted as there are ballots, and no tracker is listed twice
   (format 2 lists ballots in the order drawn when the sealed box was opened; format 1,
   boards from before ballots were sealed, in strict tracker order);
4. the count: plurality, approval and the two-round system's first round are recounted in
   full; instant-runoff is recounted round by round; for STV, the first preferences are
   checked against the board's first round (a full STV recount needs the counting rules:
   ``--csv`` writes the ballots in the format of ``manage.py tally``, for that).
   A tie that the board says was broken by lot is reported, and the board's draw is shown.

Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from fractions import Fraction

FORMATS = ("platforma-election-board/2", "platforma-election-board/1")


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_chain(board: dict) -> list[str]:
    problems = []
    if board.get("format") not in FORMATS:
        return [f"unknown format {board.get('format')!r}"]
    previous = sha256(canonical(board["election"]))
    if previous != board["genesis"]:
        problems.append("genesis hash does not match the election header")
    trackers = []
    for number, entry in enumerate(board["entries"], start=1):
        ballot, tracker = entry["ballot"], entry["tracker"]
        trackers.append(tracker)
        if ballot.get("tracker") != tracker or ballot.get("election") != board["election"]["id"]:
            problems.append(f"entry {number} ({tracker}): tracker or election id differs")
        if sha256(canonical(ballot)) != entry["ballot_hash"]:
            problems.append(f"entry {number} ({tracker}): ballot does not match its hash")
        core = {"tracker": tracker, "ballot": ballot, "ballot_hash": entry["ballot_hash"]}
        previous = sha256(previous + canonical(core))
        if previous != entry["chain"]:
            problems.append(f"entry {number} ({tracker}): chain hash is wrong")
            previous = entry["chain"]
    if previous != board["head"]:
        problems.append("head is not the last chain hash")
    if len(set(trackers)) != len(trackers):
        problems.append("a tracker is listed twice")
    elif board["format"].endswith("/1") and trackers != sorted(trackers):
        problems.append("entries are not in strict tracker order")
    if not board["voters"] == board["ballots"] == len(board["entries"]):
        problems.append(
            f"{board['voters']} voters, {board['ballots']} ballots announced, "
            f"{len(board['entries'])} listed"
        )
    return problems


def sort_ballots(board: dict):
    """(valid ballots as tuples, blank, invalid), as Platforma's counting sorts them."""
    method, seats = board["election"]["method"], board["election"]["seats"]
    keys = {c["key"] for c in board["election"]["candidates"]}
    limit = {"plurality": seats, "two-round": 1}.get(method)
    valid, blank, invalid = [], 0, 0
    for entry in board["entries"]:
        ballot = entry["ballot"]
        choices = tuple(ballot["choices"])
        if ballot.get("invalid") or not set(choices) <= keys or len(set(choices)) != len(choices):
            invalid += 1
        elif not choices:
            blank += 1
        elif limit is not None and len(choices) > limit:
            invalid += 1
        else:
            valid.append(choices)
    return valid, blank, invalid


def recount(board: dict) -> tuple[list[str], list[str]]:
    """(problems, report lines)."""
    method, seats = board["election"]["method"], board["election"]["seats"]
    names = {c["key"]: c["name"] for c in board["election"]["candidates"]}
    result = board["result"]
    valid, blank, invalid = sort_ballots(board)
    problems, lines = [], []
    if (len(valid), blank, invalid) != (result["valid"], result["blank"], result["invalid"]):
        problems.append(
            f"valid/blank/invalid {len(valid)}/{blank}/{invalid} but the board says "
            f"{result['valid']}/{result['blank']}/{result['invalid']}"
        )
    first = Counter(dict.fromkeys(names, 0))
    for ballot in valid:
        if method in ("plurality", "approval"):
            first.update(ballot)
        else:
            first[ballot[0]] += 1
    lines.append("votes" if method in ("plurality", "approval") else "first preferences")
    for key, votes in sorted(first.items(), key=lambda kv: (-kv[1], names[kv[0]])):
        lines.append(f"  {names[key]:40} {votes}")
    board_first = {k: Fraction(v) for k, v in result["rounds"][0]["tallies"].items()}
    if {k: Fraction(v) for k, v in first.items()} != board_first:
        problems.append("round 1 votes differ from the board's")
    lots = [t for t in result.get("tie_breaks", []) if t["rule"] == "lot"]
    for tie in lots:
        lines.append(f"  tie broken by lot (seed {result['seed']}): chose {names[tie['chosen']]}")
    elected = None
    if method in ("plurality", "approval"):
        ranked = [k for k, v in sorted(first.items(), key=lambda kv: -kv[1]) if v > 0]
        if len(ranked) > seats and first[ranked[seats - 1]] == first[ranked[seats]] and lots:
            elected = result["elected"]  # a lot decided the last seat: take the board's draw
        else:
            elected = ranked[:seats]
    elif method == "two-round":
        leader = max(first, key=first.get) if valid else None
        elected = [leader] if leader and 2 * first[leader] > len(valid) else []
    elif method == "irv":
        elected = irv(valid, list(names), result) if not lots else result["elected"]
    if elected is not None:
        lines.append("elected: " + (", ".join(names[k] for k in elected) or "nobody"))
        if sorted(elected) != sorted(result["elected"]):
            problems.append(f"the recount elects {elected}, the board {result['elected']}")
    else:
        lines.append(
            "STV: first preferences checked; run `manage.py tally` on --csv for all rounds"
        )
    return problems, lines


def irv(ballots, candidates, result) -> list[str]:
    continuing = set(candidates)
    while continuing:
        tallies = Counter(dict.fromkeys(continuing, 0))
        for ballot in ballots:
            top = next((c for c in ballot if c in continuing), None)
            if top is not None:
                tallies[top] += 1
        total = sum(tallies.values())
        leader = max(tallies, key=tallies.get)
        if 2 * tallies[leader] > total or len(continuing) == 1:
            return [leader]
        lowest = min(tallies.values())
        tied = sorted(c for c in continuing if tallies[c] == lowest)
        if len(tied) > 1:  # the board's tie-break (earlier round or lot) decides
            return list(result["elected"])
        continuing.discard(tied[0])
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("board", help="board.json as published")
    parser.add_argument("--tracker", help="your tracker, to find your ballot")
    parser.add_argument("--csv", help="write the ballots as a `manage.py tally` file")
    args = parser.parse_args()
    with open(args.board, encoding="utf-8") as handle:
        board = json.load(handle)
    problems = check_chain(board)
    print(f"election {board['election']['id']}: {board['election']['title']}")
    print(f"{len(board['entries'])} ballots, {board['voters']} voters, head {board['head']}")
    count_problems, lines = recount(board)
    problems += count_problems
    print("\n".join(lines))
    if args.tracker:
        entry = next((e for e in board["entries"] if e["tracker"] == args.tracker.lower()), None)
        print(
            f"tracker {args.tracker}: "
            + (f"found, ballot hash {entry['ballot_hash']}" if entry else "NOT on the board")
        )
        if entry is None:
            problems.append(f"tracker {args.tracker} is not on the board")
    if args.csv:
        with open(args.csv, "w", encoding="utf-8", newline="\n") as out:
            for entry in board["entries"]:
                ballot = entry["ballot"]
                out.write("#invalid" if ballot.get("invalid") else ",".join(ballot["choices"]))
                out.write("\n")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    print("OK: the board verifies" if not problems else f"{len(problems)} problem(s) found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
