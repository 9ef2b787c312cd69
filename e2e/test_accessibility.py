"""The axe accessibility engine finds no WCAG 2.1 A/AA problem, of any impact, on the site's pages.

Every kind of public page (the Forum's too) and the main office pages are checked in English,
Azerbaijani and Russian, in one browser page: first as a visitor, then logged in once as the demo
platform's secretariat. Each page must be the one asked for (not a redirect to the login), say
its language in ``<html lang>``, and pass axe's rules tagged wcag2a, wcag2aa, wcag21a and
wcag21aa (contrast, labels, names of links and buttons, landmarks, lang attributes, ARIA...).
A failed login, with its error message, is checked too, and every page once more in English on a
phone's screen (360 px wide), where the menus fold and wide tables scroll inside their own box.

axe does not measure the contrast of what is not text (WCAG 1.4.11, 3:1): on the pages with
forms, in English, the edges of the fields against what is around them and, going through the
page with the Tab key, every focus outline against what is behind it are measured too.

The list of pages is shared with e2e/test_html_validity.py (the W3C HTML checker).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "az", "ru")
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],  # the passes are not needed in full: a third faster
}

# Addresses after /<lang>/; {name} is found on a list page by LINKS (the demo's numbers vary).
PUBLIC_PAGES = [
    "",  # the list of platforms
    "azerbaijan/",
    "azerbaijan/members/",
    "azerbaijan/working-groups/",
    "azerbaijan/working-groups/wg1/",
    "azerbaijan/governance/",  # the bodies, the offices and who holds them
    "azerbaijan/meetings/decisions/",  # the register of decisions (each decision is a row)
    "azerbaijan/activities/",
    "azerbaijan/activities/{event}/",
    "azerbaijan/publications/",
    "azerbaijan/publications/{publication}/",
    "azerbaijan/publications/search/?q=trade",
    "azerbaijan/elections/",
    "azerbaijan/elections/{election}/",
    "azerbaijan/elections/{election}/board/",
    "azerbaijan/reports/",
    "azerbaijan/reports/{report}/",
    "azerbaijan/transparency/",
    "azerbaijan/join/",
    "azerbaijan/privacy/",  # "your data": ask for a link to see, copy or erase it
    "accounts/login/",
    "accounts/password-reset/",
    "forum/",
    "forum/steering-committee/",
    "forum/working-groups/",
    "forum/working-groups/1/",
    "forum/transparency/",
    "forum/assembly/{assembly}/",
]

OFFICE_PAGES = [
    "azerbaijan/office/",
    "azerbaijan/office/members/",
    "azerbaijan/office/members/{membership}/",
    "azerbaijan/office/applications/",
    "azerbaijan/office/applications/{application}/",
    "azerbaijan/meetings/",
    "azerbaijan/meetings/{meeting}/",
    "azerbaijan/elections/office/",
    "azerbaijan/elections/office/{office_election}/",
    "azerbaijan/activities/office/",
    "azerbaijan/activities/office/{office_event}/",
    "azerbaijan/publications/office/",
    "azerbaijan/publications/office/{office_publication}/",
    "azerbaijan/publications/office/stakeholders/",
    "azerbaijan/publications/office/stakeholders/{stakeholder}/",
    "azerbaijan/mailings/office/",
    "azerbaijan/mailings/office/new/",
]

# Where the contrast of fields and focus outlines is measured (in English: colours do not change).
NON_TEXT_PAGES = {
    "azerbaijan/",
    "azerbaijan/publications/",
    "azerbaijan/activities/{event}/",  # the registration form
    "azerbaijan/join/",
    "accounts/login/",
    "azerbaijan/office/members/{membership}/",
    "azerbaijan/mailings/office/new/",
}
TABS = 80  # Tab presses per page, at most

# Helpers run in the page: colours as numbers, WCAG's contrast ratio, the first opaque background
# up the tree (what an outline drawn outside its element is seen against).
CONTRAST_JS = """
window.__contrast = (() => {
  const rgb = (s) => { const m = s.match(/[\\d.]+/g); return m ? m.map(Number) : null; };
  const lum = (c) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const behind = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c && (c.length < 4 || c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.getAttribute("name") ? "[name=" + el.getAttribute("name") + "]" : "")
    + (el.getAttribute("href") ? "[href=" + el.getAttribute("href") + "]" : "");
  return { rgb, ratio, behind, name };
})();
"""
# Text fields and lists: their edge (or their fill) must stand out 3:1 from around them.
FIELD_EDGES_JS = """() => {
  const { rgb, ratio, behind, name } = window.__contrast;
  const found = [];
  const fields = "input:not([type=hidden]):not([type=checkbox]):not([type=radio])"
    + ":not([type=submit]):not([type=button]), select, textarea";
  for (const el of document.querySelectorAll(fields)) {
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || !el.getClientRects().length) continue;
    if (el.closest("[aria-hidden=true]")) continue;  // a honeypot, out of sight
    const around = behind(el.parentElement);
    const fill = rgb(s.backgroundColor);
    const body = fill && (fill.length < 4 || fill[3] > 0) ? ratio(fill.slice(0, 3), around) : 1;
    const width = s.borderTopStyle === "none" ? 0 : parseFloat(s.borderTopWidth);
    const edge = width > 0 ? ratio(rgb(s.borderTopColor), around) : 1;
    if (Math.max(edge, body) < 3) {
      found.push(name(el) + ": its edge is " + edge.toFixed(2) + ":1 against rgb(" + around + ")");
    }
  }
  return found;
}"""
# The focused element: an outline of 2px or more, 3:1 against what it is drawn on.
FOCUS_JS = """() => {
  const { rgb, ratio, behind, name } = window.__contrast;
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Chromium draws no outline on a date or time field: it highlights the focused part (the day,
  // the month...) in the system's selection colour instead.
  if (el.matches("input[type=date], input[type=time], input[type=datetime-local]")) return null;
  const s = getComputedStyle(el);
  const width = s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth);
  if (width < 2) {
    return name(el) + ": no focus outline (" + s.outlineStyle + " " + s.outlineWidth + ")";
  }
  const around = parseFloat(s.outlineOffset) > 0 ? behind(el.parentElement) : behind(el);
  const r = ratio(rgb(s.outlineColor), around);
  if (r >= 3) return null;
  return name(el) + ": focus outline " + s.outlineColor + " is " + r.toFixed(2) + ":1 against rgb("
    + around + ")";
}"""

# Every id that aria-describedby, aria-labelledby, aria-controls or a label's "for" names exists
# (axe only marks a missing one "to review"; a description that leads nowhere is never read).
REFERENCES_JS = """() => {
  const found = [];
  for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
    for (const el of document.querySelectorAll("[" + attr + "]")) {
      for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
        if (document.getElementById(id)) continue;
        found.push(el.tagName.toLowerCase() + "#" + el.id + " " + attr + "=" + id);
      }
    }
  }
  for (const label of document.querySelectorAll("label[for]")) {
    if (document.getElementById(label.htmlFor)) continue;
    found.push("label for=" + JSON.stringify(label.htmlFor));
  }
  return found;
}"""

# name: (the list page, the link to its first item)
LINKS = {
    "event": ("azerbaijan/activities/", r"/azerbaijan/activities/(\d+)/"),
    "publication": ("azerbaijan/publications/", r"/azerbaijan/publications/(\d+)/"),
    "election": ("azerbaijan/elections/", r"/azerbaijan/elections/(\d+)/"),
    "report": ("azerbaijan/reports/", r"/azerbaijan/reports/(\d{4})/"),
    "assembly": ("forum/", r"/forum/assembly/(\d{4})/"),
    "membership": ("azerbaijan/office/members/", r"/azerbaijan/office/members/(\d+)/"),
    "application": ("azerbaijan/office/applications/", r"/office/applications/(\d+)/"),
    "meeting": ("azerbaijan/meetings/", r"/azerbaijan/meetings/(\d+)/"),
    "office_election": ("azerbaijan/elections/office/", r"/elections/office/(\d+)/"),
    "office_event": ("azerbaijan/activities/office/", r"/activities/office/(\d+)/"),
    "office_publication": ("azerbaijan/publications/office/", r"/publications/office/(\d+)/"),
    "stakeholder": (
        "azerbaijan/publications/office/stakeholders/",
        r"/office/stakeholders/(\d+)/",
    ),
}


def load_site(django_user_model) -> Any:
    """The whole demo (the Forum and its Annual Assembly too) with the 2014 annual report
    published; returns a user of the Azerbaijan platform's secretariat."""
    from platforma.core.models import Platform
    from platforma.core.services import platform_role_grant
    from platforma.demo.loader import load_demo
    from platforma.reports import services as reports

    platform = load_demo(forum=True)
    who: dict[str, Any] = {"actor": None, "actor_label": "test"}
    report = reports.report_draft(platform=platform, year=2014, **who)
    reports.report_approve(report=report, **who)
    reports.report_publish(report=report, **who)
    secretariat = django_user_model.objects.create_user("a11y-sec", "a11y@example.org", "pw-a11y-7")
    platform_role_grant(
        actor=None,
        user=secretariat,
        platform=Platform.objects.get(slug="azerbaijan"),
        role="secretariat",
    )
    return secretariat


