"""docs/verify_election.py checks a published board with the standard library alone."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from platforma.elections import services
from platforma.elections.tests.factories import SHARES

SCRIPT = Path(__file__).resolve().parents[3] / "docs" / "verify_election.py"
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["plurality", "approval", "irv", "stv"])
def test_script_accepts_a_true_board_and_names_a_forged_entry(world, tmp_path, method):
    from .factories import running_election

    seats = 2 if method in ("stv", "approval") else 1
    election, nominations = running_election(
        world, candidates=3, method=method, seats=seats, office=False
    )
    keys = [n.candidate_key for n in nominations]
    ballots = [[keys[0]], [keys[0]], [keys[1]], []]
    if method in ("irv", "stv"):
        ballots = [[keys[0], keys[1]], [keys[2], keys[0]], [keys[1]], [keys[0]]]
    for member, choices in zip(world.members, ballots, strict=True):
        services.ballot_cast(
            actor=member.user, election=election, organisation=member.organisation, choices=choices
        )
    election = services.election_close(
        actor=world.secretariat, election=election, shares=SHARES[election.pk]
    )
    good = tmp_path / "board.json"
    good.write_text(json.dumps(election.board))
    tracker = election.board["entries"][0]["tracker"]
    run = subprocess.run(
        [sys.executable, "-I", str(SCRIPT), str(good), "--tracker", tracker],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "OK: the board verifies" in run.stdout
    assert f"tracker {tracker}: found" in run.stdout

    forged = json.loads(good.read_text())
    forged["entries"][1]["ballot"]["choices"] = [keys[2]]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(forged))
    run = subprocess.run(
        [sys.executable, "-I", str(SCRIPT), str(bad)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert f"entry 2 ({forged['entries'][1]['tracker']}): ballot does not match its hash" in (
        run.stderr
    )
