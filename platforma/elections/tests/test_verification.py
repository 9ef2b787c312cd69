"""The bulletin board and ``verify_election``: tampering is found and named."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from platforma.elections import board as fmt
from platforma.elections import services
from platforma.elections.models import Ballot, VoterRecord
from platforma.elections.tests.factories import SHARES

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(voting):
    world, election, nominations = voting
    receipts = []
    for i, member in enumerate(world.members):
        receipts.append(
            services.ballot_cast(
                actor=member.user,
                election=election,
                organisation=member.organisation,
                choices=[nominations[i % 2].candidate_key],
            )
        )
    election = services.election_close(
        actor=world.secretariat, election=election, shares=SHARES[election.pk]
    )
    return election, receipts, nominations


def run(election_id, *extra):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("verify_election", str(election_id), *extra, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def _raw_update(sql, params):
    """Change ballots behind the application's back, as the database's owner could.

    On PostgreSQL the ballots' table is append-only (a trigger refuses UPDATE): its owner can
    still disable the trigger, so the forger here does that first; the board's hashes and its
    published head are what find the change then.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's transaction still has the closing's deferred foreign-key checks
            # pending; ALTER TABLE waits for none, so they are run first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE elections_ballot DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE elections_ballot ENABLE TRIGGER USER")


def test_board_chain_is_the_documented_one(closed):
    election, receipts, _ = closed
    board = election.board
    previous = fmt.sha256_hex(fmt.canonical(board["election"]))
    assert board["genesis"] == previous
    for entry in board["entries"]:
        core = {k: entry[k] for k in ("tracker", "ballot", "ballot_hash")}
        previous = fmt.sha256_hex(previous + fmt.canonical(core))
        assert entry["chain"] == previous
    assert board["head"] == previous == election.board_head
    assert {e["tracker"] for e in board["entries"]} == {r.tracker for r in receipts}
    assert board["voters"] == board["ballots"] == 4


def test_untouched_election_verifies(closed, tmp_path):
    election, _, _ = closed
    path = tmp_path / "board.json"
    path.write_text(json.dumps(election.board))
    status, out, err = run(election.pk, "--file", str(path))
    assert status == 0, err
    assert "verifies: 4 ballots, 4 voters" in out
    assert "matches" in out


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's"
)
def test_postgresql_refuses_to_change_or_delete_a_ballot(closed):
    election, receipts, _ = closed
    for sql in (
        "UPDATE elections_ballot SET content = '{}' WHERE tracker = %s",
        "DELETE FROM elections_ballot WHERE tracker = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [receipts[0].tracker])
    assert Ballot.objects.filter(election=election).count() == 4
    status, _out, err = run(election.pk)
    assert status == 0, err


def test_changed_ballot_in_the_database_is_named(closed):
    election, receipts, nominations = closed
    victim = receipts[0].tracker
    ballot = Ballot.objects.get(tracker=victim)
    forged = json.loads(ballot.content)
    forged["choices"] = [nominations[2].candidate_key]
    _raw_update(
        "UPDATE elections_ballot SET content = %s WHERE tracker = %s",
        [fmt.canonical(forged), victim],
    )
    status, _out, err = run(election.pk)
    assert status == 1
    assert f"ballot {victim} differs" in err
    assert "does not match its hash" in err


def test_forged_ballot_with_recomputed_hash_is_still_found(closed):
    election, receipts, nominations = closed
    victim = receipts[1].tracker
    forged = json.loads(Ballot.objects.get(tracker=victim).content)
    forged["choices"] = [nominations[2].candidate_key]
    content = fmt.canonical(forged)
    _raw_update(
        "UPDATE elections_ballot SET content = %s, content_hash = %s WHERE tracker = %s",
        [content, fmt.sha256_hex(content), victim],
    )
    status, _out, err = run(election.pk)
    assert status == 1
    assert f"ballot {victim} differs" in err
    assert "last hash of the chain differs" in err


def test_extra_voter_record_breaks_the_turnout(closed, world):
    election, _, _ = closed
    from .factories import make_member

    extra = make_member(world.platform, 77)
    VoterRecord.objects.create(election=election, organisation=extra.organisation, channel="paper")
    status, _out, err = run(election.pk)
    assert status == 1
    assert "5 organisations voted" in err


def test_tampered_file_is_named(closed, tmp_path):
    election, receipts, nominations = closed
    board = json.loads(json.dumps(election.board))
    board["entries"][2]["ballot"]["choices"] = [nominations[2].candidate_key]
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board))
    status, _out, err = run(election.pk, "--file", str(path))
    assert status == 1
    tracker = board["entries"][2]["tracker"]
    assert f"entry 3 ({tracker}): the ballot does not match its hash" in err


def test_open_election_cannot_be_verified(voting):
    _, election, _ = voting
    status, _out, err = run(election.pk)
    assert status == 1
    assert "not closed" in err


def test_unknown_election(db):
    status, _out, err = run(999999)
    assert status == 2
    assert "no election" in err
