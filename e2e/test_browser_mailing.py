"""A mailing from draft to sent in the browser: the secretariat writes it (two languages),
previews it, sends itself a test, sends it after confirming the count, and sees the progress
reach 100 % (the worker's tasks run at once in tests)."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def office(live_server, transactional_db, django_user_model, settings):
    from platforma.core.models import PlatformRole
    from platforma.publications.models import Stakeholder
    from platforma.testing.factories import PlatformFactory

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PLATFORMA_BASE_URL = live_server.url
    settings.PLATFORMA_MAILING_RATE = 0
    platform = PlatformFactory(slug="testland", time_zone="Asia/Baku")
    for i in range(6):
        Stakeholder.objects.create(
            platform=platform,
            kind="organisation",
            name=f"Library {i}",
            category="library",
            email=f"library{i}@example.org",
            consent_to_contact=i != 5,  # the last one never agreed to be contacted
        )
    user = django_user_model.objects.create_user("secretary", "s@example.org", "pw-sec-9876")
    PlatformRole.objects.create(user=user, platform=platform, role="secretariat")
    return {"platform": platform, "user": user, "base": live_server.url}


def _log_in(page: Page, client, user, live_server):
    client.force_login(user)  # with the second factor (the root conftest)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_mailing_from_preview_to_sent(page: Page, office, client, live_server):
    _log_in(page, client, office["user"], live_server)
    page.goto(f"{office['base']}/en/testland/mailings/office/")
    page.get_by_role("link", name="Write a mailing").click()

    page.get_by_label("Name").fill("Our new paper")
    page.get_by_label("Stakeholders", exact=True).check()
    page.get_by_label("library").check()
    page.get_by_label("Subject (English)").fill("Our new paper is out")
    page.get_by_label("Text (English)").fill("Dear colleagues,\n\nour paper is out.")
    page.get_by_label("Subject (Russian)").fill("Наша новая работа")
    page.get_by_label("Text (Russian)").fill("Уважаемые коллеги,\n\nработа вышла.")
    page.get_by_role("button", name="Save the draft").click()

    expect(page.locator("#audience-count")).to_have_text("5 recipients now.")
    expect(page.get_by_text("1 did not consent to be contacted")).to_be_visible()

    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("Our new paper is out", exact=True)).to_be_visible()
    expect(page.get_by_text("Наша новая работа", exact=True)).to_be_visible()
    expect(page.get_by_text("List-Unsubscribe=One-Click")).to_have_count(2)
    page.get_by_role("link", name="Back to the mailing").click()

    page.get_by_role("button", name="Send me a test").click()
    expect(page.get_by_text("on its way to s@example.org")).to_be_visible()
    assert sorted(m.subject for m in mail.outbox) == [
        "[Test] Our new paper is out",
        "[Test] Наша новая работа",
    ]
    mail.outbox.clear()

    page.get_by_role("link", name="Send…").click()
    expect(page.locator("#confirm-question")).to_contain_text("sent to 5 recipient(s)")
    page.get_by_label("Yes, I am sure.").check()
    page.get_by_role("button", name="Send it").click()

    expect(page.locator("#mailing-percent")).to_have_text("100 %")
    expect(page.locator("#mailing-progress")).to_have_attribute("value", "100")
    expect(page.locator("#count-sent")).to_have_text("5")
    assert sorted(m.to[0] for m in mail.outbox) == [f"library{i}@example.org" for i in range(5)]
    assert all("List-Unsubscribe" in m.extra_headers for m in mail.outbox)
