"""Sealed ballots (issue 12): nothing in the database pairs a voter with a choice.

Thirty organisations cast distinct rankings through the real voting page, in a known order.
Then the test plays the attacker who copied the database during the vote and later obtained
the tellers' shares: it reads every table in its physical order (SQLite's rowid; PostgreSQL's
ctid and xmin) and the audit log, opens the box, and tries to pair the n-th voter with the
n-th ballot. The goal is "no better than chance": a random permutation of 30 has on average
one fixed point and a rank correlation near 0 (standard deviation 1/sqrt(29) = 0.19).
"""

from __future__ import annotations

import itertools
import json
import random

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.elections import sealing, services
from platforma.elections.counting import count
from platforma.elections.models import Ballot, BallotBox, Election, VoterRecord

from .factories import make_election, make_world

pytestmark = pytest.mark.django_db

VOTERS = 30
# A random permutation of 30 has 7 or more fixed points with probability about 1e-4, and a
# rank correlation beyond 0.7 with about 2e-4: a genuine pairing would show far beyond both.
MAX_FIXED_POINTS = 6
MAX_CORRELATION = 0.7


@pytest.fixture
def sealed_vote(client):
    world = make_world("sealand", members=VOTERS)
    election = make_election(world, method="stv", seats=2, office=False)
    services.election_open_nominations(actor=world.secretariat, election=election)
    keys = []
    for member in world.members[:5]:
        nomination = services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=member.person,
            organisation=member.organisation,
        )
        services.nomination_answer(actor=member.user, nomination=nomination, accept=True)
        keys.append(nomination.candidate_key)
    tellers = [world.secretariat, world.members[10].user, world.members[11].user]
    services.election_tellers_appoint(
        actor=world.secretariat, election=election, users=tellers, needed=2
    )
    shares = [services.teller_share_take(actor=user, election=election) for user in tellers]
    election = services.election_open_voting(actor=world.secretariat, election=election)
    rankings = random.Random(12).sample(list(itertools.permutations(keys)), VOTERS)
    receipts = []
    vote = reverse("elections:election-vote", args=[world.platform.slug, election.pk])
    for member, ranking in zip(world.members, rankings, strict=True):
        client.force_login(member.user)
        data = {f"rank-{key}": str(place) for place, key in enumerate(ranking, start=1)}
        response = client.post(
            vote,
            {"organisation": member.organisation.pk, **data},
            headers={"accept": "application/json"},
        )
        assert response.status_code == 200, response.content
        receipts.append(response.json())
    cast = {m.organisation.pk: list(r) for m, r in zip(world.members, rankings, strict=True)}
    return world, election, keys, shares, cast, receipts


