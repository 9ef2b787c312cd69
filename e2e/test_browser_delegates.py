"""A call for Annual Assembly delegates in a real browser, from the application to the
published list: a representative applies, the platform's secretariat ranks, the Forum
secretariat closes, scores, runs the selection, tells the applicants and publishes."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def delegates(live_server, transactional_db):
    from platforma.forum.tests.test_delegates_services import make_delegates, make_rep

    # One applicant in this flow: a gender balance would need a second one to select anyone.
    world = make_delegates(rules={"delegates": {"seats": 3, "reserve": 1}})
    rep = make_rep(world.platforms["armenia"], "Ani")
    return live_server, world, rep


def log_in(page: Page, base: str, user, next_path: str) -> None:
    """The password, then the code of the user's authenticator (every user of this test has
    one, and types what it shows)."""
    from platforma.forum.tests.test_delegates_services import PASSWORD
    from platforma.testing.second_factor import totp_code, totp_device

    device = totp_device(user)
    page.context.clear_cookies()
    page.goto(f"{base}/en/accounts/login/?next={next_path}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your code")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()


def test_a_delegate_call_from_application_to_published_list(page: Page, delegates):
    from platforma.forum.models import DelegateApplication
    from platforma.forum.tests.test_delegates_services import pass_deadline

    server, world, rep = delegates
    base = server.url
    public = "/en/forum/assembly/2027/"
    office = "/en/forum/office/assembly/2027/"

    # The public page says how to apply; the representative applies for the organisation.
    page.goto(f"{base}{public}")
    expect(page.get_by_role("heading", name="Annual Assembly 2027")).to_be_visible()
    expect(page.get_by_role("heading", name="Call for delegates")).to_be_visible()
    log_in(page, base, rep.user, public)
    page.get_by_role("link", name="Apply", exact=True).click()
    expect(page.get_by_role("heading", name="Apply as a delegate")).to_be_visible()
    page.get_by_label("Organisation").select_option(str(rep.organisation.pk))
    page.get_by_label("Working group").select_option(label="WG2 Economy")
    page.get_by_label("Motivation").fill("We monitor public procurement in three regions.")
    page.get_by_label("First name").fill("Anahit")
    page.get_by_label("Last name").fill("Sargsyan")
    page.get_by_label("E-mail").fill("anahit@example.org")
    page.get_by_label("Gender").select_option("woman")
    page.get_by_role("button", name="Send the application").click()
    expect(page.locator(".messages")).to_contain_text("Your application is sent")
    expect(page.locator("table.applications")).to_contain_text("Anahit Sargsyan")
    application = DelegateApplication.objects.get()

    # The deadline passes; the Forum secretariat closes the call.
    pass_deadline(world.call)
    log_in(page, base, world.forum_staff, office)
    page.get_by_role("button", name="Close the call").click()
    expect(page.locator(".state")).to_have_text("Ranking by the platforms")

    # The platform's secretariat ranks its applicants (here the one).
    log_in(page, base, world.secretariats["armenia"], office)
    expect(page.locator("table.applications")).to_contain_text("Anahit Sargsyan")
    page.get_by_role("link", name=re.compile("Rank the applicants of")).click()
    page.get_by_label(re.compile("Place of Anahit Sargsyan")).fill("1")
    page.get_by_role("button", name="Save the ranking").click()
    expect(page.locator(".messages")).to_contain_text("The ranking is saved.")

    # The Forum secretariat closes the ranking, scores, selects, tells and publishes.
    log_in(page, base, world.forum_staff, office)
    page.get_by_role("button", name="Close the ranking").click()
    expect(page.locator(".state")).to_have_text("Scoring and selection")
    page.get_by_role("link", name="Anahit Sargsyan").click()
    page.get_by_label("Motivation").fill("9")
    page.get_by_label("Experience").fill("8")
    page.get_by_label("Relevance to the working group").fill("7")
    page.get_by_role("button", name="Save the marks").click()
    expect(page.locator(".messages")).to_contain_text("The marks are saved.")
    page.get_by_role("button", name="Run the selection").click()
    expect(page.locator(".state")).to_have_text("Selected")
    # 100 * (3*9 + 2*8 + 2*7) + 10 points for the first of one = 67.00
    expect(page.locator("table.decisions.selected")).to_contain_text(
        "Selected with a score of 67.00."
    )
    page.get_by_role("button", name="Tell the applicants").click()
    expect(page.locator(".messages")).to_contain_text("The applicants are told by e-mail.")
    page.get_by_role("button", name="Publish the list").click()
    expect(page.locator(".state")).to_have_text("Published")
    application.refresh_from_db()
    assert application.notified_at is not None

    # Anyone reads the published list.
    page.context.clear_cookies()
    page.goto(f"{base}{public}")
    delegates_table = page.locator("table.delegates")
    expect(delegates_table).to_contain_text("Anahit Sargsyan")
    expect(delegates_table).to_contain_text(str(rep.organisation))
    expect(delegates_table).to_contain_text(world.platforms["armenia"].country)
    expect(delegates_table).to_contain_text("WG2 Economy")
