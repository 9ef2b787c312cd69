"""A visitor registers for a full workshop, confirms her address with the e-mailed link, is
promoted from the waitlist, and finds the event in the calendar feeds: in Debian's chromium
against the live server."""

import datetime
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def workshop(live_server, transactional_db):
    from django.utils import timezone

    from platforma.activities import services
    from platforma.testing.factories import PlatformFactory

    platform = PlatformFactory(slug="testland", time_zone="Asia/Baku")
    starts = timezone.now() + datetime.timedelta(days=14)
    event = services.event_create(
        actor=None,
        actor_label="test",
        platform=platform,
        kind="workshop",
        title_en="Workshop on advocacy",
        city_en="Baku",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=5),
        registration_enabled=True,
        capacity=1,
    )
    first = services.registration_create(
        actor=None, event=event, name="Early Bird", email="early@example.org"
    )
    return live_server, event, first


def confirmation_path(address: str) -> str:
    """The path of the link in the confirmation e-mail (sent by the live server's thread once
    its transaction commits, so waited for)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in mail.outbox:
            match = re.search(r"https?://[^/\s]+(/\S*/confirm/[\w-]+/)", message.body)
            if message.to == [address] and match:
                return match.group(1)
        time.sleep(0.1)
    raise AssertionError(f"no confirmation e-mail to {address}")


def test_register_get_promoted_and_see_it_in_the_calendar(page: Page, workshop):
    server, event, first = workshop
    base = f"{server.url}/en/testland/activities"
    page.goto(f"{base}/{event.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workshop on advocacy")
    expect(page.locator("#main")).to_contain_text("you join the waitlist")
    page.get_by_label("Your name").fill("Aysel Mammadova")
    page.get_by_label("E-mail").fill("aysel@example.org")
    page.get_by_label("Other organisation").fill("Green Ganja")
    page.get_by_label("List my name and organisation publicly").check()
    # The honeypot is there for scripts, out of sight for people (a class of the stylesheet:
    # the page's CSP allows no inline style).
    expect(page.get_by_label("Please leave this field empty")).not_to_be_in_viewport()
    serious = [
        (v["id"], [n["target"] for n in v["nodes"][:3]])
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []  # the hidden field is no trap for screen readers or the keyboard
    page.get_by_role("button", name="Register").click()
    expect(page).to_have_url(re.compile(r"/register/sent/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    # Nothing is held before the address is confirmed: the event still shows its one seat taken
    # and nobody on the waitlist.
    page.goto(f"{base}/{event.pk}/")
    expect(page.locator("#register-h + p")).not_to_contain_text("on the waitlist")

    page.goto(server.url + confirmation_path("aysel@example.org"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your registration")
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page).to_have_url(re.compile(r"/registration/[\w-]+/$"))
    expect(page.locator("#main")).to_contain_text("your address is confirmed")
    expect(page.locator(".status")).to_have_text("On the waitlist")
    expect(page.locator("#main")).to_contain_text("number 1 on the waitlist")
    expect(page.get_by_role("link", name="Add to my calendar (.ics)")).to_have_count(0)
    my_page = page.url

    # The early bird cancels through their own link, in another tab.
    other = page.context.new_page()
    other.goto(f"{base}/registration/{first.token}/")
    other.get_by_role("button", name="Cancel my registration").click()
    expect(other.locator(".status")).to_have_text("Cancelled")
    other.close()

    page.goto(my_page)
    expect(page.locator(".status")).to_have_text("Confirmed")
    promoted = [m for m in mail.outbox if m.to == ["aysel@example.org"]]
    assert "A seat freed" in promoted[-1].subject
    assert my_page.split(server.url)[1] in promoted[-1].body

    href = page.get_by_role("link", name="Add to my calendar (.ics)").get_attribute("href")
    own = Calendar.from_ical(page.request.get(server.url + href).body())
    (vevent,) = own.walk("VEVENT")
    assert str(vevent["summary"]) == "Workshop on advocacy"
    assert str(vevent["attendee"]) == "mailto:aysel@example.org"

    feed = Calendar.from_ical(page.request.get(f"{base}/calendar.ics").body())
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Workshop on advocacy"]

    # She agreed to be listed: the public page shows her, and not the one who left.
    page.goto(f"{base}/{event.pk}/")
    expect(page.locator(".participants")).to_contain_text("Aysel Mammadova, Green Ganja")
    expect(page.locator("#main")).not_to_contain_text("Early Bird")
