"""The bulletin board built from the database, and its verification against what was frozen.

At closing, the opened ballots are written in their drawn order (``Ballot.position``) and
``build_board`` is stored on the election (``Election.board``, ``board_head``); its head goes
into the closing's audit entry, in the platform's hash chain. The public board and
``manage.py verify_election`` read it. Verification rebuilds the board from the ballots in the
database, compares it entry by entry with the frozen one and its head with the one recorded at
closing, and recounts the ballots with the counting package.
"""

from __future__ import annotations

import json
from typing import Any

from platforma.core.models import AuditEntry

from . import board as fmt
from .counting import count
from .models import Ballot, Election, VoterRecord
from .selectors import candidates


def election_header(election: Election, names: dict[str, str]) -> dict[str, Any]:
    header = {
        "id": election.pk,
        "platform": election.platform.slug,
        # modeltranslation adds title_en at run time, out of the plugin's sight
        "title": election.title_en or election.title,  # type: ignore[attr-defined]
        "method": election.method,
        "seats": election.seats,
        "candidates": [{"key": key, "name": name} for key, name in names.items()],
    }
    if election.public_key:
        # The key the ballots were sealed to: the board says which box it is the opening of.
        header["public_key"] = election.public_key
    return header


def count_ballots(method: str, seats: int, keys: list[str], contents: list[dict]) -> dict:
    result = count(method, [fmt.as_counted(c) for c in contents], seats=seats, candidates=keys)
    return result.to_dict()


def names(election: Election) -> dict[str, str]:
    """The candidates on the ballot by key, with their names in English (the board's language)."""
    return {
        # modeltranslation adds the _en fields at run time, out of the plugin's sight
        c.candidate_key: f"{c.person.first_name_en or c.person.first_name} "  # type: ignore[attr-defined]
        f"{c.person.last_name_en or c.person.last_name}"  # type: ignore[attr-defined]
        for c in candidates(election)
    }


def build_board(election: Election) -> dict[str, Any]:
    """The board as the database holds it now: entries in board order, chain, result."""
    on_ballot = names(election)
    rows = list(
        Ballot.objects.filter(election=election)
        .order_by("position")
        .values_list("tracker", "content", "content_hash")
    )
    contents = [json.loads(content) for _tracker, content, _hash in rows]
    result = count_ballots(election.method, election.seats, list(on_ballot), contents)
    return fmt.assemble(
        header=election_header(election, on_ballot),
        ballots=rows,
        voters=VoterRecord.objects.filter(election=election).count(),
        result=result,
    )


def closing_head(election: Election) -> str | None:
    """The board's head as the closing's audit entry recorded it (None: no such entry)."""
    entry = (
        AuditEntry.objects.filter(
            action="elections.election.closed",
            target_type=Election._meta.label_lower,
            target_id=str(election.pk),
        )
        .order_by("-id")
        .values_list("data", flat=True)
        .first()
    )
    return None if entry is None else entry.get("head")


def candidate_names(board: dict[str, Any], keys: Any) -> str:
    """Candidates by name with their key on the ballot ("Aysel Karimova (9), ...", "nobody").

    A key the board's header does not list (a forged result) is shown as it is."""
    if not keys:
        return "nobody"
    on_ballot = {str(c["key"]): c["name"] for c in board["election"].get("candidates", [])}
    return ", ".join(
        f"{on_ballot[str(key)]} ({key})" if str(key) in on_ballot else f"unknown candidate {key!r}"
        for key in keys
    )


def recount_problems(board: dict[str, Any]) -> list[str]:
    header = board["election"]
    keys = [c["key"] for c in header["candidates"]]
    recount = count_ballots(
        header["method"], header["seats"], keys, [e["ballot"] for e in board["entries"]]
    )
    if recount != board.get("result"):
        stated = (board.get("result") or {}).get("elected")
        return [
            "the recount gives another result: elected "
            f"{candidate_names(board, recount['elected'])} instead of "
            f"{candidate_names(board, stated)}"
        ]
    return []


def compare_boards(expected: dict[str, Any], actual: dict[str, Any], label: str) -> list[str]:
    """Differences between the frozen board and ``actual`` (the database now, or a file)."""
    problems: list[str] = []
    frozen = {e["tracker"]: e for e in expected["entries"]}
    found = {e["tracker"]: e for e in actual["entries"]}
    for tracker in sorted(frozen.keys() - found.keys()):
        problems.append(f"{label}: ballot {tracker} is missing")
    for tracker in sorted(found.keys() - frozen.keys()):
        problems.append(f"{label}: ballot {tracker} was not on the board at closing")
    for tracker in sorted(frozen.keys() & found.keys()):
        if frozen[tracker]["ballot"] != found[tracker]["ballot"]:
            problems.append(f"{label}: ballot {tracker} differs from the one on the board")
        elif frozen[tracker]["ballot_hash"] != found[tracker]["ballot_hash"]:
            problems.append(f"{label}: ballot {tracker} has another hash than on the board")
    if expected["head"] != actual["head"]:
        problems.append(f"{label}: the last hash of the chain differs from the board's")
    if expected["voters"] != actual["voters"]:
        problems.append(
            f"{label}: {actual['voters']} organisations voted, the board says {expected['voters']}"
        )
    return problems


def verify(election: Election, file_board: dict[str, Any] | None = None) -> list[str]:
    """Every problem found (empty: the election verifies)."""
    if election.board is None:
        return ["the election has no bulletin board yet (it is not closed)"]
    frozen = election.board
    problems = [f"stored board: {p}" for p in fmt.board_problems(frozen)]
    problems += [f"stored board: {p}" for p in recount_problems(frozen)]
    if election.board_head != frozen["head"]:
        problems.append("stored board: its head differs from the head recorded at closing")
    published = closing_head(election)
    if published is None:
        problems.append("the audit log has no record of the closing")
    elif published != frozen["head"]:
        problems.append(
            f"stored board: its head {frozen['head']} is not the head published at closing "
            f"({published})"
        )
    current = build_board(election)
    for problem in fmt.board_problems(current):
        problems.append(f"database: {problem}")
    # A ballot whose content no longer matches its own stored hash, named by tracker.
    problems += compare_boards(frozen, current, "database")
    if file_board is not None:
        problems += [f"file: {p}" for p in fmt.board_problems(file_board)]
        problems += [f"file: {p}" for p in recount_problems(file_board)]
        problems += compare_boards(frozen, file_board, "file")
    return list(dict.fromkeys(problems))
