"""Two simultaneous casts for one organisation: exactly one ballot, the other refused."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from platforma.elections import services
from platforma.elections.models import Ballot, BallotBox, VoterRecord

from .factories import SHARES, box_contents, make_world, running_election

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer, so it cannot show two casts at the same instant; "
        "run with DATABASE_URL=postgresql://...",
    ),
]


@pytest.mark.parametrize("attempts", [2, 8])
def test_simultaneous_casts_give_one_ballot(attempts: int, settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_world(slug=f"race{attempts}", members=2)
    election, nominations = running_election(world, candidates=2, office=False)
    member = world.members[0]
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(i):
        try:
            barrier.wait(timeout=10)
            services.ballot_cast(
                actor=member.user,
                election=election,
                organisation=member.organisation,
                choices=[nominations[i % 2].candidate_key],
            )
            result = "cast"
        except ValidationError as error:
            result = " ".join(error.messages)
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not any(thread.is_alive() for thread in threads)
    assert len(outcomes) == attempts, outcomes  # every attempt passed the barrier together
    assert outcomes.count("cast") == 1, outcomes
    refusals = [o for o in outcomes if o != "cast"]
    assert len(refusals) == attempts - 1
    assert all("has already voted in this election" in o for o in refusals), refusals
    assert VoterRecord.objects.filter(election=election).count() == 1
    # One sealed ballot in the box (and none opened while the vote is open).
    assert BallotBox.objects.get(pk=election.pk).count == 1
    assert len(box_contents(election)) == 1
    assert not Ballot.objects.filter(election=election).exists()


def _blocked_on_a_lock(pid: int, timeout: float = 10) -> bool:
    """Whether the backend ``pid`` comes to wait on a lock held by another (within ``timeout``).

    PostgreSQL tells no thread when a backend starts to wait, so this asks it
    (``pg_blocking_pids``) until it says so; the test fails if it never does, instead of
    sleeping and hoping the other thread got there.
    """
    ready = threading.Event()
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [pid])
            if cursor.fetchone()[0]:
                return True
            ready.wait(0.01)
    return False


def test_closing_waits_for_a_ballot_in_flight(settings) -> None:
    """A ballot being written when the secretariat closes the vote is on the board, not lost."""
    from django.db import transaction

    from platforma.elections.models import Election

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = make_world(slug="closing", members=2)
    election, nominations = running_election(world, candidates=2, office=False)
    first, second = world.members
    key = nominations[0].candidate_key
    services.ballot_cast(
        actor=first.user, election=election, organisation=first.organisation, choices=[key]
    )
    written, release, closing = threading.Event(), threading.Event(), threading.Event()
    order: list[str] = []
    outcome: dict = {}

    def cast_and_hold():
        try:
            with transaction.atomic():
                services.ballot_cast(
                    actor=second.user,
                    election=election,
                    organisation=second.organisation,
                    choices=[key],
                )
                written.set()
                if not release.wait(timeout=30):
                    outcome["error"] = "the ballot was never released"
                order.append("ballot committed")
        finally:
            connections.close_all()

    def close():
        try:
            if not written.wait(timeout=30):
                outcome["error"] = "no ballot was written"
                return
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                outcome["pid"] = cursor.fetchone()[0]
            closing.set()
            closed = services.election_close(
                actor=world.secretariat,
                election=Election.objects.get(pk=election.pk),
                shares=SHARES[election.pk],
            )
            order.append("closed")
            outcome["board"] = closed.board
        except ValidationError as error:
            outcome["error"] = error.messages
        finally:
            closing.set()
            connections.close_all()

    threads = [threading.Thread(target=cast_and_hold), threading.Thread(target=close)]
    for thread in threads:
        thread.start()
    try:
        assert closing.wait(timeout=30), "the close never started"
        assert "pid" in outcome, outcome
        # The close is now blocked behind the ballot's transaction: waited on, not slept on.
        assert _blocked_on_a_lock(outcome["pid"]), "the close did not wait for the ballot"
        assert order == [], "the close finished while a ballot was in flight"
    finally:
        release.set()
        for thread in threads:
            thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    assert "error" not in outcome, outcome
    assert order == ["ballot committed", "closed"]
    assert outcome["board"]["ballots"] == 2
    assert outcome["board"]["result"]["valid"] == 2
