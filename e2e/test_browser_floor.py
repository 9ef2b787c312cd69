"""Voting from the floor in a real browser (issue 18): the secretariat puts a motion on the
floor; three representatives, each in their own browser (a phone-sized one among them), vote
from the vote page; the projector, in a fourth browser, counts 0 → 1 → 2 → 3 without a reload
and, once the chair closes the vote, shows the result the statute's majority gives."""

import datetime
import zoneinfo
from typing import cast

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RULES = {
    "quorum": {"share": "1/2", "more_than": True, "count_proxies": True},
    # The statute asks two thirds of the votes cast for an ordinary motion.
    "majorities": {"ordinary": "two_thirds_cast"},
    "abstentions_count_as_cast": False,
    "proxies": {"allowed": True, "max_per_delegate": 1},
}


@pytest.fixture
def sitting(live_server, transactional_db, django_user_model):
    from platforma.core import services as core
    from platforma.core.models import Person, Platform, PlatformRole
    from platforma.governance.models import Body
    from platforma.meetings import services
    from platforma.members.models import Membership, Representative
    from platforma.testing.factories import (
        BodyFactory,
        MembershipFactory,
        PersonFactory,
        PlatformFactory,
    )

    # (factory_boy returns its factories' type to mypy: cast to the models they make)
    platform = cast(Platform, PlatformFactory(slug="testland", time_zone="Asia/Baku"))
    core.statute_adopt(
        actor=None,
        actor_label="test",
        platform=platform,
        title="Statute",
        effective_from=datetime.date(2009, 1, 1),
        rules=RULES,
    )
    body = cast(Body, BodyFactory(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY))
    members: list[Membership] = []
    voters = []
    for i in range(5):
        membership = cast(
            Membership,
            MembershipFactory(
                platform=platform, organisation__legal_name_en=f"Member {chr(65 + i)} Union"
            ),
        )
        user = django_user_model.objects.create_user(f"rep{i}", f"rep{i}@example.org", "pw-x")
        person = cast(Person, PersonFactory(user=user))
        Representative.objects.create(
            organisation=membership.organisation, person=person, role="primary"
        )
        members.append(membership)
        voters.append(user)
    start = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Baku")) + datetime.timedelta(minutes=30)
    meeting = services.meeting_create(
        actor=None,
        actor_label="test",
        body=body,
        starts_at=start,
        title_en="Browser Assembly",
        place_en="Baku",
    )
    services.meeting_open(actor=None, actor_label="test", meeting=meeting)
    services.attendance_check_in_many(
        actor=None, actor_label="test", meeting=meeting, memberships=members[:3]
    )
    services.motion_create(
        actor=None, actor_label="test", meeting=meeting, title_en="Adopt the work plan"
    )
    secretary = django_user_model.objects.create_user("secretary", "s@example.org", "pw-sec-987")
    PlatformRole.objects.create(user=secretary, platform=platform, role="secretariat")
    return {
        "meeting": meeting,
        "voters": voters[:3],
        "secretary": secretary,
        "office": f"{live_server.url}/en/testland/meetings/{meeting.pk}",
    }


def logged_in(browser: Browser, client, user, live_server, **options) -> Page:
    """A browser of its own for ``user`` (Django's force_login, its session cookie); a client
    of its own too, as logging another user in on one client ends the first one's session."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(**options)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_three_delegates_vote_from_their_phones_and_the_projector_counts(
    browser: Browser, client, live_server, sitting
):
    office = sitting["office"]
    chair = logged_in(browser, client, sitting["secretary"], live_server)
    # The check-in page fits a phone too.
    phone_office = logged_in(
        browser, client, sitting["secretary"], live_server, viewport={"width": 360, "height": 740}
    )
    phone_office.goto(f"{office}/attendance/")
    expect(phone_office.locator("main")).to_contain_text("3 organisations checked in")
    fits(phone_office, 360)
    phone_office.context.close()

    # The delegates open the vote page before anything is on the floor.
    phones = []
    for i, user in enumerate(sitting["voters"]):
        size = {"width": 360, "height": 740} if i == 0 else {"width": 414, "height": 860}
        phone = logged_in(browser, client, user, live_server, viewport=size)
        phone.goto(f"{live_server.url}/en/testland/meetings/vote/")  # the link they are given
        expect(phone.get_by_role("heading", level=1)).to_have_text("No motion is on the floor")
        phones.append(phone)

    # The projector, in a fourth browser.
    projector = logged_in(browser, client, sitting["secretary"], live_server)
    projector.goto(f"{office}/projector/")
    expect(projector.locator("body")).to_contain_text("No motion is on the floor")
    assert projector.locator(".main-nav").count() == 0

    # The secretariat puts the motion on the floor; the projector and the phones follow.
    chair.goto(f"{office}/")
    chair.get_by_label("Motion", exact=True).select_option(label="Adopt the work plan")
    chair.get_by_role("button", name="Put on the floor").click()
    expect(chair.get_by_role("status")).to_contain_text("is on the floor")
    text = projector.locator("[data-field=text]")
    expect(text).to_have_text("0 votes received of 3", timeout=10_000)
    for phone in phones:
        expect(phone.get_by_role("heading", level=1)).to_have_text(
            "Adopt the work plan", timeout=10_000
        )
    fits(phones[0], 360)

    # They vote, one after the other; the projector counts without showing the choices.
    choices = ["For", "Against", "For"]
    for n, (phone, choice) in enumerate(zip(phones, choices, strict=True), start=1):
        phone.get_by_role("button", name=choice, exact=True).click()
        expect(phone.locator(".ballot-received")).to_contain_text("Your vote was received")
        expect(text).to_have_text(
            f"{n} vote received of 3" if n == 1 else f"{n} votes received of 3", timeout=10_000
        )
        assert "against" not in text.inner_text().lower()
    # A named vote may be changed until the vote closes: the second delegate changes their mind.
    phones[1].get_by_role("button", name="Abstain", exact=True).click()
    expect(phones[1].locator(".ballot-received")).to_contain_text("Abstain")
    phones[1].get_by_role("button", name="Against", exact=True).click()
    expect(phones[1].locator(".ballot-received")).to_contain_text("Against")
    expect(text).to_have_text("3 votes received of 3")

    # The chair closes the vote: 2 for, 1 against; two thirds of 3 cast needed (2): adopted.
    # The secretariat's page counted along too, without a reload.
    expect(chair.locator("[data-floor-count]")).to_contain_text("3 votes received of 3")
    chair.get_by_role("button", name="Close the vote and decide").click()
    expect(chair.get_by_role("status")).to_contain_text("2 for, 1 against of 3 votes cast")
    result = projector.locator("[data-result]")
    expect(result).to_contain_text("2 for, 1 against of 3 votes cast", timeout=10_000)
    expect(result).to_contain_text("two thirds of votes cast needed (2): adopted")
    expect(projector.locator("body")).to_contain_text("Vote closed")
    # The phones show that the vote is closed, and its result.
    expect(phones[0].locator("[data-result]")).to_contain_text("adopted", timeout=10_000)
    for phone in (chair, projector, *phones):
        phone.context.close()
