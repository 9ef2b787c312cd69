"""The home pages' news: a platform's next events, latest publications and latest decisions; the
next events of every platform on the installation's home. Public items only, a constant number
of queries, and never a stale page."""

from __future__ import annotations

import datetime
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from platforma.activities.tests.factories import EventFactory
from platforma.governance.models import Body
from platforma.meetings.models import Decision, Meeting
from platforma.publications.models import Publication
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import PlatformFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _english_first():
    """A request leaves its language active in the thread; start every test in English."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def platform():
    return PlatformFactory(
        slug="hometown", name_en="Hometown National Platform", time_zone="Asia/Baku"
    )


def home_url(platform, lang="en") -> str:
    with translation.override(lang):
        return reverse("website:platform-home", args=[platform.slug])


def home(client, platform, lang="en") -> str:
    response = client.get(home_url(platform, lang))
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    """The text of the page's ``<section aria-labelledby=heading_id>``."""
    match = re.search(rf'<section aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', html, re.S)
    assert match, heading_id
    return match.group(1)


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def publication(platform, title: str, on: datetime.date, *, public: bool = True) -> Publication:
    return Publication.objects.create(
        platform=platform, kind="statement", title_en=title, published_on=on, is_public=public
    )


def decision(platform, title: str, on: datetime.date, *, public: bool = True) -> Decision:
    body = platform.bodies.first() or Body.objects.create(
        platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY, name_en="General Assembly"
    )
    meeting = Meeting.objects.create(
        platform=platform,
        body=body,
        title_en="General Assembly",
        starts_at=datetime.datetime.combine(on, datetime.time(10), tzinfo=UTC),
        time_zone="UTC",
    )
    number = next(_numbers)
    return Decision.objects.create(
        platform=platform,
        body=body,
        meeting=meeting,
        year=on.year,
        number=number,
        reference=f"GA-{on.year}-{number:02d}",
        title_en=title,
        decided_on=on,
        is_public=public,
    )


def test_next_events_are_the_soonest_published_ones(client, platform):
    EventFactory(
        platform=platform, title_en="Running now", starts_at=in_days(-1), ends_at=in_days(1)
    )
    for day in (5, 3, 9, 7, 11):
        EventFactory(platform=platform, title_en=f"In {day} days", starts_at=in_days(day))
    EventFactory(platform=platform, title_en="Already over", starts_at=in_days(-3))
    EventFactory(platform=platform, title_en="Draft event", starts_at=in_days(2), is_public=False)
    EventFactory(
        platform=PlatformFactory(slug="elsewhere"), title_en="Elsewhere", starts_at=in_days(2)
    )
    events = section(home(client, platform), "events-title")
    titles = re.findall(r"<h3><a href=\"[^\"]+\"[^>]*>([^<]+)</a></h3>", events)
    assert titles == ["Running now", "In 3 days", "In 5 days", "In 7 days"]
    with translation.override("en"):
        assert reverse("activities:event-list", args=[platform.slug]) in events
        assert reverse("activities:calendar", args=[platform.slug]) in events


def test_an_event_is_dated_in_the_platform_zone_with_its_kind_and_place(client, platform):
    start = datetime.datetime(2099, 3, 31, 22, 30, tzinfo=UTC)  # 1 April, 02:30 in Baku
    EventFactory(
        platform=platform,
        title_en="Night session",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        city_en="Ganja",
        venue_en="Town hall",
        time_zone="UTC",  # the event's own zone does not move the platform's date
    )
    events = section(home(client, platform), "events-title")
    assert "1 April 2099, 02:30" in events
    assert "Workshop · Ganja, Town hall" in events
    assert "Asia/Baku" in events
    ru = section(home(client, platform, "ru"), "events-title")
    assert "1 апреля 2099" in ru
    # The title has no Russian version: shown in English, and marked so for screen readers.
    assert 'lang="en">Night session</a>' in ru


def test_latest_public_publications_and_decisions(client, platform):
    for month in range(1, 7):
        publication(platform, f"Paper {month}", datetime.date(2025, month, 1))
        decision(platform, f"Resolution {month}", datetime.date(2025, month, 15))
    publication(platform, "Internal paper", datetime.date(2025, 12, 1), public=False)
    decision(platform, "Internal resolution", datetime.date(2025, 12, 15), public=False)
    other = PlatformFactory(slug="elsewhere")
    publication(other, "Elsewhere paper", datetime.date(2025, 12, 2))
    decision(other, "Elsewhere resolution", datetime.date(2025, 12, 16))
    html = home(client, platform)
    papers = section(html, "publications-title")
    assert re.findall(r'<a href="[^"]+/publications/\d+/"[^>]*>([^<]+)</a>', papers) == [
        "Paper 6",
        "Paper 5",
        "Paper 4",
        "Paper 3",
    ]
    decisions = section(html, "decisions-title")
    assert re.findall(r"(Resolution \d)", decisions) == [
        "Resolution 6",
        "Resolution 5",
        "Resolution 4",
        "Resolution 3",
    ]
    assert "15 June 2025" in decisions
    for hidden in ("Internal", "Elsewhere"):
        assert hidden not in papers
        assert hidden not in decisions
    with translation.override("en"):
        assert reverse("publications:publication-list", args=[platform.slug]) in papers
        assert reverse("meetings:decision-list", args=[platform.slug]) in decisions


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_empty_sections_say_so(client, platform, lang):
    EventFactory(platform=platform, title_en="Already over", starts_at=in_days(-3))
    publication(platform, "Internal paper", datetime.date(2025, 12, 1), public=False)
    decision(platform, "Internal resolution", datetime.date(2025, 12, 15), public=False)
    html = home(client, platform, lang)
    assert "Already over" not in html
    assert "Internal" not in html
    with translation.override(lang):
        expected = [
            translation.gettext("No event is planned at the moment."),
            translation.gettext("Nothing has been published yet."),
            translation.gettext("No decision has been made public yet."),
        ]
    for heading, text in zip(
        ("events-title", "publications-title", "decisions-title"), expected, strict=True
    ):
        assert f'<p class="empty">{text}</p>' in section(html, heading)


