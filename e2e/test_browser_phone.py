"""Every page fits a 360 px phone: no sideways scrolling (issue 18).

The pages are the permission matrix's (every named page of the project, merged from the apps'
tables): the public ones as a visitor in English, Azerbaijani and Russian, the office ones as the
demo platform's secretariat in English and Russian. Files (CSV, PDF, ICS, JSON, Atom) are not
pages and are left out by their content type. One browser page walks them all; the failure lists
every page that is wider than the screen, with its width.

The collapsible menu is checked too: on a phone it is closed, opens with the keyboard, and on a
wide screen it is the plain menu it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 360, 740
PUBLIC_LANGUAGES: tuple[str, ...] = ("en", "az", "ru")
OFFICE_LANGUAGES: tuple[str, ...] = ("en", "ru")
# Pages outside the matrix's namespaces (Django's auth views, the 404 page).
EXTRA_PUBLIC = ["/{lang}/accounts/login/", "/{lang}/accounts/password-reset/", "/{lang}/nowhere/"]
EXTRA_OFFICE = ["/{lang}/accounts/home/"]
# The matrix's addresses that are files, not pages (besides those named *.json, *.pdf ...): the
# walk checks that they are not HTML, and that every other address is.
FILE_ADDRESS = re.compile(r"\.(json|ics|pdf|atom|csv|xlsx)$")
FILES = {
    "activities:event-ics",
    "activities:feed-ics",
    "activities:feed-wg-ics",
    "activities:registration-ics",
    "activities:office-registration-export",
    "elections:election-board-json",
    "elections:election-result-pdf",
    "meetings:minutes-pdf",
    "meetings:office-agenda-document",
    "meetings:office-meeting-ics",
    "meetings:quorum-json",
    "members:office-document",
    "members:office-member-export",
    "publications:feed-atom",
    "publications:office-stakeholder-export",
    "reports:report-pdf",
}


def walk_data():
    """The objects the matrix's address builders ask for (as core/tests/conftest.py's world)."""
    from platforma.activities.models import Event, Registration
    from platforma.core.models import Platform, today_in
    from platforma.elections.models import Election, Nomination
    from platforma.governance.models import Office
    from platforma.governance.selectors import mandates_in_force
    from platforma.meetings.models import Meeting, Motion
    from platforma.members.models import Application, Membership
    from platforma.publications.models import Publication
    from platforma.reports import services as reports
    from platforma.workinggroups.models import Enrolment

    platform = Platform.objects.get(slug="azerbaijan")
    # The annual report of 2014 published, that of 2015 a draft (as the matrix's world has them).
    editor = get_user_model().objects.create_superuser("phone-forum", "f@example.org", "pw-1a2b3c")
    report = reports.report_draft(actor=editor, platform=platform, year=2014)
    reports.report_approve(actor=editor, report=report)
    reports.report_publish(actor=editor, report=report)
    reports.report_draft(actor=editor, platform=platform, year=2015)
    election = Election.objects.get(platform=platform)
    mandate = (
        mandates_in_force(platform, today_in(platform))
        .filter(office__kind=Office.Kind.WG_COORDINATOR, office__working_group__slug="wg1")
        .first()
    )
    assert mandate is not None
    group = mandate.office.working_group
    assert group is not None
    other = platform.working_groups.exclude(pk=group.pk).filter(parent__isnull=True).first()
    other_event = Event.objects.filter(platform=platform).exclude(working_groups=group)[0]
    return {
        "platform": platform,
        "application": Application.objects.get(platform=platform),
        "membership": Membership.objects.get(platform=platform, organisation__acronym="CCO"),
        "event": Event.objects.filter(platform=platform).first(),
        "registration": Registration.objects.filter(event__platform=platform).first(),
        "publication": Publication.objects.filter(platform=platform).first(),
        "meeting": Meeting.objects.filter(body__platform=platform).first(),
        "motion": Motion.objects.filter(meeting__body__platform=platform).first(),
        "election": election,
        "nomination": Nomination.objects.filter(election=election).first(),
        "group": group,
        "other_group": other,
        "group_event": Event.objects.filter(working_groups=group).first(),
        "other_event": other_event,
        "other_registration": Registration.objects.filter(event=other_event).first(),
        "group_publication": Publication.objects.filter(working_group=group).first(),
        "other_publication": Publication.objects.filter(platform=platform)
        .exclude(working_group=group)
        .first(),
        "other_enrolment": Enrolment.objects.filter(working_group=other).first(),
    }


def page_urls(data) -> tuple[list[str], list[str], set[str]]:
    """(public, office) addresses of every page in every language the walk reads them in, and
    those of them that are files."""
    from platforma.core.tests.test_permission_matrix import DRAFTS, MATRIX
    from platforma.testing.matrix import OK

    files: set[str] = set()
    public: list[str] = []
    office: list[str] = []
    into: list[str]
    for name, row in sorted(MATRIX.items()):
        build, expected = cast("tuple[Callable[[dict], list], dict]", row)
        if expected.get("anonymous") == OK:
            languages, into = PUBLIC_LANGUAGES, public
        elif expected.get("secretariat") == OK:
            languages, into = OFFICE_LANGUAGES, office
        else:
            continue
        for lang in languages:
            with translation.override(lang):
                into.append(reverse(name, args=build(data)))
                if name in FILES:
                    files.add(into[-1])
    for name, build in sorted(DRAFTS.items()):  # drafts: the secretariat's to read
        for lang in OFFICE_LANGUAGES:
            with translation.override(lang):
                office.append(reverse(name, args=build(data)))
    public += [url.format(lang=lang) for url in EXTRA_PUBLIC for lang in PUBLIC_LANGUAGES]
    office += [url.format(lang=lang) for url in EXTRA_OFFICE for lang in OFFICE_LANGUAGES]
    return public, office, files


def widths(page: Page, base: str, urls: list[str]) -> tuple[dict[str, int], list[str]]:
    """The document's width on each HTML page; and the addresses that were files, not pages."""
    found, files = {}, []
    for url in urls:
        try:
            response = page.goto(base + url, wait_until="load")
        except PlaywrightError as error:  # a file the browser saves rather than shows
            if "Download is starting" not in error.message:
                raise
            files.append(url)
            continue
        assert response is not None
        if not response.headers.get("content-type", "").startswith("text/html"):
            files.append(url)
            continue
        found[url] = page.evaluate("document.documentElement.scrollWidth")
    return found, files


