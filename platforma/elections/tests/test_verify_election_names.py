"""``verify_election`` names the elected (with their key on the ballot), not keys only."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from platforma.elections import services
from platforma.elections.bulletin import names
from platforma.elections.tests.factories import SHARES

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(voting):
    world, election, nominations = voting
    for i, member in enumerate(world.members):
        services.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            # three of four vote for the first candidate: one clear winner
            choices=[nominations[0 if i < 3 else 1].candidate_key],
        )
    election = services.election_close(
        actor=world.secretariat, election=election, shares=SHARES[election.pk]
    )
    return election, nominations


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_election", *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def test_the_elected_are_named_with_their_key(closed):
    election, nominations = closed
    winner = nominations[0].candidate_key
    name = names(election)[winner]
    assert name.strip()
    status, out, err = run(str(election.pk))
    assert status == 0, err
    assert f"elected {name} ({winner})" in out
    assert "['" not in out  # no bare list of keys any more


def test_a_forged_result_names_both_sides(closed, tmp_path):
    election, nominations = closed
    winner, loser = nominations[0].candidate_key, nominations[1].candidate_key
    on_ballot = names(election)
    board = dict(election.board)
    board["result"] = {**board["result"], "elected": [loser]}
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board))
    status, _out, err = run(str(election.pk), "--file", str(path))
    assert status == 1
    assert (
        f"file: the recount gives another result: elected {on_ballot[winner]} ({winner}) "
        f"instead of {on_ballot[loser]} ({loser})"
    ) in err
