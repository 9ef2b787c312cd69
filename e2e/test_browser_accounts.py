"""Accounts in a real browser, with the CSP in force: setting up the second factor from its QR
page, logging in with a code and with a recovery code, and a locked account's message."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-secretariat-42"


@pytest.fixture
def site(live_server, django_user_model):
    from platforma.core.services import platform_role_grant
    from platforma.testing.factories import PlatformFactory

    platform = PlatformFactory(slug="testland")
    user = django_user_model.objects.create_user("sec", "sec@example.org", PASSWORD)
    platform_role_grant(actor=None, user=user, platform=platform, role="secretariat")
    return live_server, user


def watch_csp(page: Page) -> list[str]:
    """The browser's reports of what the Content-Security-Policy refused on this page."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def password_step(page: Page, base: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/en/accounts/login/?next=/en/testland/office/")
    page.get_by_label("Username").fill("sec")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_enrol_then_log_in_with_a_code_and_with_a_recovery_code(page: Page, site):
    from platforma.testing.second_factor import totp_code

    server, user = site
    refused = watch_csp(page)

    # First login of a secretariat: the second factor must be set up.
    password_step(page, server.url)
    expect(page.get_by_role("heading", name="Set up a second factor")).to_be_visible()
    qr = page.locator("figure.qr-code svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] > 100  # drawn, at a size a phone can read
    secret = page.locator("code.otp-secret").inner_text()
    code = str(totp(base64.b32decode(secret.replace(" ", "")))).zfill(6)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator("ul.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(f"{server.url}/en/testland/office/")
    expect(page.get_by_role("link", name="Locked accounts")).to_be_visible()

    # Next time: the password, then the code the app shows.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user, confirmed=True)
    page.context.clear_cookies()
    password_step(page, server.url)
    expect(page.get_by_role("heading", name="Your code")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{server.url}/en/testland/office/")

    # Without the phone: a recovery code, once.
    page.context.clear_cookies()
    password_step(page, server.url)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{server.url}/en/testland/office/")
    page.context.clear_cookies()
    password_step(page, server.url)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").or_(page.locator(".errorlist"))).to_contain_text("not right")
    assert refused == []


def test_a_locked_account_is_told_so(page: Page, site):
    server, _user = site
    refused = watch_csp(page)
    for _ in range(5):
        password_step(page, server.url, password="a-wrong-guess")
    expect(page.get_by_role("heading", name="Too many failed attempts")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Try again after")
    expect(page.get_by_role("alert")).to_contain_text("ask the secretariat to unlock it")
    # The right password is refused while locked.
    password_step(page, server.url)
    expect(page.get_by_role("heading", name="Too many failed attempts")).to_be_visible()
    assert refused == []