def test_every_page_fits_a_360_px_phone(page: Page, demo_site, client, django_user_model):
    from platforma.core.models import Platform
    from platforma.core.services import platform_role_grant

    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    public, office, known_files = page_urls(walk_data())
    seen, files = widths(page, demo_site.url, public)

    secretariat = django_user_model.objects.create_user("phone-sec", password="pw-1a2b3c4d")
    platform_role_grant(
        actor=None,
        user=secretariat,
        platform=Platform.objects.get(slug="azerbaijan"),
        role="secretariat",
    )
    client.force_login(secretariat)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": demo_site.url}]
    )
    office_seen, office_files = widths(page, demo_site.url, office)
    seen.update(office_seen)
    files += office_files

    too_wide = {url: width for url, width in seen.items() if width > WIDTH}
    report = "\n".join(f"{width:5d} px  {url}" for url, width in sorted(too_wide.items()))
    counted = f"{len(too_wide)} of {len(seen)} pages are wider than {WIDTH} px"
    assert not too_wide, f"{counted}:\n{report}"
    # The walk really walked: every language of every page, the office logged in.
    assert len(seen) > 250, len(seen)
    # No page was taken for a file, nor a file for a page.
    named = {url for url in seen.keys() | set(files) if FILE_ADDRESS.search(url)}
    expected_files = known_files | named
    assert sorted(set(files) ^ expected_files) == []
    assert any("/ru/azerbaijan/office/" in url for url in office_seen)


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Main menu"), ("az", "Əsas menyu"), ("ru", "Основное меню")]
)
def test_the_menu_folds_on_a_phone_and_opens_with_the_keyboard(page: Page, demo_site, lang, label):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(f"{demo_site.url}/{lang}/azerbaijan/")
    toggle = page.locator(".main-nav summary")
    expect(toggle).to_be_visible()
    expect(toggle).to_contain_text(label)
    links = page.locator(".main-nav ul a")
    expect(links.first).to_be_hidden()
    # Little of the screen goes to the header before the content.
    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] <= 170, header  # about 300 px before the menu folded

    toggle.focus()
    page.keyboard.press("Enter")
    expect(links.first).to_be_visible()
    expect(page.locator(".main-nav details")).to_have_attribute("open", "")
    page.keyboard.press("Enter")
    expect(links.first).to_be_hidden()


def test_wide_tables_become_cards_on_a_phone(page: Page, demo_site):
    """The Board, the activities and the elections: each cell says its column before its value."""
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    for path, label in (
        ("/ru/azerbaijan/governance/", "Кто занимает"),
        ("/en/azerbaijan/activities/", "Date"),
        ("/az/azerbaijan/elections/", None),
    ):
        page.goto(demo_site.url + path)
        cell = page.locator("table.stacked tbody td[data-label]").first
        expect(cell).to_be_visible()
        before = cell.evaluate("c => getComputedStyle(c, '::before').content")
        assert before.startswith('"'), (path, before)
        if label:
            assert label in (cell.get_attribute("data-label") or ""), (path, before)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        box = page.locator("table.stacked").first.bounding_box()
        assert box is not None
        assert box["width"] <= WIDTH


def test_the_menu_is_open_and_plain_on_a_wide_screen(page: Page, demo_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{demo_site.url}/en/azerbaijan/")
    expect(page.locator(".main-nav summary")).to_be_hidden()
    expect(page.locator(".main-nav ul a").first).to_be_visible()
    expect(page.get_by_role("link", name="Elections", exact=True)).to_be_visible()


def test_a_wide_table_scrolls_in_its_box_with_its_first_column_kept(page: Page, demo_site):
    """The register of decisions (four columns, 411 px in Russian): the page stays 360 px, the
    table scrolls sideways inside itself, its first column stays in view, and the keyboard
    reaches it."""
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(f"{demo_site.url}/ru/azerbaijan/meetings/decisions/")
    table = page.locator("main table").first
    sizes = table.evaluate("t => [t.scrollWidth, t.clientWidth]")
    assert sizes[0] > sizes[1], sizes  # wider than its box: it scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    cells = (
        't => [...t.querySelector("tbody tr").children]'
        ".slice(0, 2).map(c => c.getBoundingClientRect().x)"
    )
    before = table.evaluate(cells)
    table.evaluate("t => { t.scrollLeft = 80; }")
    after = table.evaluate(cells)
    assert after[0] == before[0], (before, after)  # the first column stays
    assert after[1] < before[1], (before, after)  # the others move under it
    # The keyboard reaches the box to scroll it (website/tables.js); on a wide screen, where it
    # does not scroll, it is no tab stop.
    table.focus()
    page.keyboard.press("ArrowRight")
    expect(table).to_be_focused()
    assert table.get_attribute("tabindex") == "0"
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(table).not_to_have_attribute("tabindex", "0")
