"""Two requests for the last seat at the same moment: one seat, one waitlist place."""

import threading

import pytest
from django.db import connection, connections

from platforma.activities import services
from platforma.activities.models import Registration

from .factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; SQLite serialises writers already "
    "(IMMEDIATE transactions) and its test database is one in-memory connection",
)
def test_two_requests_for_the_last_seat_get_one_seat_and_one_waitlist_place():
    event = EventFactory(capacity=3)
    for n in range(2):
        services.registration_create(
            actor=None, event=event, name=f"Early {n}", email=f"early{n}@example.org"
        )
    barrier = threading.Barrier(2)
    results, errors = [], []

    def attempt(n):
        try:
            barrier.wait(timeout=10)
            registration = services.registration_create(
                actor=None, event=event, name=f"Late {n}", email=f"late{n}@example.org"
            )
            results.append(registration.status)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    for _round in range(3):
        results.clear()
        Registration.objects.filter(email__startswith="late").delete()
        threads = [threading.Thread(target=attempt, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert not errors
        assert sorted(results) == ["confirmed", "waitlisted"]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3
