"""A visitor opens the platform's home in each language in a real browser (Debian's chromium)."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPECTED = {
    "en": ("Azerbaijan National Platform", "Avaz Hasanov", "Country Facilitator"),
    "az": ("Azərbaycan Milli Platforması", "Əvəz Həsənov", "Milli koordinator"),
    "ru": ("Национальная платформа Азербайджана", "Аваз Гасанов", "Национальный координатор"),
}


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_visitor_reads_the_platform_home(page: Page, demo_site, lang):
    page.goto(f"{demo_site.url}/{lang}/azerbaijan/")
    title, facilitator, heading = EXPECTED[lang]
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator("#main")).to_contain_text(facilitator)
    expect(page.locator("#main")).to_contain_text("2009")
    expect(page.locator("#main")).to_contain_text("45")


def test_visitor_switches_language_and_filters_members(page: Page, demo_site):
    page.goto(f"{demo_site.url}/en/azerbaijan/")
    page.get_by_role("link", name="Members", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/en/azerbaijan/members/$"))
    page.get_by_label("Working group").select_option("wg3")
    page.locator("form.filters").get_by_role("button", name="Search").click()
    expect(page.locator("tbody tr")).to_have_count(10)
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/azerbaijan/members/\?"))
    expect(page.locator("tbody tr")).to_have_count(10)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
