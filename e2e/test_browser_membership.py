"""The whole path in a browser: apply with documents, recommendations confirmed, eligibility
shown, admitted, and the new member appears in the directory in two languages."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from e2e.join_form import PDF, fill_everything_but_the_name, platform_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(demo_site, django_user_model):
    from platforma.core.models import Platform
    from platforma.core.services import platform_role_grant

    user = django_user_model.objects.create_user("sec", password="pw-secretariat-42")
    platform = Platform.objects.get(slug="azerbaijan")
    platform_role_grant(actor=None, user=user, platform=platform, role="secretariat")
    return demo_site


def test_apply_recommend_admit_and_appear_in_the_directory(page: Page, site, tmp_path):
    for name in ("extract", "statute", "report"):
        (tmp_path / f"{name}.pdf").write_bytes(PDF)
    with translation.override("az"):
        join_az = gettext("Join the platform")
    assert join_az != "Join the platform"
    page.goto(f"{site.url}/az/azerbaijan/join/")
    expect(page.get_by_role("heading", level=1)).to_have_text(join_az)
    page.goto(f"{site.url}/en/azerbaijan/join/")
    page.get_by_label("Legal name of the organisation").fill("Clean Air Public Union")
    fill_everything_but_the_name(page, tmp_path)
    page.get_by_label("Humanitarian Research Public Union").check()
    page.get_by_label("Centre for Civic Oversight Public Union").check()
    page.get_by_label("are not public officials", exact=False).check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.locator(".message")).to_contain_text("Your application has been received")
    expect(page.locator("main")).to_contain_text("Applied")

    # Both recommending members confirm through the links they were e-mailed.
    links = [
        re.search(r"https?://\S+", m.body).group(0)
        for m in mail.outbox
        if m.subject.startswith("Recommendation requested")
    ]
    assert len(links) == 2
    for link in links:
        page.goto(link)
        page.get_by_label("Your name").fill("Representative")
        page.get_by_role("button", name="We recommend this organisation").click()
        expect(page.locator(".message")).to_contain_text("your answer has been recorded")

    # The secretariat logs in (with the code of its authenticator), reads the eligibility
    # check and admits.
    from django.contrib.auth import get_user_model

    from platforma.testing.second_factor import totp_code, totp_device

    device = totp_device(get_user_model().objects.get(username="sec"))
    page.goto(f"{site.url}/en/accounts/login/?next=/en/azerbaijan/office/applications/")
    page.get_by_label("Username").fill("sec")
    page.get_by_label("Password").fill("pw-secretariat-42")
    page.get_by_role("button", name="Log in").click()
    # A secretariat gives the code of its authenticator app.
    page.get_by_label("Code").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Clean Air Public Union").click()
    criteria = page.locator("table.criteria tbody tr")
    expect(criteria).to_have_count(8)
    expect(page.locator("table.criteria .fail")).to_have_count(0)
    expect(page.locator("table.criteria")).to_contain_text("2 confirmed of 2 needed.")
    page.get_by_role("button", name="Start the review").click()
    page.get_by_label("Admit").check()
    page.get_by_label("Date of the decision").fill(platform_today().isoformat())
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".message")).to_contain_text("The decision has been recorded")
    expect(page.locator("main")).to_contain_text("Admitted")

    for lang, heading in (("en", "Member organisations"), ("ru", "Организации-члены")):
        page.goto(f"{site.url}/{lang}/azerbaijan/members/?q=Clean")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(page.locator("tbody tr")).to_have_count(1)
        expect(page.locator("tbody")).to_contain_text("Clean Air Public Union")