def test_installation_home_shows_the_next_events_of_every_platform(client, platform):
    other = PlatformFactory(
        slug="elsewhere", name_en="Elsewhere National Platform", time_zone="UTC"
    )
    EventFactory(platform=platform, title_en="Hometown workshop", starts_at=in_days(4))
    EventFactory(platform=other, title_en="Elsewhere conference", starts_at=in_days(2))
    EventFactory(platform=other, title_en="Elsewhere draft", starts_at=in_days(1), is_public=False)
    EventFactory(platform=other, title_en="Elsewhere past", starts_at=in_days(-5))
    with translation.override("en"):
        response = client.get(reverse("website:platform-list"))
    events = section(response.content.decode(), "events-title")
    titles = re.findall(r"<h3><a href=\"[^\"]+\"[^>]*>([^<]+)</a></h3>", events)
    assert titles == ["Elsewhere conference", "Hometown workshop"]
    assert "Elsewhere National Platform" in events
    assert "Hometown National Platform" in events


def test_installation_home_without_events_says_so(client, platform):
    with translation.override("en"):
        html = client.get(reverse("website:platform-list")).content.decode()
    assert "No event is planned at the moment." in section(html, "events-title")


def test_new_content_shows_on_the_next_visit(client, platform):
    """The home page is not kept in the page cache: an anonymous visitor sees a new event,
    publication or decision (and one made public) on the next request."""
    first = home(client, platform)
    assert "Fresh workshop" not in first
    EventFactory(platform=platform, title_en="Fresh workshop", starts_at=in_days(3))
    publication(platform, "Fresh paper", datetime.date(2025, 5, 1))
    internal = decision(platform, "Fresh resolution", datetime.date(2025, 5, 2), public=False)
    html = home(client, platform)
    assert "Fresh workshop" in html
    assert "Fresh paper" in html
    assert "Fresh resolution" not in html
    Decision.objects.filter(pk=internal.pk).update(is_public=True)
    assert "Fresh resolution" in home(client, platform)


def _add_news(platform, n: int) -> None:
    for _ in range(n):
        i = next(_numbers)
        EventFactory(platform=platform, starts_at=in_days(1 + i))
        publication(platform, f"Paper {i}", datetime.date(2024, 1, 1) + datetime.timedelta(days=i))
        decision(
            platform, f"Resolution {i}", datetime.date(2024, 1, 1) + datetime.timedelta(days=i)
        )


def test_home_queries_do_not_grow_with_news(client, platform):
    response = assert_page_budget(
        client, home_url(platform), lambda n: _add_news(platform, n), ceiling=11
    )
    html = response.content.decode()
    assert section(html, "events-title").count('class="card"') == 4
    assert section(html, "decisions-title").count("<li>") == 4


def test_installation_home_queries_do_not_grow_with_events(client, platform):
    other = PlatformFactory(slug="elsewhere")

    def add_events(n):
        for i in range(n):
            EventFactory(platform=(platform, other)[i % 2], starts_at=in_days(1 + i))

    with translation.override("en"):
        url = reverse("website:platform-list")
    response = assert_page_budget(client, url, add_events, ceiling=3)
    assert section(response.content.decode(), "events-title").count('class="card"') == 4


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_pages_fit_a_phone(page, live_server):
    """In Chromium at 360 px: the news sections of both home pages fit the screen."""
    platform = PlatformFactory(slug="phoneland", time_zone="Asia/Baku")
    EventFactory(
        platform=platform,
        title_en="A conference on the participation of civil society in policy making",
        starts_at=in_days(5),
        ends_at=in_days(7),
        venue_en="The conference hall of the Ministry of Youth and Sports",
    )
    publication(platform, "A policy paper on the freedom of association", datetime.date(2025, 3, 1))
    decision(platform, "The annual work plan and budget", datetime.date(2025, 3, 2))
    page.set_viewport_size({"width": 360, "height": 740})
    for url in (home_url(platform), reverse("website:platform-list")):
        page.goto(live_server.url + url)
        assert page.locator("#events-title").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
