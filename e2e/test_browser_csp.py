"""Every page's scripts run under the Content-Security-Policy, and the browser refuses nothing.

The demo site is walked in chromium as a visitor, as the demo platform's secretariat and as the
superuser in Django's admin: from a few starting pages, every link of the site is followed, one
page per kind of address (``/meetings/7/`` and ``/meetings/8/`` are one kind), up to a budget.
On each page the header must be there and no ``securitypolicyviolation`` event or console
message about the policy may occur. Then the scripts are seen doing their work: the live quorum
polls its JSON, "All of them" ticks the check-in's boxes, "Print the receipt" prints, and the
admin's theme switch and sidebar toggle work.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collected in the page itself: the event carries what was refused and where.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " at "
    + e.sourceFile + ":" + e.lineNumber);
});
"""

# Not pages: files, feeds, downloads and actions that change the session.
SKIP = re.compile(
    r"(\.(pdf|ics|json|atom|png|csv|xlsx|txt)$)|/logout/|/export|/files/|/documents/|/cover"
)


def kind_of(path: str) -> str:
    """One address per kind: numbers and long tokens in the path stand for any."""
    parts = []
    for part in path.split("/"):
        if part.isdigit():
            part = "N"
        elif len(part) >= 20:
            part = "T"
        parts.append(part)
    return "/".join(parts)


class Walk:
    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.console: list[str] = []
        self.problems: list[str] = []
        self.visited: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.console.append(text)

    def visit(self, url: str) -> None:
        self.console.clear()
        response = self.page.goto(url, wait_until="load")
        assert response is not None, url
        policy = response.headers.get("content-security-policy", "")
        if "script-src 'self'" not in policy or "unsafe-inline" in policy:
            self.problems.append(f"{url}: header {policy!r}")
        events = self.page.evaluate("window.__csp || []")
        for violation in [*events, *self.console]:
            self.problems.append(f"{url}: {violation}")
        self.visited.append(url)

    def links(self) -> list[str]:
        hrefs = self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        return [urldefrag(h)[0] for h in hrefs]

    def crawl(self, starts: list[str], *, budget: int, within: str = "/en/") -> None:
        """Breadth first from ``starts``: each kind of address once, at most ``budget`` pages."""
        queue = [self.base + s for s in starts]
        kinds: set[str] = set()
        while queue and len(self.visited) < budget:
            url = queue.pop(0)
            parts = urlsplit(url)
            kind = kind_of(parts.path) + ("?" if parts.query else "")
            if (
                not url.startswith(self.base)
                or not parts.path.startswith(within)
                or SKIP.search(parts.path)
                or kind in kinds
            ):
                continue
            kinds.add(kind)
            self.visit(url)
            queue += self.links()


def _log_in(page: Page, client, user, base: str) -> None:
    page.context.clear_cookies()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


@pytest.fixture
def people(demo_site, django_user_model):
    from platforma.core.models import Platform
    from platforma.core.services import platform_role_grant

    secretariat = django_user_model.objects.create_user("demo-sec", "sec@example.org", "pw-1a2b3c")
    platform_role_grant(
        actor=None,
        user=secretariat,
        platform=Platform.objects.get(slug="azerbaijan"),
        role="secretariat",
    )
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "pw-4d5e6f")
    return {"secretariat": secretariat, "superuser": superuser}


