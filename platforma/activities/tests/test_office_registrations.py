"""The office's registrations: list and export, cancel (the waitlist moves up), add, write to
all, check in many at once."""

import csv
import io

import pytest
from django.core import mail

from platforma.activities import services
from platforma.activities.models import Attendance, Registration
from platforma.core.models import AuditEntry
from platforma.testing.budget import assert_page_budget

from .factories import EventFactory
from .office_helpers import actions, event_url

pytestmark = pytest.mark.django_db
R = Registration.Status


def register(event, n, name=None, **kwargs):
    return services.registration_create(
        actor=None,
        event=event,
        name=name or f"Person {n}",
        email=f"p{n}@example.org",
        **kwargs,
    )


# --- List and export -----------------------------------------------------------------------


def test_the_list_has_a_query_budget_that_does_not_grow_with_registrations(office, event):
    event.capacity = 4  # some of them on the waitlist
    event.save()
    made = []

    def add_registrations(n):
        for _ in range(n):
            made.append(register(event, len(made), organisation_name="Green Baku"))

    page = assert_page_budget(
        office, event_url("office-event-registrations", event), add_registrations, ceiling=20
    )
    html = page.content.decode()
    assert "Person 0" in html
    assert "Person 8" in html
    assert "On the waitlist" in html


def test_empty_list_says_so(office, event):
    assert (
        "No registrations in this list."
        in office.get(event_url("office-event-registrations", event)).content.decode()
    )


