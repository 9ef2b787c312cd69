"""Two simultaneous casts for one organisation: exactly one ballot, the other refused."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from platforma.elections import services
from platforma.elections.models import Ballot, VoterRecord

from .factories import make_world, running_election

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer, so it cannot show two casts at the same instant; "
        "run with DATABASE_URL=postgresql://...",
    ),
]


@pytest.mark.parametrize("attempts", [2, 8])
def test_simultaneous_casts_give_one_ballot(attempts, settings):
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

    assert outcomes.count("cast") == 1, outcomes
    refusals = [o for o in outcomes if o != "cast"]
    assert len(refusals) == attempts - 1
    assert all("has already voted in this election" in o for o in refusals), refusals
    assert VoterRecord.objects.filter(election=election).count() == 1
    assert Ballot.objects.filter(election=election).count() == 1


def test_closing_waits_for_a_ballot_in_flight(settings):
    """A ballot being written when the secretariat closes the vote is on the board, not lost."""
    import time

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
    written, release = threading.Event(), threading.Event()
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
                release.wait(timeout=10)
                order.append("ballot committed")
        finally:
            connections.close_all()

    def close():
        try:
            written.wait(timeout=10)
            closed = services.election_close(
                actor=world.secretariat, election=Election.objects.get(pk=election.pk)
            )
            order.append("closed")
            outcome["board"] = closed.board
        except ValidationError as error:
            outcome["error"] = error.messages
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast_and_hold), threading.Thread(target=close)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the close is waiting now, if the ballot holds the election open
    release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert "error" not in outcome, outcome
    assert order == ["ballot committed", "closed"]
    assert outcome["board"]["ballots"] == 2
    assert outcome["board"]["result"]["valid"] == 2