def addresses(client, pages: list[str], lang: str) -> list[str]:
    """``pages`` as addresses in ``lang``, each {name} replaced by the first item of its list
    (as the client, logged in or not, sees it)."""
    found: dict[str, str] = {}
    result = []
    for page in pages:
        for name in re.findall(r"\{(\w+)\}", page):
            if name not in found:
                listing, link = LINKS[name]
                html = client.get(f"/{lang}/{listing}").content.decode()
                match = re.search(link, html)
                assert match, f"no link to a {name} on /{lang}/{listing}"
                found[name] = match.group(1)
        result.append(f"/{lang}/" + page.format(**found))
    return result


def _log_in(page: Page, client, user, base: str) -> None:
    client.force_login(user)  # with a verified second factor (conftest.py)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


def _problems(axe: Axe, page: Page, path: str, lang: str, label: str = "") -> list[str]:
    problems = []
    parts = urlsplit(page.url)
    where = parts.path + (f"?{parts.query}" if parts.query else "")
    path, wanted = path + label, path
    if where != wanted:
        problems.append(f"{path}: landed on {where}")
        return problems
    if page.locator("html").get_attribute("lang") != lang:
        problems.append(f"{path}: <html lang> is {page.locator('html').get_attribute('lang')!r}")
    for missing in page.evaluate(REFERENCES_JS):
        problems.append(f"{path}: refers to no element: {missing}")
    results = axe.run(page, options=WCAG_21_AA)
    for violation in results.response["violations"]:
        targets = [node["target"] for node in violation["nodes"][:3]]
        problems.append(
            f"{path}: {violation['id']} ({violation['impact']}): {violation['help']}; {targets}"
        )
    return problems


