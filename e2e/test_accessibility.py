"""The axe accessibility engine finds no serious or critical problem on the main public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/en/",
    "/en/azerbaijan/",
    "/az/azerbaijan/members/",
    "/ru/azerbaijan/working-groups/",
    "/en/azerbaijan/governance/",
    "/en/azerbaijan/join/",
    "/en/azerbaijan/activities/",
    "/en/azerbaijan/publications/",
    "/en/azerbaijan/elections/",
]


def test_main_pages_have_no_serious_accessibility_problems(page: Page, demo_site):
    axe = Axe()
    problems = []
    for path in PAGES:
        page.goto(demo_site.url + path)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append((path, violation["id"], violation["help"], targets))
    assert problems == []