def _rows_in_physical_order(table: str) -> dict[str, list[dict]]:
    """Every row of ``table`` (as column -> value) in each order the storage itself keeps."""
    q = connection.ops.quote_name(table)
    if connection.vendor == "sqlite":
        orders = {"rowid": "rowid"}
    else:
        orders = {"ctid": "ctid", "xmin": "xmin::text::bigint, ctid"}
    result = {}
    with connection.cursor() as cursor:
        for name, order in orders.items():
            cursor.execute(f"SELECT * FROM {q} ORDER BY {order}")  # noqa: S608 - a table name
            columns = [c[0] for c in cursor.description]
            result[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return result


def _all_cells() -> list[bytes]:
    cells = []
    for table in connection.introspection.table_names():
        for rows in _rows_in_physical_order(table).values():
            for row in rows:
                for value in row.values():
                    if isinstance(value, (bytes, memoryview)):
                        cells.append(bytes(value))
                    elif value is not None:
                        cells.append(str(value).encode())
            break  # one order is enough to read every cell
    return cells


def _voter_orders(election: Election) -> dict[str, list[int]]:
    """The organisations in every order the database could give away: rows, ids, the audit."""
    orders = {}
    for name, rows in _rows_in_physical_order(VoterRecord._meta.db_table).items():
        orders[f"voter rows by {name}"] = [
            r["organisation_id"] for r in rows if r["election_id"] == election.pk
        ]
    orders["voter ids"] = list(
        VoterRecord.objects.filter(election=election)
        .order_by("pk")
        .values_list("organisation", flat=True)
    )
    orders["audit log"] = [
        e["organisation"]["id"]
        for e in AuditEntry.objects.filter(action="elections.ballot.cast")
        .order_by("pk")
        .values_list("data", flat=True)
    ]
    return orders


def _pairing(voters: list[int], ballots: list[list[str]], cast: dict[int, list[str]]):
    """Fixed points and Spearman's rho between the voters' order and the ballots' order."""
    place = {tuple(cast[organisation]): i for i, organisation in enumerate(voters)}
    ranks = [place[tuple(ballot)] for ballot in ballots]
    fixed = sum(1 for i, r in enumerate(ranks) if i == r)
    n = len(ranks)
    rho = 1 - 6 * sum((i - r) ** 2 for i, r in enumerate(ranks)) / (n * (n * n - 1))
    return fixed, rho


def test_no_ballot_is_readable_while_the_vote_is_open(sealed_vote):
    _world, _election, _keys, _shares, cast, receipts = sealed_vote
    cells = b"\n".join(_all_cells())
    for ranking in cast.values():
        assert json.dumps(ranking, separators=(",", ":")).encode() not in cells
    for receipt in receipts:
        assert receipt["tracker"].encode() not in cells
        assert receipt["ballot_hash"].encode() not in cells


def test_the_database_pairs_no_voter_with_a_ballot(sealed_vote):
    """The attacker's view: a copy taken during the vote, opened later with two shares."""
    _world, election, _keys, shares, cast, _receipts = sealed_vote
    box = BallotBox.objects.get(pk=election.pk)
    private = sealing.combine([sealing.parse_share(s) for s in shares[:2]], 2)
    in_box = [
        json.loads(sealing.unseal(private, record))["choices"]
        for record in sealing.records(bytes(box.sealed), box.record_size)
    ]
    assert sorted(map(tuple, in_box)) == sorted(map(tuple, cast.values()))
    orders = _voter_orders(election)
    assert orders["audit log"] == list(cast)  # the order of voting, which is not secret
    figures = {name: _pairing(voters, in_box, cast) for name, voters in orders.items()}
    for name, (fixed, rho) in figures.items():
        assert fixed <= MAX_FIXED_POINTS, (name, figures)
        assert abs(rho) < MAX_CORRELATION, (name, figures)


def test_fewer_shares_than_needed_open_nothing(sealed_vote):
    world, election, _keys, shares, _cast, _receipts = sealed_vote
    box_before = bytes(BallotBox.objects.get(pk=election.pk).sealed)
    for given, message in (
        ([shares[0]], "2 tellers' shares are needed"),
        ([shares[1], shares[1]], "2 tellers' shares are needed"),
        ([shares[0], shares[1][:-4] + "0000"], "is not the share teller"),
        ([shares[0], "hello"], "is not a share"),
        ([shares[0], shares[1].replace(f"PS1-{election.pk}-", "PS1-999-")], "another election"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.election_close(actor=world.secretariat, election=election, shares=given)
        election.refresh_from_db()
        assert election.state == Election.State.VOTING
        assert bytes(BallotBox.objects.get(pk=election.pk).sealed) == box_before
        assert not Ballot.objects.filter(election=election).exists()


def test_two_shares_open_count_and_forget(client, sealed_vote):
    world, election, keys, shares, cast, receipts = sealed_vote
    closed = services.election_close(
        actor=world.secretariat, election=election, shares=[shares[2], shares[0]]
    )
    expected = count("stv", list(map(tuple, cast.values())), seats=2, candidates=keys)
    assert closed.board["result"] == expected.to_dict()
    assert not BallotBox.objects.filter(pk=election.pk).exists()
    assert closed.public_key  # public; the private key is nowhere
    # The board's head is published with the result, and is the one the closing recorded.
    page = client.get(reverse("elections:election-detail", args=[world.platform.slug, election.pk]))
    assert closed.board_head in page.content.decode()
    closing = AuditEntry.objects.get(action="elections.election.closed")
    assert closing.data["head"] == closed.board_head
    board = {e["tracker"]: e["ballot_hash"] for e in closed.board["entries"]}
    assert all(board[r["tracker"]] == r["ballot_hash"] for r in receipts)
    # The board's order, and the opened ballots' rows, are a fresh random order too.
    on_board = [e["ballot"]["choices"] for e in closed.board["entries"]]
    ballot_rows = [
        json.loads(b.content)["choices"] for b in Ballot.objects.filter(election=election)
    ]
    assert ballot_rows == on_board
    for name, voters in _voter_orders(election).items():
        fixed, rho = _pairing(voters, on_board, cast)
        assert fixed <= MAX_FIXED_POINTS, (name, fixed, rho)
        assert abs(rho) < MAX_CORRELATION, (name, fixed, rho)


def test_the_admin_hides_the_order_of_voting_until_the_vote_closes(client, sealed_vote):
    world, election, _keys, shares, _cast, _receipts = sealed_vote
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw-root-12345")
    client.force_login(admin)
    changelist = reverse("admin:core_auditentry_changelist")
    page = client.get(changelist, {"action": "elections.ballot.cast"}).content.decode()
    assert "0 audit log entries" in page
    assert AuditEntry.objects.filter(action="elections.ballot.cast").count() == VOTERS
    services.election_close(actor=world.secretariat, election=election, shares=shares[:2])
    page = client.get(changelist, {"action": "elections.ballot.cast"}).content.decode()
    assert f"{VOTERS} audit log entries" in page
