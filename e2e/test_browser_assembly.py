"""A whole General Assembly in a real browser: convocation, check-in, a proxy, the live quorum
(updated by its script after a check-in made from another tab), a motion adopted, the decision
in the register, and the minutes as PDF."""

import datetime
import re
import subprocess
import zoneinfo

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assembly(live_server, transactional_db, django_user_model):
    from platforma.core import services as core
    from platforma.core.models import PlatformRole
    from platforma.governance.models import Body
    from platforma.meetings import services
    from platforma.members.models import Representative
    from platforma.testing.factories import (
        BodyFactory,
        MembershipFactory,
        PersonFactory,
        PlatformFactory,
    )

    platform = PlatformFactory(slug="testland", time_zone="Asia/Baku")
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute",
        effective_from=datetime.date(2009, 1, 1),
        rules={
            "quorum": {"share": "1/2", "more_than": True, "count_proxies": True},
            "proxies": {"allowed": True, "max_per_delegate": 1},
        },
    )
    body = BodyFactory(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)
    members = []
    for i in range(7):
        membership = MembershipFactory(
            platform=platform, organisation__legal_name_en=f"Member {chr(65 + i)} Union"
        )
        Representative.objects.create(
            organisation=membership.organisation, person=PersonFactory(), role="primary"
        )
        members.append(membership)
    # The meeting is under way now, convened by the page below (late: less than 14 days).
    start = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Baku")) + datetime.timedelta(hours=1)
    meeting = services.meeting_create(
        actor=None,
        actor_label="test",
        body=body,
        starts_at=start,
        title_en="Browser General Assembly",
        place_en="Baku",
    )
    services.agenda_item_add(
        actor=None, actor_label="test", meeting=meeting, title_en="Plan for the year"
    )
    user = django_user_model.objects.create_user("secretary", "s@example.org", "pw-sec-9876")
    PlatformRole.objects.create(user=user, platform=platform, role="secretariat")
    return {
        "platform": platform,
        "meeting": meeting,
        "members": members,
        "user": user,
        "url": f"{live_server.url}/en/testland/meetings/{meeting.pk}",
    }


def _log_in(page: Page, client, user, live_server):
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_general_assembly_from_convocation_to_minutes(
    page: Page, assembly, client, live_server, tmp_path
):
    base = assembly["url"]
    _log_in(page, client, assembly["user"], live_server)

    # Convocation: every member's primary representative gets an e-mail with an .ics.
    page.goto(f"{base}/")
    page.get_by_label("I confirm").check()
    page.get_by_role("button", name="Send the convocation").click()
    expect(page.get_by_role("status")).to_contain_text("Convocation sent to 7 people")
    expect(page.locator("main")).to_contain_text("Late convocation")
    assert len(mail.outbox) == 7

    # The sitting opens (the meeting starts within the hour), then three delegates check in.
    page.get_by_role("button", name="Open the sitting").click()
    expect(page.get_by_role("status")).to_contain_text("The sitting is open")
    page.goto(f"{base}/attendance/")
    for name in ("Member A Union", "Member B Union", "Member C Union"):
        page.get_by_label(name).check()
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status")).to_contain_text("3 organisations checked in")
    expect(page.locator("main")).to_contain_text("3 present + 0 represented of 7 members")

    # A proxy: D gives its vote to A's delegate.
    page.goto(f"{base}/proxies/")
    page.get_by_label("Organisation giving its vote").select_option(label="Member D Union")
    page.get_by_label("To the delegate of").select_option(label="Member A Union")
    page.get_by_role("button", name="Record the proxy").click()
    expect(page.get_by_role("status")).to_contain_text("Proxy recorded")

    # The chair projects the quorum: 3 + 1 = 4 of 7 (4 required) -> reached.
    page.goto(f"{base}/quorum/")
    board = page.locator(".quorum-board")
    expect(board.locator('[data-field="counted"]')).to_have_text("4")
    expect(board.locator(".quorum-status")).to_have_text("Quorum reached")

    # Another tab checks in one more delegate; the projected page updates without reload.
    other = page.context.new_page()
    other.goto(f"{base}/attendance/")
    other.get_by_label("Member E Union").check()
    other.get_by_role("button", name="Check in").click()
    expect(other.get_by_role("status")).to_contain_text("checked in")
    expect(board.locator('[data-field="counted"]')).to_have_text("5", timeout=10_000)
    expect(board.locator('[data-field="present"]')).to_have_text("4")
    other.close()

    # A motion, voted openly (D by proxy), adopted and registered.
    page.goto(f"{base}/motions/")
    page.get_by_label("Title").fill("Adopt the plan for the year")
    page.get_by_role("button", name="Put the motion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adopt the plan for the year")
    expect(page.locator("main")).to_contain_text("by proxy")
    rows = page.locator("table.votes tbody tr")
    expect(rows).to_have_count(5)
    for i in range(5):
        choice = "Against" if i == 4 else "For"
        rows.nth(i).get_by_label(choice).check()
    page.get_by_role("button", name="Record the votes").click()
    expect(page.locator("main")).to_contain_text("5 votes recorded")
    page.get_by_role("button", name="Close the vote and compute the result").click()
    result = page.locator("[data-result]")
    expect(result).to_contain_text("4 for, 1 against of 5 votes cast")
    expect(result).to_contain_text("adopted")
    year = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Baku")).year
    reference = f"GA-{year}-01"
    page.get_by_role("link", name="Register of decisions").click()
    expect(page.locator("tbody")).to_contain_text(reference)
    expect(page.locator("tbody")).to_contain_text("Adopt the plan for the year")

    # Minutes: narrative, HTML, PDF.
    page.goto(f"{base}/minutes/")
    page.get_by_label("Narrative").fill("The chair welcomed the delegates.")
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.locator("article.minutes")).to_contain_text("The chair welcomed the delegates.")
    expect(page.locator("article.minutes")).to_contain_text("4 of 7 member organisations attended")
    response = page.request.get(f"{base}/minutes.pdf")
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for fact in (
        "Browser General Assembly",
        "Member D Union gave its vote",
        reference,
        "4 for, 1 against of 5 votes cast",
        "quorum reached",
        "The chair welcomed the delegates.",
    ):
        assert fact in re.sub(r"\s+", " ", text), fact
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "2", "-l", "2", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    assert list(tmp_path.glob("page*.png"))
