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


def _at_once(count, work):
    """Run ``work(n)`` for n in range(count) in threads released together; return the
    results and errors."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def attempt(n):
        try:
            barrier.wait(timeout=10)
            results.append(work(n))
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks")
def test_two_confirmations_for_the_last_seat_get_one_seat_and_one_waitlist_place():
    event = EventFactory(capacity=1)
    tokens = []
    for n in range(2):
        registration = services.registration_request(
            actor=None, event=event, name=f"Late {n}", email=f"late{n}@example.org"
        )
        token = f"token-{n}"
        Registration.objects.filter(pk=registration.pk).update(
            confirmation_hash=services.public_registration.token_hash(token)
        )
        tokens.append(token)
    results, errors = _at_once(
        2,
        lambda n: (
            services.registration_confirm(
                actor=None, platform=event.platform, token=tokens[n]
            ).status
        ),
    )
    assert not errors
    assert sorted(results) == ["confirmed", "waitlisted"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks")
def test_one_address_at_once_for_many_events_stops_at_the_limit():
    events = [EventFactory(capacity=5) for _ in range(6)]
    results, errors = _at_once(
        6,
        lambda n: (
            services.registration_request(
                actor=None, event=events[n], name="Victim", email="victim@example.org"
            ).status
        ),
    )
    assert len(results) == 3
    assert len(errors) == 3
    assert all(isinstance(e, services.RegistrationThrottled) for e in errors)
    assert Registration.objects.filter(email="victim@example.org").count() == 3