def _non_text_problems(page: Page, path: str) -> list[str]:
    """The fields' edges and, Tab after Tab, each focus outline (WCAG 1.4.11, 2.4.7)."""
    page.evaluate(CONTRAST_JS)
    problems = [f"{path}: {found}" for found in page.evaluate(FIELD_EDGES_JS)]
    page.locator("body").focus()
    focused = set()
    for _ in range(TABS):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_JS)
        if found and found not in focused:
            focused.add(found)
            problems.append(f"{path}: {found}")
    return problems


def _on_a_phone(axe: Axe, page: Page, base: str, paths: list[str]) -> list[str]:
    """The pages in English on a phone's screen (360 px): the menus fold, wide tables scroll in
    their own box (which must then take the keyboard's focus, or no keyboard can scroll it)."""
    problems = []
    size = page.viewport_size
    page.set_viewport_size({"width": 360, "height": 740})
    for path in paths:
        page.goto(base + path)
        problems += _problems(axe, page, path, "en", label=" (360 px wide)")
    if size:
        page.set_viewport_size(size)
    return problems


def test_pages_pass_axe_wcag21_aa_in_every_language(
    page: Page, live_server, client, django_user_model, settings
):
    settings.PLATFORMA_BASE_URL = live_server.url
    secretariat = load_site(django_user_model)
    axe = Axe()
    problems: list[str] = []
    checked = 0

    non_text = addresses(client, [p for p in PUBLIC_PAGES if p in NON_TEXT_PAGES], "en")
    measured = 0

    for lang in LANGUAGES:
        for path in addresses(client, PUBLIC_PAGES, lang):
            page.goto(live_server.url + path)
            problems += _problems(axe, page, path, lang)
            checked += 1
            if path in non_text:
                problems += _non_text_problems(page, path)
                measured += 1
        # A failed login: the error message, the fields marked as wrong.
        page.goto(f"{live_server.url}/{lang}/accounts/login/")
        page.locator("input[name=username]").fill("nobody")
        page.locator("input[name=password]").fill("not-the-password")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error, .errorlist").count() > 0
        problems += _problems(axe, page, f"/{lang}/accounts/login/", lang)

    problems += _on_a_phone(axe, page, live_server.url, addresses(client, PUBLIC_PAGES, "en"))
    checked += len(PUBLIC_PAGES)

    _log_in(page, client, secretariat, live_server.url)
    non_text = addresses(client, [p for p in OFFICE_PAGES if p in NON_TEXT_PAGES], "en")
    for lang in LANGUAGES:
        for path in addresses(client, OFFICE_PAGES, lang):
            page.goto(live_server.url + path)
            problems += _problems(axe, page, path, lang)
            checked += 1
            if path in non_text:
                problems += _non_text_problems(page, path)
                measured += 1

    problems += _on_a_phone(axe, page, live_server.url, addresses(client, OFFICE_PAGES, "en"))
    checked += len(OFFICE_PAGES)

    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert checked == (len(LANGUAGES) + 1) * (len(PUBLIC_PAGES) + len(OFFICE_PAGES))
    assert measured == len(NON_TEXT_PAGES)