def test_export_neutralises_formulas_in_csv_and_xlsx(office, event):
    register(event, 1, name='=HYPERLINK("http://evil.example","x")', organisation_name="+cmd")
    register(event, 2, name="Ordinary Name", organisation_name="@SUM(A1)")
    response = office.get(event_url("office-registration-export", event, "csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Name"
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[1][2] == "'+cmd"
    assert rows[2][0] == "Ordinary Name"
    assert rows[2][2] == "'@SUM(A1)"

    from openpyxl import load_workbook

    response = office.get(event_url("office-registration-export", event, "xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [list(row) for row in sheet.iter_rows(min_row=2)]
    assert cells[0][0].value.startswith("'=")
    assert cells[0][0].data_type == "s"
    assert all(c.data_type != "f" for row in cells for c in row)
    assert office.get(event_url("office-registration-export", event, "pdf")).status_code == 404


# --- Cancel from the office ----------------------------------------------------------------


def test_cancelling_a_place_promotes_the_next_on_the_waitlist(
    office, event, django_capture_on_commit_callbacks
):
    first, _second, third, fourth = (register(event, n) for n in range(4))
    mail.outbox.clear()
    url = event_url("office-registration-cancel", event, first.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(url, {"confirm": "on"}, follow=True)
    text = response.content.decode()
    assert "The registration of Person 0 is cancelled." in text
    assert "Moved up from the waitlist and told: Person 2." in text
    first.refresh_from_db()
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (first.status, third.status, fourth.status) == (R.CANCELLED, R.CONFIRMED, R.WAITLISTED)
    assert [m.to for m in mail.outbox] == [["p2@example.org"]]
    entry = AuditEntry.objects.get(action="activities.registration.cancelled")
    assert entry.actor.username == "sec"
    assert entry.data["promoted"] == [third.pk]


def test_cancelling_without_the_confirmation_changes_nothing(office, event):
    first = register(event, 1)
    response = office.post(event_url("office-registration-cancel", event, first.pk), follow=True)
    assert "Tick “Yes, I am sure”" in response.content.decode()
    first.refresh_from_db()
    assert first.status == R.CONFIRMED
    assert "activities.registration.cancelled" not in actions()


def test_a_checked_in_place_cannot_be_cancelled(office, event):
    first = register(event, 1)
    services.attendance_check_in(actor=None, event=event, registration=first)
    response = office.post(
        event_url("office-registration-cancel", event, first.pk), {"confirm": "on"}, follow=True
    )
    assert "has checked in; the place cannot be cancelled" in response.content.decode()
    first.refresh_from_db()
    assert first.status == R.CONFIRMED


def test_a_registration_of_another_event_is_not_found(office, event, platform):
    elsewhere = register(EventFactory(platform=platform), 1)
    url = event_url("office-registration-cancel", event, elsewhere.pk)
    assert office.post(url, {"confirm": "on"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == R.CONFIRMED


# --- Register someone ----------------------------------------------------------------------


def test_the_office_registers_someone_outside_the_window(office, event):
    event.registration_enabled = False
    event.save()
    url = event_url("office-registration-add", event)
    response = office.post(
        url, {"name": "Leyla", "email": "Leyla@Example.org", "notify": "on"}, follow=True
    )
    assert "Leyla has a confirmed place." in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.email, registration.status) == ("leyla@example.org", R.CONFIRMED)
    entry = AuditEntry.objects.get(action="activities.registration.created")
    assert entry.actor.username == "sec"
    response = office.post(url, {"name": "Leyla", "email": "leyla@example.org"})
    assert response.status_code == 400
    assert "already registered for this event" in response.content.decode()
    assert Registration.objects.count() == 1


# --- Write to the registrants --------------------------------------------------------------


def test_a_message_goes_to_each_registrant_as_plain_text_after_commit(
    office, event, django_capture_on_commit_callbacks
):
    register(event, 1)
    register(event, 2)
    register(event, 3)  # waitlisted
    cancelled = register(event, 4)
    services.registration_cancel(actor=None, registration=cancelled)
    mail.outbox.clear()
    url = event_url("office-event-message", event)
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(
            url,
            {
                "audience": "live",
                "subject": "Room <i>changed</i>",
                "body": "Seán O'Brien & Co <i>host</i> us in room 4.",
                "confirm": "on",
            },
            follow=True,
        )
    assert "The message is being sent to 3 registrants." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p1@example.org",
        "p2@example.org",
        "p3@example.org",
    ]
    message = mail.outbox[0]
    assert message.subject == "Room <i>changed</i>"
    assert "Seán O'Brien & Co <i>host</i> us in room 4." in message.body
    assert "&amp;" not in message.body
    assert "&#x27;" not in message.body
    assert "/registration/" in message.body
    entry = AuditEntry.objects.get(action="activities.event.registrants_messaged")
    assert entry.data["recipients"] == 3
    assert entry.data["subject"] == "Room <i>changed</i>"


def test_a_message_to_nobody_or_without_confirmation_is_refused(
    office, event, django_capture_on_commit_callbacks
):
    url = event_url("office-event-message", event)
    data = {"audience": "waitlisted", "subject": "Hello", "body": "Text", "confirm": "on"}
    register(event, 1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(url, data)
        unconfirmed = office.post(url, {**data, "audience": "live", "confirm": ""})
    assert response.status_code == 400
    assert "there is no one to write to" in response.content.decode()
    assert unconfirmed.status_code == 400
    assert mail.outbox == []
    assert "activities.event.registrants_messaged" not in actions()


# --- Check-in ------------------------------------------------------------------------------


def test_check_in_page_has_a_query_budget(office, event):
    event.capacity = 10
    event.save()
    made = []

    def add_registrations(n):
        made.extend(register(event, len(made)) for _ in range(n))
        services.attendance_check_in_many(actor=None, event=event, registrations=made[-1:])

    page = assert_page_budget(
        office, event_url("event-checkin", event), add_registrations, ceiling=25
    )
    assert f'name="registrations" value="{made[0].pk}"' in page.content.decode()


def test_check_in_many_at_once_with_one_audit_entry(office, event):
    event.capacity = 10
    event.save()
    people = [register(event, n) for n in range(4)]
    url = event_url("event-checkin", event)
    page = office.get(url).content.decode()
    assert f'name="registrations" value="{people[0].pk}"' in page
    response = office.post(
        url, {"many": "1", "registrations": [people[0].pk, people[2].pk]}, follow=True
    )
    assert "2 participants checked in." in response.content.decode()
    assert set(Attendance.objects.values_list("registration_id", flat=True)) == {
        people[0].pk,
        people[2].pk,
    }
    entry = AuditEntry.objects.get(action="activities.attendance.checked_in_many")
    assert entry.data["registrations"] == [people[0].pk, people[2].pk]
    assert entry.actor.username == "sec"


def test_check_in_many_refuses_the_lot_naming_who_cannot(office, event):
    confirmed_one, _two, waiting = (register(event, n) for n in range(3))
    url = event_url("event-checkin", event)
    response = office.post(url, {"many": "1", "registrations": [confirmed_one.pk, waiting.pk]})
    assert response.status_code == 400
    assert "Person 2 is not confirmed" in response.content.decode()
    assert not Attendance.objects.exists()
    response = office.post(url, {"many": "1"})
    assert "Tick at least one participant to check in." in response.content.decode()
    assert not Attendance.objects.exists()
    assert "activities.attendance.checked_in_many" not in actions()


def test_check_in_many_ignores_nothing_from_another_event(office, event, platform):
    theirs = register(EventFactory(platform=platform), 1)
    response = office.post(
        event_url("event-checkin", event), {"many": "1", "registrations": [theirs.pk]}
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_walk_in_still_works(office, event):
    response = office.post(
        event_url("event-checkin", event), {"name": "Walk In", "organisation_name": "NGO"}
    )
    assert response.status_code == 302
    assert Attendance.objects.get().name == "Walk In"
    assert actions()[-1] == "activities.attendance.checked_in"


def test_the_check_in_list_is_hidden_from_anonymous_visitors(client, event):
    assert client.get(event_url("event-checkin", event)).status_code == 404
