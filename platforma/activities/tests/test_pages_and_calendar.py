"""Public pages, the organisers' check-in list, consent, and the iCalendar files."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from platforma.activities import services
from platforma.activities.models import Attendance, Event
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PlatformFactory, WorkingGroupFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db
BAKU = zoneinfo.ZoneInfo("Asia/Baku")


def url(name, event_or_platform, *args):
    if isinstance(event_or_platform, Event):
        return reverse(
            f"activities:{name}",
            args=[event_or_platform.platform.slug, event_or_platform.pk, *args],
        )
    return reverse(f"activities:{name}", args=[event_or_platform.slug, *args])


def register(event, name, consent):
    return services.registration_create(
        actor=None,
        event=event,
        name=name,
        email=f"{name.lower()}@example.org",
        consent_public=consent,
        organisation_name="Green Baku",
    )


def parse(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_list_page_has_a_constant_query_budget(client, platform):
    group = WorkingGroupFactory(platform=platform)
    made = []

    def add_events(n):
        for _ in range(n):
            made.append(EventFactory(platform=platform, recorded_count=20 + len(made)))
            made[-1].working_groups.add(group)

    html = assert_page_budget(client, url("event-list", platform), add_events, ceiling=8)
    html = html.content.decode()
    assert "9 events" in html
    assert "22 organisations" in html
    assert "28 organisations" in html


def test_list_filters_and_private_events(client, platform, secretariat):
    EventFactory(platform=platform, title_en="Open workshop", kind="workshop")
    EventFactory(platform=platform, title_en="A training", kind="training")
    EventFactory(platform=platform, title_en="Hidden plan", is_public=False)
    html = client.get(url("event-list", platform), {"kind": "training"}).content.decode()
    assert "A training" in html
    assert "Open workshop" not in html
    html = client.get(url("event-list", platform)).content.decode()
    assert "Hidden plan" not in html
    hidden = Event.objects.get(title_en="Hidden plan")
    assert client.get(url("event-detail", hidden)).status_code == 404
    assert client.get(url("event-ics", hidden)).status_code == 404
    client.force_login(secretariat)
    assert "Hidden plan" in client.get(url("event-list", platform)).content.decode()
    assert client.get(url("event-detail", hidden)).status_code == 200


def test_recorded_counts_say_exact_or_more_than(client, platform):
    exact = EventFactory(platform=platform, recorded_count=27)
    more = EventFactory(platform=platform, recorded_count=20, recorded_count_precision="more_than")
    html = client.get(url("event-detail", exact)).content.decode()
    assert "27 organisations" in html
    assert "exact" in html
    html = client.get(url("event-detail", more)).content.decode()
    assert "More than 20 organisations" in html
    assert "the exact number is not known" in html


def test_consent_on_public_pages_and_feeds(client, event, secretariat):
    register(event, "Aysel", consent=True)
    hidden = register(event, "Rauf", consent=False)
    html = client.get(url("event-detail", event)).content.decode()
    assert "Aysel" in html
    assert "Rauf" not in html
    assert "1 participant chose not to be listed" in html
    for feed in (url("event-ics", event), url("feed-ics", event.platform)):
        body = client.get(feed).content.decode()
        assert "Aysel" not in body
        assert "Rauf" not in body
        assert "ATTENDEE" not in body
    # Organisers see everyone, and their .ics carries the attendees.
    client.force_login(secretariat)
    html = client.get(url("event-detail", event)).content.decode()
    assert "Rauf" in html
    assert "not public" in html
    calendar = parse(client.get(url("event-ics", event)))
    attendees = [str(a) for a in calendar.walk("VEVENT")[0].get("attendee")]
    assert sorted(attendees) == ["mailto:aysel@example.org", "mailto:rauf@example.org"]
    # Check-in keeps the choice; a walk-in is counted too.
    services.attendance_check_in(actor=secretariat, event=event, registration=hidden)
    client.logout()
    html = client.get(url("event-detail", event)).content.decode()
    assert "Rauf" not in html
    assert "Counted from the check-in list" in html


def test_checkin_page_is_for_organisers_only(client, event, secretariat, outsider):
    registration = register(event, "Nigar", consent=False)
    assert client.get(url("event-checkin", event)).status_code == 404
    client.force_login(outsider)
    assert client.get(url("event-checkin", event)).status_code == 404
    assert (
        client.post(url("event-checkin", event), {"registration": registration.pk}).status_code
        == 404
    )
    assert not Attendance.objects.exists()
    client.force_login(secretariat)
    assert "Nigar" in client.get(url("event-checkin", event)).content.decode()
    client.post(url("event-checkin", event), {"registration": registration.pk})
    client.post(url("event-checkin", event), {"name": "Walk In", "organisation_name": "Other NGO"})
    response = client.post(
        url("event-checkin", event), {"registration": registration.pk}, follow=True
    )
    assert "already checked in" in response.content.decode()
    assert Attendance.objects.filter(event=event).count() == 2
    from platforma.activities.selectors import participant_count

    count = participant_count(event)
    assert (count.persons, count.organisations, count.source) == (2, 2, "attendance")


def test_ics_files_parse_and_hold_the_events(client, platform):
    group = WorkingGroupFactory(platform=platform, slug="wg2")
    in_group = EventFactory(platform=platform, title_en="Trade talk", venue_en="Hotel")
    in_group.working_groups.add(group)
    EventFactory(platform=platform, title_en="Other talk")
    EventFactory(platform=platform, title_en="Secret", is_public=False)
    EventFactory(platform=PlatformFactory(slug="zz"), title_en="Foreign")
    calendar = parse(client.get(url("feed-ics", platform)))
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Other talk", "Trade talk"]
    calendar = parse(client.get(url("feed-wg-ics", platform, "wg2")))
    (only,) = calendar.walk("VEVENT")
    assert str(only["summary"]) == "Trade talk"
    assert str(only["location"]) == "Hotel, Baku"
    assert only.decoded("dtstart") == in_group.starts_at.replace(microsecond=0)
    assert str(only["url"]).endswith(f"/activities/{in_group.pk}/")
    assert client.get(url("feed-wg-ics", platform, "nope")).status_code == 404


def test_all_day_event_uses_dates(client, platform):
    event = EventFactory(
        platform=platform,
        all_day=True,
        starts_at=datetime.datetime(2014, 4, 26, 0, 0, tzinfo=BAKU),
        ends_at=datetime.datetime(2014, 4, 26, 23, 59, tzinfo=BAKU),
    )
    vevent = parse(client.get(url("event-ics", event))).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime.date(2014, 4, 26)
    assert vevent.decoded("dtend") == datetime.date(2014, 4, 27)


def test_registrant_calendar_only_when_confirmed(client, platform):
    event = EventFactory(platform=platform, capacity=1)
    first = register(event, "Kamala", consent=False)
    second = register(event, "Elchin", consent=False)
    assert client.get(url("registration-ics", platform, second.token)).status_code == 404
    vevent = parse(client.get(url("registration-ics", platform, first.token))).walk("VEVENT")[0]
    assert str(vevent["attendee"]) == "mailto:kamala@example.org"


def test_seats_per_member_organisation_on_the_form(client, platform):
    event = EventFactory(platform=platform, seats_per_organisation=1, capacity=5)
    member = MembershipFactory(platform=platform).organisation
    form_url = url("event-register", event)
    client.post(form_url, {"name": "A", "email": "a@example.org", "organisation": member.pk})
    response = client.post(
        form_url, {"name": "B", "email": "b@example.org", "organisation": member.pk}
    )
    assert response.status_code == 400
    assert "already has all the seats it may take (1)" in response.content.decode()
