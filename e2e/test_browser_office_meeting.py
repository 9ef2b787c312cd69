"""A meeting run from the office alone, by a secretariat that is not staff: planned at 10:00 for an
Asia/Baku platform and shown at 10:00 on its page, in the convocation e-mail and in the .ics
(06:00 UTC); convened; opened; 30 organisations checked in with one submit; a vote by a show of
hands entered as counts; the decision in the public register."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BAKU = zoneinfo.ZoneInfo("Asia/Baku")
MEMBERS = 30


@pytest.fixture
def office(live_server, transactional_db, django_user_model, settings):
    from platforma.core import services as core
    from platforma.core.models import PlatformRole
    from platforma.governance.models import Body
    from platforma.members.models import Representative
    from platforma.testing.factories import (
        BodyFactory,
        MembershipFactory,
        PersonFactory,
        PlatformFactory,
    )

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PLATFORMA_BASE_URL = live_server.url
    # The meeting is tomorrow at 10:00 in Baku; the sitting may open from three days before,
    # so the test runs at any hour of the day.
    settings.PLATFORMA_SITTING_OPENS_BEFORE_MINUTES = 3 * 24 * 60
    platform = PlatformFactory(slug="testland", time_zone="Asia/Baku")
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute",
        effective_from=datetime.date(2009, 1, 1),
        rules={"quorum": {"share": "1/2", "more_than": True, "count_proxies": True}},
    )
    body = BodyFactory(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)
    for i in range(MEMBERS):
        membership = MembershipFactory(
            platform=platform, organisation__legal_name_en=f"Member {i:02d} Union"
        )
        Representative.objects.create(
            organisation=membership.organisation, person=PersonFactory(), role="primary"
        )
    user = django_user_model.objects.create_user("secretary", "s@example.org", "pw-sec-9876")
    PlatformRole.objects.create(user=user, platform=platform, role="secretariat")
    assert not user.is_staff
    return {"platform": platform, "body": body, "user": user, "base": live_server.url}


def _log_in(page: Page, client, user, live_server):
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _start(ics: bytes) -> datetime.datetime:
    calendar = icalendar.Calendar.from_ical(ics)
    event = next(iter(calendar.walk("VEVENT")))
    return event.decoded("dtstart")


def test_the_secretariat_runs_a_meeting_from_the_office(page: Page, office, client, live_server):
    from platforma.meetings.models import Attendance, Decision, Meeting

    _log_in(page, client, office["user"], live_server)
    day = datetime.datetime.now(BAKU).date() + datetime.timedelta(days=1)
    meetings = f"{office['base']}/en/testland/meetings"

    # Plan the meeting at 10:00, typed in the platform's zone (named beside the field).
    page.goto(f"{meetings}/")
    page.get_by_role("link", name="Plan a meeting").click()
    expect(page.locator("main")).to_contain_text("Time zone: Asia/Baku")
    page.get_by_label("Body").select_option(str(office["body"].pk))
    page.get_by_label("Title (English)").fill("General Assembly in the office")
    page.get_by_label("Starts at").fill(f"{day.isoformat()}T10:00")
    page.get_by_label("Place (English)").fill("Baku")
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page.get_by_role("status")).to_contain_text("The meeting is planned")
    expect(page.get_by_role("heading", level=1)).to_have_text("General Assembly in the office")
    expect(page.locator("[data-start]")).to_contain_text("10:00")
    expect(page.locator("[data-start]")).to_contain_text("Asia/Baku")
    meeting = Meeting.objects.get()
    assert meeting.starts_at == datetime.datetime.combine(
        day, datetime.time(6, 0), tzinfo=datetime.UTC
    )
    base = f"{meetings}/{meeting.pk}"

    # The .ics from the page: 10:00 in Asia/Baku, which is 06:00 UTC.
    ics = page.request.get(f"{base}/meeting.ics")
    assert ics.ok
    text = ics.text()
    assert f"DTSTART;TZID=Asia/Baku:{day:%Y%m%d}T100000" in text
    assert "TZOFFSETTO:+0400" in text
    start = _start(ics.body())
    assert start.astimezone(datetime.UTC).strftime("%H:%M") == "06:00"

    # Convene: every member's primary representative gets the e-mail, at 10:00 with the zone.
    page.get_by_label("I confirm").check()
    page.get_by_role("button", name="Send the convocation").click()
    expect(page.get_by_role("status")).to_contain_text(f"Convocation sent to {MEMBERS} people")
    assert len(mail.outbox) == MEMBERS
    message = mail.outbox[0]
    when = next(line for line in message.body.splitlines() if line.startswith("When:"))
    assert "10:00" in when, when
    assert when.endswith("(Asia/Baku)"), when
    assert f"{live_server.url}/en/testland/meetings/{meeting.pk}/" in message.body
    name, attached, mimetype = message.attachments[0]
    assert name == "invitation.ics"
    attached = attached if isinstance(attached, bytes) else attached.encode()
    assert f"DTSTART;TZID=Asia/Baku:{day:%Y%m%d}T100000" in attached.decode()
    assert _start(attached).astimezone(datetime.UTC).strftime("%H:%M") == "06:00"

    # Open the sitting.
    page.get_by_role("button", name="Open the sitting").click()
    expect(page.get_by_role("status")).to_contain_text("The sitting is open")

    # Check in all 30 organisations with one submit.
    page.goto(f"{base}/attendance/")
    page.get_by_label("All of them").check()
    boxes = page.locator('input[name="memberships"]')
    expect(boxes).to_have_count(MEMBERS)
    for i in range(MEMBERS):
        expect(boxes.nth(i)).to_be_checked()
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status")).to_contain_text(f"{MEMBERS} organisations checked in")
    expect(page.locator("main")).to_contain_text(
        f"{MEMBERS} present + 0 represented of {MEMBERS} members"
    )
    assert Attendance.objects.filter(meeting=meeting, left_at__isnull=True).count() == MEMBERS

    # A motion voted by a show of hands, entered as counts.
    page.goto(f"{base}/motions/")
    page.get_by_role("textbox", name="Title", exact=True).fill("Adopt the work plan")
    page.get_by_role("button", name="Put the motion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adopt the work plan")
    counts = page.locator("form[data-counts]")
    counts.get_by_label("For").fill("25")
    counts.get_by_label("Against").fill("3")
    counts.get_by_label("Abstentions").fill("2")
    counts.get_by_role("button", name="Record the counts and compute the result").click()
    result = page.locator("[data-result]")
    expect(result).to_contain_text("25 for, 3 against")
    expect(result).to_contain_text("adopted")
    decision = Decision.objects.get()
    today = datetime.datetime.now(BAKU).date()
    assert decision.decided_on == today  # never the meeting's day still to come
    reference = f"GA-{today.year}-01"
    assert decision.reference == reference

    # The decision is in the public register, which a visitor sees without the office menu.
    visitor = page.context.browser.new_context()
    public = visitor.new_page()
    public.goto(f"{meetings}/decisions/")
    expect(public.locator("tbody")).to_contain_text(reference)
    expect(public.locator("tbody")).to_contain_text("Adopt the work plan")
    expect(public.locator(".office-nav")).to_have_count(0)
    visitor.close()
