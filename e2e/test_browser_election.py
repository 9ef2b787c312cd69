"""An online election in a real browser: nomination, acceptance, the tellers and their shares,
voting, receipt, closing with the shares, result, check."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORDS = {"office": "pw-office-12345", "rep": "pw-rep-12345"}


@pytest.fixture
def site(live_server, transactional_db):
    from platforma.elections.tests.factories import make_election, make_world

    world = make_world("browserland", members=3)
    election = make_election(world, title="Election of the platform coordinator")
    return live_server, world, election


def log_in(page: Page, base: str, user, password: str, next_path: str) -> None:
    """The password, then the code of the user's authenticator (secretariat and tellers must
    have one; every user of this test is given one, and types what it shows)."""
    from platforma.testing.second_factor import totp_code, totp_device

    device = totp_device(user)
    page.context.clear_cookies()
    page.goto(f"{base}/en/accounts/login/?next={next_path}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your code")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()


SHARE = re.compile(r"^PS1-\d+-\d+-[0-9a-f]{64}$", re.MULTILINE)


def take_share(page: Page, base: str, teller, password: str, election) -> str:
    """``teller`` logs in, takes their share on the teller page (a download) and reads it."""
    teller_page = f"/en/browserland/elections/{election.pk}/teller/"
    log_in(page, base, teller, password, teller_page)
    expect(page.get_by_role("heading", name="Your share as teller")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Take my share").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"share-election-{election.pk}-teller-")
    with open(download.path(), encoding="utf-8") as file:
        text = file.read()
    assert "Keep this file offline" in text
    (share,) = SHARE.findall(text)
    # Once taken, the page says so and offers the share no more.
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("cannot be shown again")
    expect(page.get_by_role("button", name="Take my share")).to_have_count(0)
    return share


def test_online_election_from_nomination_to_receipt_check(page: Page, site):
    from platforma.elections import services
    from platforma.elections.models import Election

    server, world, election = site
    base = server.url
    office = f"/en/browserland/elections/office/{election.pk}/"
    public = f"/en/browserland/elections/{election.pk}/"
    first, second, voter = world.members

    # The secretariat opens nominations and records two nominations.
    log_in(page, base, world.secretariat, PASSWORDS["office"], office)
    page.get_by_role("button", name="Open nominations").click()
    expect(page.locator(".messages")).to_contain_text("Nominations open")
    for member in (first, second):
        page.locator("#id_person").select_option(str(member.person.pk))
        page.locator("#id_organisation").select_option(str(member.organisation.pk))
        page.get_by_role("button", name="Nominate").click()
        expect(page.locator(".messages")).to_contain_text("The nomination is recorded.")
    expect(page.locator("table.nominations")).to_contain_text("Eligible")

    # The first candidate accepts on the public page; the second answered in writing.
    log_in(page, base, first.user, PASSWORDS["rep"], public)
    page.get_by_role("button", name="Accept the nomination").click()
    expect(page.locator(".messages")).to_contain_text("Your answer is recorded.")
    log_in(page, base, world.secretariat, PASSWORDS["office"], office)
    page.get_by_role("button", name="Record acceptance").click()

    # Voting does not open before the tellers hold the key: the secretariat appoints itself
    # and the first candidate's representative, both shares needed to open the ballots.
    page.get_by_role("button", name="Open voting").click()
    expect(page.locator(".messages")).to_contain_text("Appoint the tellers first")
    tellers = page.locator("section.tellers")
    tellers.get_by_label(re.compile(re.escape(world.secretariat.get_username()))).check()
    tellers.get_by_label(re.compile(re.escape(first.user.get_username()))).check()
    tellers.get_by_label("Shares needed to open the ballots").fill("2")
    tellers.get_by_role("button", name="Appoint").click()
    expect(page.locator(".messages")).to_contain_text("The tellers are appointed.")
    expect(page.locator("section.tellers")).to_contain_text("2 shares of 2 open the ballots.")
    page.get_by_role("button", name="Open voting").click()
    expect(page.locator(".messages")).to_contain_text("2 tellers have not taken their share yet")

    # Each teller takes their share on the teller page, as a file to keep offline.
    election = Election.objects.get(pk=election.pk)
    shares = [
        take_share(page, base, world.secretariat, PASSWORDS["office"], election),
        take_share(page, base, first.user, PASSWORDS["rep"], election),
    ]
    assert len(set(shares)) == 2
    log_in(page, base, world.secretariat, PASSWORDS["office"], office)
    page.get_by_role("button", name="Open voting").click()
    expect(page.locator(".state")).to_have_text("Voting")

    # A primary representative votes and keeps the receipt.
    log_in(page, base, voter.user, PASSWORDS["rep"], public)
    page.get_by_role("link", name="Vote", exact=True).click()
    page.get_by_label(re.compile(second.person.full_name)).check()
    page.get_by_role("button", name=re.compile("Cast the ballot")).click()
    # The page's script shows the receipt in place of the form (vote.js), focused.
    heading = page.get_by_role("heading", name="Your ballot is cast")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    expect(heading).to_contain_text(str(voter.organisation))
    tracker = page.locator(".receipt .tracker").inner_text()
    ballot_hash = page.locator(".receipt .hash").inner_text()
    assert re.fullmatch(r"[0-9a-f]{4}(-[0-9a-f]{4}){4}", tracker)
    assert re.fullmatch(r"[0-9a-f]{64}", ballot_hash)

    # The other two organisations vote (in another way), then the secretariat counts.
    election = Election.objects.get(pk=election.pk)
    for member in (first, second):
        services.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[str(election.nominations.get(person=second.person).pk)],
        )
    # The tracker check cannot look a tracker up while the ballots are sealed.
    page.context.clear_cookies()
    page.goto(f"{base}{public}check/")
    page.get_by_label("Tracker").fill(tracker)
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".outcome")).to_contain_text("The ballots are sealed")

    # The secretariat closes the vote: the tellers' shares are pasted into the closing form.
    log_in(page, base, world.secretariat, PASSWORDS["office"], office)
    closing = page.locator("form.close-vote")
    closing.get_by_label(re.compile(r"^Share 1 ")).fill(shares[0])
    closing.get_by_role("button", name="Close the vote and count").click()
    # One share of the two needed opens nothing.
    expect(page.locator(".messages")).to_contain_text("2 tellers' shares are needed")
    expect(page.locator(".state")).to_have_text("Voting")
    closing = page.locator("form.close-vote")
    closing.get_by_label(re.compile(r"^Share 1 ")).fill(shares[0])
    closing.get_by_label(re.compile(r"^Share 2 ")).fill(shares[1])
    closing.get_by_role("button", name="Close the vote and count").click()
    expect(page.locator(".state")).to_have_text("Closed")
    page.get_by_role("button", name="Publish the result").click()
    expect(page.locator(".state")).to_have_text("Published")

    # Anyone reads the result and checks the tracker against the receipt.
    page.context.clear_cookies()
    page.goto(f"{base}{public}")
    expect(page.locator(".winners")).to_have_text(second.person.full_name)
    expect(page.locator("figure.chart svg")).to_be_visible()
    page.get_by_role("link", name="Check my tracker").click()
    page.get_by_label("Tracker").fill(tracker)
    page.get_by_label("Ballot hash (optional)").fill(ballot_hash)
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".outcome")).to_contain_text("Your ballot is on the bulletin board")
    expect(page.locator(".outcome")).to_contain_text("Its hash matches your receipt.")
    expect(page.locator(".outcome")).to_contain_text(second.person.full_name)
    # The mandate was created from the result.
    from platforma.governance.models import Mandate

    assert Mandate.objects.get(office=world.office).person == second.person
