"""A representative's notices in a real browser, with the CSP in force and no JavaScript needed:
the election's move shows on their account home, they mark it read, and they turn an e-mail off."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-rep-12345"


def test_a_representative_reads_a_notice_and_chooses_the_emails(page: Page, live_server, settings):
    from platforma.elections import services as elections
    from platforma.elections.tests.factories import make_election, make_world
    from platforma.notifications.models import Notice

    settings.PLATFORMA_BASE_URL = live_server.url
    world = make_world()
    member = world.members[0]
    election = make_election(world)
    elections.election_open_nominations(actor=world.secretariat, election=election)
    assert Notice.objects.filter(election=election).count() == 4  # told once the move committed
    (message,) = [m for m in mail.outbox if m.to == [member.person.email]]
    assert f"{live_server.url}/en/accounts/notifications/" in message.body

    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/accounts/home/")
    page.get_by_label("Username").fill(member.user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    notices = page.locator("section[aria-labelledby=notices-heading]")
    expect(notices.get_by_role("heading", name="Notices (1 unread)")).to_be_visible()
    expect(notices.get_by_role("link", name=election.title)).to_be_visible()
    notices.get_by_role("button", name="Mark read").click()
    # Nothing unread: the account home forwards them to their organisation's page, as before.
    expect(page.get_by_role("heading", name="My organisation", level=1)).to_be_visible()
    assert Notice.objects.get(person=member.person).read_at is not None

    page.goto(f"{live_server.url}/en/accounts/notifications/")
    box = page.get_by_label("Voting opened")
    expect(box).to_be_checked()  # every e-mail is on by default
    box.uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your notification settings are saved.")).to_be_visible()
    expect(page.get_by_label("Voting opened")).not_to_be_checked()
    assert member.person.notification_preference.voting_opened is False
    assert refused == []
