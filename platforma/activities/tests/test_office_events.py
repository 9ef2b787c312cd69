"""The office's event pages: list, create, edit (capacity and the waitlist), cancel, kinds."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from platforma.activities import services
from platforma.activities.models import Event, EventKind, Registration
from platforma.core.models import AuditEntry
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import PlatformFactory, WorkingGroupFactory

from .factories import EventFactory
from .office_helpers import actions, event_url, office_url

pytestmark = pytest.mark.django_db
R = Registration.Status
UTC = datetime.UTC


def register(event, n, **kwargs):
    return services.registration_create(
        actor=None, event=event, name=f"Person {n}", email=f"p{n}@example.org", **kwargs
    )


def event_data(**overrides):
    data = {
        "kind": "workshop",
        "title_en": "Budget monitoring",
        "title_az": "Büdcə monitorinqi",
        "title_ru": "Мониторинг бюджета",
        "city_en": "Baku",
        "starts_at": "2031-05-01T10:00",
        "ends_at": "2031-05-01T16:00",
        "is_public": "on",
        "registration_enabled": "on",
        "capacity": "2",
        "recorded_count_precision": "exact",
        "recorded_count_unit": "organisations",
    }
    data.update(overrides)
    return data


# --- List ----------------------------------------------------------------------------------


def test_list_shows_every_event_of_the_platform_with_counts_in_a_query_budget(office, platform):
    EventFactory(platform=platform, title_en="Private plan", is_public=False)
    EventFactory(platform=PlatformFactory(slug="elsewhere-list"), title_en="Not ours")
    made = []

    def add_busy_events(n):
        for _ in range(n):
            made.append(EventFactory(platform=platform, title_en=f"Busy {len(made)}", capacity=1))
            register(made[-1], 2 * len(made))
            register(made[-1], 2 * len(made) + 1)

    page = assert_page_budget(
        office, office_url("office-event-list", platform), add_busy_events, ceiling=12
    )
    html = page.content.decode()
    assert "Private plan" in html
    assert "Busy 8" in html
    assert "Not ours" not in html
    assert "Asia/Baku" in html


def test_list_filters_cancelled_and_past_events(office, platform):
    EventFactory(platform=platform, title_en="Coming")
    past = EventFactory(
        platform=platform,
        title_en="Gone by",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=2),
    )
    called_off = EventFactory(platform=platform, title_en="Called off")
    services.event_cancel(actor=None, event=called_off, reason="Rain")
    url = office_url("office-event-list", platform)
    upcoming = office.get(url).content.decode()
    assert "Coming" in upcoming
    assert "Gone by" not in upcoming
    assert "Called off" not in upcoming
    assert past.title in office.get(url, {"show": "past"}).content.decode()
    assert "Called off" in office.get(url, {"show": "cancelled"}).content.decode()
    assert office.get(url, {"show": "nonsense"}).status_code == 200


# --- Create --------------------------------------------------------------------------------


def test_create_reads_times_in_the_platforms_zone_and_records_it(office, platform):
    group = WorkingGroupFactory(platform=platform)
    page = office.get(office_url("office-event-create", platform)).content.decode()
    assert "Time zone: Asia/Baku" in page
    assert 'type="datetime-local"' in page
    response = office.post(
        office_url("office-event-create", platform),
        event_data(working_groups=[group.pk]),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event_url("office-event-edit", event)
    assert event.platform == platform
    assert event.starts_at == datetime.datetime(2031, 5, 1, 6, 0, tzinfo=UTC)  # 10:00 in Baku
    assert event.time_zone == "Asia/Baku"
    assert (event.title_en, event.title_az, event.title_ru) == (
        "Budget monitoring",
        "Büdcə monitorinqi",
        "Мониторинг бюджета",
    )
    assert list(event.working_groups.all()) == [group]
    entry = AuditEntry.objects.get(action="activities.event.created")
    assert entry.actor.username == "sec"
    assert entry.platform == platform
    # and the edit page shows it back at 10:00
    edit = office.get(event_url("office-event-edit", event)).content.decode()
    assert 'value="2031-05-01T10:00"' in edit


def test_create_refuses_bad_times_with_a_message_and_writes_nothing(office, platform):
    response = office.post(
        office_url("office-event-create", platform),
        event_data(ends_at="2031-05-01T08:00"),
    )
    assert response.status_code == 400
    assert "The event cannot end before it starts." in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert not Event.objects.exists()
    assert actions() == []


def test_create_offers_only_the_platforms_kinds_and_groups(office, platform):
    ours = EventKind.objects.create(platform=platform, slug="ours", name_en="Our kind")
    other_platform = PlatformFactory(slug="elsewhere-kinds")
    theirs = EventKind.objects.create(platform=other_platform, slug="theirs", name_en="Their kind")
    their_group = WorkingGroupFactory(platform=other_platform, name_en="Their group")
    page = office.get(office_url("office-event-create", platform)).content.decode()
    assert "Our kind" in page
    assert "Their kind" not in page
    assert "Their group" not in page
    response = office.post(
        office_url("office-event-create", platform),
        event_data(kind="other", custom_kind=theirs.pk, working_groups=[their_group.pk]),
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Event.objects.exists()
    response = office.post(
        office_url("office-event-create", platform), event_data(kind="other", custom_kind=ours.pk)
    )
    assert response.status_code == 302
    assert Event.objects.get().custom_kind == ours


def test_the_service_refuses_objects_of_a_platform_the_actor_does_not_manage(
    platform, outsider, event
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=outsider,
            platform=platform,
            kind="workshop",
            title_en="x",
            starts_at=timezone.now(),
            ends_at=timezone.now(),
        )
    for call in (
        lambda: services.event_update(actor=outsider, event=event, capacity=10),
        lambda: services.event_cancel(actor=outsider, event=event, reason="no"),
        lambda: services.registrations_message(actor=outsider, event=event, subject="s", body="b"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert actions() == []


# --- Edit: capacity and the waitlist -------------------------------------------------------


def test_raising_the_capacity_promotes_the_waitlist_in_order_and_tells_them(
    office, event, django_capture_on_commit_callbacks
):
    people = [register(event, n) for n in range(5)]  # capacity 2: 2 confirmed, 3 waiting
    before = event.starts_at
    mail.outbox.clear()
    data = event_data(capacity="4", starts_at="", ends_at="")
    data["starts_at"] = timezone.localtime(event.starts_at, timezone.get_fixed_timezone(240))
    data["starts_at"] = data["starts_at"].strftime("%Y-%m-%dT%H:%M")
    data["ends_at"] = timezone.localtime(event.ends_at, timezone.get_fixed_timezone(240))
    data["ends_at"] = data["ends_at"].strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(event_url("office-event-edit", event), data, follow=True)
    assert "2 people moved up from the waitlist" in response.content.decode()
    statuses = [Registration.objects.get(pk=p.pk).status for p in people]
    assert statuses == [R.CONFIRMED, R.CONFIRMED, R.CONFIRMED, R.CONFIRMED, R.WAITLISTED]
    assert sorted(m.to[0] for m in mail.outbox) == ["p2@example.org", "p3@example.org"]
    assert "http://testserver" not in mail.outbox[0].body  # links from PLATFORMA_BASE_URL
    entry = AuditEntry.objects.get(action="activities.event.updated")
    assert entry.data["changes"]["capacity"] == {"before": 2, "after": 4}
    assert entry.data["promoted"] == [people[2].pk, people[3].pk]
    event.refresh_from_db()
    assert event.starts_at == before.replace(second=0, microsecond=0)  # as shown, to the minute


def test_lowering_the_capacity_below_the_confirmed_places_is_refused(office, event):
    for n in range(2):
        register(event, n)
    baku = timezone.get_fixed_timezone(240)
    data = event_data(
        capacity="1",
        starts_at=timezone.localtime(event.starts_at, baku).strftime("%Y-%m-%dT%H:%M"),
        ends_at=timezone.localtime(event.ends_at, baku).strftime("%Y-%m-%dT%H:%M"),
    )
    response = office.post(event_url("office-event-edit", event), data)
    assert response.status_code == 400
    assert "2 places are already confirmed, so the capacity cannot be 1" in (
        response.content.decode()
    )
    event.refresh_from_db()
    assert event.capacity == 2
    assert event.title_en != "Budget monitoring"
    assert "activities.event.updated" not in actions()


def test_another_platforms_event_is_not_found_on_every_page(office, platform):
    theirs = EventFactory(platform=PlatformFactory(slug="elsewhere-404"))
    for name in (
        "office-event-edit",
        "office-event-cancel",
        "office-event-files",
        "office-event-registrations",
        "office-event-message",
        "event-checkin",
    ):
        url = office_url(name, platform, theirs.pk)
        assert office.get(url).status_code == 404, name
        assert office.post(url, {"reason": "x", "confirm": "on"}).status_code in (404, 405), name
    their_registration = register(theirs, 1)
    for name, args in (
        ("office-registration-add", []),
        ("office-registration-cancel", [their_registration.pk]),
        ("office-registration-export", ["csv"]),
        ("office-event-file-update", [1]),
        ("office-event-file-remove", [1]),
    ):
        url = office_url(name, platform, theirs.pk, *args)
        data = {"confirm": "on", "name": "x", "email": "x@example.org", "is_public": "1"}
        assert office.post(url, data).status_code in (404, 405), name
        assert office.get(url).status_code in (404, 405), name
    their_registration.refresh_from_db()
    assert their_registration.status == R.CONFIRMED
    theirs.refresh_from_db()
    assert theirs.cancelled_at is None
    assert actions() == ["activities.registration.created"]


def test_another_platforms_secretariat_finds_nothing(client, outsider, event):
    client.force_login(outsider)
    assert client.get(event_url("office-event-edit", event)).status_code == 404
    other = reverse_other(event, "office-event-edit")
    assert client.get(other).status_code == 404


def reverse_other(event, name):
    from django.urls import reverse

    return reverse(f"activities:{name}", args=["elsewhere", event.pk])


# --- Cancel --------------------------------------------------------------------------------


def test_cancel_needs_a_reason_and_the_confirmation(office, event):
    register(event, 1)
    url = event_url("office-event-cancel", event)
    page = office.get(url).content.decode()
    assert "1 person is registered" in page
    response = office.post(url, {"reason": "Storm warning"})  # no confirmation
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    response = office.post(url, {"reason": "  ", "confirm": "on"})
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.cancelled_at is None
    assert Registration.objects.get().status == R.CONFIRMED
    assert "activities.event.cancelled" not in actions()


def test_cancel_cancels_every_place_and_tells_each_registrant_after_commit(
    office, client, event, db_task_queue
):
    from platforma.core.models import OutgoingMail
    from platforma.core.tasks import deliver

    people = [register(event, n) for n in range(3)]  # two confirmed, one waiting
    OutgoingMail.objects.all().delete()
    response = office.post(
        event_url("office-event-cancel", event),
        {
            "reason": "The venue flooded; Seán O'Brien & Co will host it in June.",
            "confirm": "on",
        },
    )
    # Nothing is sent in the request: the messages wait in the outbox for the worker, which
    # sees them once the cancellation commits (core.mail.queue).
    assert mail.outbox == []
    queued = list(OutgoingMail.objects.filter(status="queued"))
    assert len(queued) == 3
    for outgoing in queued:
        deliver.call(outgoing.pk)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
    assert {r.status for r in Registration.objects.all()} == {R.CANCELLED}
    assert sorted(m.to[0] for m in mail.outbox) == [p.email for p in people]
    body = mail.outbox[0].body
    assert "Seán O'Brien & Co will host it in June." in body  # plain text, not escaped
    assert "Cancelled" in mail.outbox[0].subject
    entry = AuditEntry.objects.get(action="activities.event.cancelled")
    assert entry.data["registrants_told"] == 3
    # The public page says so, and nobody can register any more.
    page = client.get(event_url("event-detail", event)).content.decode()
    assert "This event is cancelled." in page
    with pytest.raises(Exception, match="cancelled"):
        register(event, 9)
    # A second cancellation is refused with a message.
    response = office.post(
        event_url("office-event-cancel", event), {"reason": "again", "confirm": "on"}
    )
    assert AuditEntry.objects.filter(action="activities.event.cancelled").count() == 1


def test_an_event_that_took_place_cannot_be_cancelled(office, platform):
    past = EventFactory(
        platform=platform,
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    response = office.post(
        event_url("office-event-cancel", past), {"reason": "late", "confirm": "on"}
    )
    assert response.status_code == 400
    assert "already taken place" in response.content.decode()
    past.refresh_from_db()
    assert not past.is_cancelled


# --- Kinds ---------------------------------------------------------------------------------


def test_kinds_are_added_through_the_office(office, platform):
    url = office_url("office-eventkind-list", platform)
    assert "no kinds of its own yet" in office.get(url).content.decode()
    response = office.post(url, {"slug": "hearing", "name_en": "Public hearing"})
    assert response.status_code == 302
    kind = EventKind.objects.get()
    assert (kind.platform, kind.name_en) == (platform, "Public hearing")
    assert actions() == ["activities.event_kind.created"]
    response = office.post(url, {"slug": "hearing", "name_en": "Twice"})
    assert response.status_code == 400
    assert EventKind.objects.count() == 1