def test_public_pages_run_under_the_policy(page: Page, demo_site):
    walk = Walk(page, demo_site.url)
    walk.crawl(["/en/", "/en/azerbaijan/", "/en/accounts/login/"], budget=45)
    assert walk.problems == []
    assert len(walk.visited) >= 20, walk.visited

    # The watch itself: an inline script and an inline style added to a page are refused, and
    # both the event and the console say so (so a clean walk means something).
    page.evaluate(
        """() => {
          const s = document.createElement("script");
          s.textContent = "window.__ran = true";
          document.body.append(s);
          const p = document.createElement("p");
          p.setAttribute("style", "color: red");
          document.body.append(p);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    refused = page.evaluate("window.__csp")
    assert any(v.startswith("script-src") for v in refused), refused
    assert any(v.startswith("style-src") for v in refused), refused
    # Chromium's words vary by version ("Refused to execute inline script ...", "Executing
    # inline script violates ..."): both name the policy.
    assert any("inline script" in text for text in walk.console), walk.console


def test_office_pages_run_under_the_policy(page: Page, demo_site, people, client):
    _log_in(page, client, people["secretariat"], demo_site.url)
    walk = Walk(page, demo_site.url)
    walk.crawl(
        [
            "/en/azerbaijan/office/",
            "/en/azerbaijan/meetings/",
            "/en/azerbaijan/elections/office/",
            "/en/azerbaijan/activities/office/",
            "/en/azerbaijan/publications/office/",
            "/en/azerbaijan/reports/",
            "/en/azerbaijan/office/governance/offices/",
            "/en/azerbaijan/office/working-groups/",
            "/en/accounts/home/",
        ],
        budget=90,
    )
    assert walk.problems == []
    assert len(walk.visited) >= 40, walk.visited
    office_pages = [u for u in walk.visited if "/office/" in u or "/meetings/" in u]
    assert len(office_pages) >= 25


def test_the_admin_runs_under_the_policy(page: Page, demo_site, people, client):
    _log_in(page, client, people["superuser"], demo_site.url)
    walk = Walk(page, demo_site.url)
    walk.crawl(["/en/admin/", "/en/admin/core/auditentry/"], budget=60, within="/en/admin/")
    assert walk.problems == []
    assert any("/core/auditentry/" in u for u in walk.visited), walk.visited
    assert len(walk.visited) >= 20, walk.visited

    # The admin is read-only here (no actions), so its scripts are seen through the theme
    # switch (theme.js) and the sidebar's toggle (nav_sidebar.js) on a changelist.
    walk.visit(f"{demo_site.url}/en/admin/members/organisation/")
    html = page.locator("html")
    before = html.get_attribute("data-theme")
    page.locator("button.theme-toggle").first.click()
    expect(html).not_to_have_attribute("data-theme", before or "")
    main = page.locator("#main")
    shifted = "shifted" in (main.get_attribute("class") or "")
    page.locator("#toggle-nav-sidebar").click()
    if shifted:
        expect(main).not_to_have_class(re.compile(r"\bshifted\b"))
    else:
        expect(main).to_have_class(re.compile(r"\bshifted\b"))
    # An audit entry as the admin shows it.
    walk.visit(f"{demo_site.url}/en/admin/core/auditentry/")
    page.locator("#result_list tbody a").first.click()
    expect(page.locator("#content h1")).to_be_visible()
    assert walk.problems == []


def test_the_scripts_do_their_work(page: Page, demo_site, people, client):
    from platforma.meetings.models import Meeting

    _log_in(page, client, people["secretariat"], demo_site.url)
    walk = Walk(page, demo_site.url)
    meetings = Meeting.objects.filter(body__platform__slug="azerbaijan").order_by("-pk")
    assert meetings.exists()
    meeting_url = f"{demo_site.url}/en/azerbaijan/meetings/{meetings[0].pk}"

    # quorum.js polls the numbers every 3 seconds.
    with page.expect_request(re.compile(r"/quorum\.json$"), timeout=15_000):
        walk.visit(f"{meeting_url}/quorum/")

    # attendance.js: "All of them" ticks and clears every delegate's box (on the check-in page
    # of a demo meeting where some organisation is not checked in).
    for meeting in meetings:
        walk.visit(f"{demo_site.url}/en/azerbaijan/meetings/{meeting.pk}/attendance/")
        boxes = page.locator('input[name="memberships"]')
        if boxes.count() > 1:
            break
    assert boxes.count() > 1
    page.get_by_label("All of them").check()
    for i in range(boxes.count()):
        expect(boxes.nth(i)).to_be_checked()
    page.get_by_label("All of them").uncheck()
    for i in range(boxes.count()):
        expect(boxes.nth(i)).not_to_be_checked()

    # print.js: "Print the receipt" prints (the button is the receipt's, on any election page).
    election = f"{demo_site.url}/en/azerbaijan/elections/"
    walk.visit(election)
    page.evaluate(
        """() => {
          window.__printed = 0;
          window.print = function () { window.__printed += 1; };
          const b = document.createElement("button");
          b.type = "button"; b.setAttribute("data-print", ""); b.textContent = "Print the receipt";
          document.querySelector("main").append(b);
        }"""
    )
    page.get_by_role("button", name="Print the receipt").click()
    assert page.evaluate("window.__printed") == 1
    assert walk.problems == []
