"""Registration through the service and the public form: seats, waitlist, promotion, e-mail."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from platforma.activities import services
from platforma.activities.models import Registration
from platforma.core.models import AuditEntry
from platforma.testing.factories import MembershipFactory

from .factories import EventFactory, confirmation_path, in_days

pytestmark = pytest.mark.django_db
R = Registration.Status


def register(event, n, **kwargs):
    return services.registration_create(
        actor=None,
        actor_label="test",
        event=event,
        name=f"Person {n}",
        email=f"p{n}@example.org",
        **kwargs,
    )


def test_seats_then_waitlist_then_promotion_with_mail(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third, fourth = (register(event, n) for n in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [
        R.CONFIRMED,
        R.CONFIRMED,
        R.WAITLISTED,
        R.WAITLISTED,
    ]
    assert len(mail.outbox) == 4
    assert "waitlist" in mail.outbox[2].subject
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=None, actor_label="test", registration=first)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == R.CONFIRMED
    assert third.promoted_at is not None
    assert fourth.status == R.WAITLISTED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["p2@example.org"]
    assert "confirmed" in mail.outbox[0].subject
    assert third.token in mail.outbox[0].body
    actions = list(
        AuditEntry.objects.filter(action__startswith="activities.registration").values_list(
            "action", flat=True
        )
    )
    assert actions.count("activities.registration.created") == 4
    assert "activities.registration.cancelled" in actions
    # One entry per service call: the promotion is recorded in the cancellation's entry.
    cancelled = AuditEntry.objects.get(action="activities.registration.cancelled")
    assert cancelled.data["promoted"] == [third.pk]


def test_cancelling_a_waitlist_place_promotes_nobody(event):
    register(event, 1)
    register(event, 2)
    waiting = register(event, 3)
    services.registration_cancel(actor=None, registration=waiting)
    assert Registration.objects.filter(event=event, status=R.CONFIRMED).count() == 2
    with pytest.raises(ValidationError, match="already cancelled"):
        services.registration_cancel(actor=None, registration=waiting)


def test_raising_capacity_promotes_the_waitlist(event, django_capture_on_commit_callbacks):
    for n in range(4):
        register(event, n)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=None, event=event, capacity=3)
    assert Registration.objects.filter(event=event, status=R.CONFIRMED).count() == 3
    # The one promoted is told (earlier registrations' mail may go in the same flush).
    assert len([m for m in mail.outbox if "A seat freed" in m.subject]) == 1


def test_seats_per_organisation(platform):
    event = EventFactory(platform=platform, capacity=10, seats_per_organisation=1)
    member = MembershipFactory(platform=platform).organisation
    register(event, 1, organisation=member)
    with pytest.raises(ValidationError, match="already has all the seats"):
        register(event, 2, organisation=member)
    register(event, 3, organisation_name="Outside NGO")
    with pytest.raises(ValidationError, match="already has all the seats"):
        register(event, 4, organisation_name="outside ngo ")
    assert Registration.objects.filter(event=event).count() == 2


def test_promotion_skips_a_waitlisted_person_whose_organisation_is_full(platform):
    event = EventFactory(platform=platform, capacity=2, seats_per_organisation=1)
    org = MembershipFactory(platform=platform).organisation
    a = register(event, 1, organisation=org)
    b = register(event, 2)
    other_of_org = register(event, 3, organisation_name="Other")
    independent = register(event, 4)
    assert other_of_org.status == R.WAITLISTED
    services.registration_cancel(actor=None, registration=b)
    other_of_org.refresh_from_db()
    assert other_of_org.status == R.CONFIRMED
    assert a.status == R.CONFIRMED
    independent.refresh_from_db()
    assert independent.status == R.WAITLISTED


def test_bad_input_and_closed_windows_change_nothing(platform):
    event = EventFactory(platform=platform)
    register(event, 1)
    with pytest.raises(ValidationError, match="already registered"):
        register(event, 1)
    with pytest.raises(ValidationError):
        services.registration_create(actor=None, event=event, name=" ", email="x@example.org")
    closed = EventFactory(platform=platform, registration_closes_at=in_days(-1))
    with pytest.raises(ValidationError, match="closed"):
        register(closed, 5)
    future = EventFactory(platform=platform, registration_opens_at=in_days(2))
    with pytest.raises(ValidationError, match="not opened"):
        register(future, 6)
    past = EventFactory(platform=platform, starts_at=in_days(-3))
    with pytest.raises(ValidationError, match="closed"):
        register(past, 7)
    disabled = EventFactory(platform=platform, registration_enabled=False)
    with pytest.raises(ValidationError, match="does not take registrations"):
        register(disabled, 8)
    assert Registration.objects.count() == 1


def test_public_form_requests_then_the_link_confirms_and_the_token_page_cancels(
    client, event, django_capture_on_commit_callbacks
):
    url = reverse("activities:event-register", args=[event.platform.slug, event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "Leyla", "email": "leyla@example.org"})
    registration = Registration.objects.get(email="leyla@example.org")
    assert registration.status == R.PENDING
    sent = reverse("activities:event-registration-sent", args=[event.platform.slug, event.pk])
    assert response.status_code == 302
    assert response["Location"] == sent
    assert "Check your e-mail" in client.get(sent).content.decode()
    (message,) = [m for m in mail.outbox if m.to == ["leyla@example.org"]]
    confirm = confirmation_path(message)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    registration.refresh_from_db()
    assert registration.status == R.CONFIRMED
    assert response["Location"].endswith(f"/registration/{registration.token}/")
    page = client.get(response["Location"]).content.decode()
    assert "Confirmed" in page
    assert "Add to my calendar" in page

    bad = client.post(url, {"name": "Leyla", "email": "leyla@example.org"})
    assert bad.status_code == 400
    assert "already registered" in bad.content.decode()

    wrong = client.post(
        reverse("activities:registration-cancel", args=[event.platform.slug, "not-a-token"])
    )
    assert wrong.status_code == 404
    cancel = reverse(
        "activities:registration-cancel", args=[event.platform.slug, registration.token]
    )
    client.post(cancel)
    registration.refresh_from_db()
    assert registration.status == R.CANCELLED
    # GET does not cancel anything.
    assert client.get(cancel).status_code == 405


def test_invalid_form_shows_field_errors(client, event):
    url = reverse("activities:event-register", args=[event.platform.slug, event.pk])
    response = client.post(url, {"name": "", "email": "not-an-address"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_of_another_platform_is_not_found(client, event):
    registration = register(event, 1)
    from platforma.testing.factories import PlatformFactory

    other = PlatformFactory(slug="other")
    url = reverse("activities:registration-detail", args=[other.slug, registration.token])
    assert client.get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_does_not_undo_a_registration(client, event, settings):
    """The registration is committed whatever the mail server does: its failure is logged or
    queued for another try, not shown."""
    settings.EMAIL_BACKEND = "platforma.testing.mail.FailingBackend"
    url = reverse("activities:event-register", args=[event.platform.slug, event.pk])
    response = client.post(url, {"name": "Leyla", "email": "leyla@example.org"})
    registration = Registration.objects.get(email="leyla@example.org")
    assert response.status_code == 302
    assert registration.status == R.PENDING
    assert registration.confirmation_hash
