"""The month view of activities: each event on its days in the platform's time zone (Asia/Baku,
UTC+4, in these tests), Monday first, names in the visitor's language, a 404 for no month."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from platforma.core.models import today_in
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import PlatformFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(year: int, month: int, day: int, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


def month_url(platform, year, month, lang="en") -> str:
    with translation.override(lang):
        return reverse("activities:calendar-month", args=[platform.slug, year, month])


def days_of(html: str) -> dict[int, list[str]]:
    """Day of the month → titles of the events listed on it (days of the month only)."""
    days = {}
    for cell in re.findall(r'<td class="day(?! other-month)[^"]*"[^>]*>(.*?)</td>', html, re.S):
        number = re.search(r'<span class="day-number">(\d+)</span>', cell)
        assert number, cell
        days[int(number.group(1))] = re.findall(r"<a href=\"[^\"]+\"[^>]*>([^<]+)</a>", cell)
    return days


def month_page(client, platform, year, month, lang="en"):
    response = client.get(month_url(platform, year, month, lang))
    assert response.status_code == 200
    return response.content.decode()


def test_an_event_is_on_its_day_in_the_platform_zone(client, platform):
    # 22:00 UTC on 31 March is 02:00 on 1 April in Baku.
    EventFactory(
        platform=platform,
        title_en="Night owls",
        starts_at=at(2026, 3, 31, 22),
        ends_at=at(2026, 3, 31, 23),
    )
    april = days_of(month_page(client, platform, 2026, 4))
    assert april[1] == ["Night owls"]
    assert sum(len(titles) for titles in april.values()) == 1
    march_html = month_page(client, platform, 2026, 3)
    march = days_of(march_html)
    assert all(titles == [] for titles in march.values())
    assert '<p class="empty">No events this month.</p>' in march_html
    assert "No events this month." not in month_page(client, platform, 2026, 4)
    assert len(march) == 31
    assert len(april) == 30


def test_a_multi_day_event_is_on_each_day_across_the_month_boundary(client, platform):
    EventFactory(
        platform=platform,
        title_en="Spring school",
        starts_at=at(2026, 4, 28, 6),  # 10:00 in Baku
        ends_at=at(2026, 5, 2, 12),
    )
    april = days_of(month_page(client, platform, 2026, 4))
    assert [d for d, titles in april.items() if titles] == [28, 29, 30]
    may_html = month_page(client, platform, 2026, 5)
    may = days_of(may_html)
    assert [d for d, titles in may.items() if titles] == [1, 2]
    assert "continued" in may_html
    # The start time, in Baku's time, is shown on the first day.
    assert "10:00" in month_page(client, platform, 2026, 4)


def test_an_event_ending_at_midnight_is_not_on_the_next_day(client, platform):
    EventFactory(
        platform=platform,
        title_en="Evening talk",
        starts_at=at(2026, 6, 10, 14),  # 18:00 in Baku
        ends_at=at(2026, 6, 10, 20),  # midnight in Baku
    )
    june = days_of(month_page(client, platform, 2026, 6))
    assert june[10] == ["Evening talk"]
    assert june[11] == []


def test_an_all_day_event_keeps_its_dates(client, platform):
    EventFactory(
        platform=platform,
        title_en="Open day",
        all_day=True,
        time_zone="Asia/Baku",
        starts_at=at(2026, 6, 14, 20),  # 15 June, 00:00 in Baku
        ends_at=at(2026, 6, 15, 20),  # 16 June, 00:00: the last date is the 16th
    )
    june = days_of(month_page(client, platform, 2026, 6))
    assert [d for d, titles in june.items() if titles] == [15, 16]


def test_the_grid_starts_on_monday(client, platform):
    html = month_page(client, platform, 2026, 2)  # 1 February 2026 is a Sunday
    headers = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert headers[0] == "Monday"
    assert headers[-1] == "Sunday"
    first_row = html.split("<tbody>")[1].split("</tr>")[0]
    assert first_row.count("other-month") == 6  # 26–31 January, then Sunday the 1st
    assert "<caption>February 2026</caption>" in html


@pytest.mark.parametrize(
    ("lang", "caption", "monday", "label"),
    [
        ("az", "Aprel 2026", "Bazar ertəsi", "Çərşənbə axşamı, 28 aprel"),
        ("ru", "Апрель 2026", "Понедельник", "Вторник, 28 апреля"),
    ],
)
def test_names_are_in_the_visitors_language(client, platform, lang, caption, monday, label):
    EventFactory(
        platform=platform,
        title_en="Spring forum",
        starts_at=at(2026, 4, 28, 6),
        ends_at=at(2026, 4, 28, 9),
    )
    html = month_page(client, platform, 2026, 4, lang)
    assert days_of(html)[28] == ["Spring forum"]
    assert 'lang="en">Spring forum</a>' in html  # no translation: shown in English, marked so
    assert f'<html lang="{lang}">' in html
    assert f"<caption>{caption}</caption>" in html
    assert f'<abbr title="{monday}">' in html
    assert label in html


def test_only_published_events_for_the_public(client, office, outsider, platform):
    EventFactory(platform=platform, title_en="Public one", starts_at=at(2026, 4, 8, 6))
    EventFactory(
        platform=platform, title_en="Draft one", is_public=False, starts_at=at(2026, 4, 9, 6)
    )
    other = PlatformFactory(slug="elsewhere")
    EventFactory(platform=other, title_en="Someone else's", starts_at=at(2026, 4, 9, 6))
    public = month_page(client, platform, 2026, 4)
    assert "Public one" in public
    assert "Draft one" not in public
    assert "Someone else" not in public
    client.force_login(outsider)  # another platform's secretariat: the public's view
    assert "Draft one" not in month_page(client, platform, 2026, 4)
    organisers = month_page(office, platform, 2026, 4)
    assert "Draft one" in organisers
    assert "not published" in organisers


def test_previous_and_next_month_links_cross_the_year(client, platform):
    html = month_page(client, platform, 2026, 1)
    assert f'href="{month_url(platform, 2025, 12)}" rel="prev"' in html
    assert f'href="{month_url(platform, 2026, 2)}" rel="next"' in html
    html = month_page(client, platform, 2026, 12)
    assert f'href="{month_url(platform, 2027, 1)}" rel="next"' in html


def test_list_and_month_view_link_each_other_and_the_calendar_feed(client, platform):
    with translation.override("en"):
        listing = reverse("activities:event-list", args=[platform.slug])
        this_month = reverse("activities:calendar", args=[platform.slug])
        feed = reverse("activities:feed-ics", args=[platform.slug])
    assert f'href="{this_month}"' in client.get(listing).content.decode()
    html = month_page(client, platform, 2026, 4)
    assert f'href="{listing}"' in html
    assert f'href="{feed}"' in html


def test_calendar_goes_to_this_month_in_the_platform_zone(client, platform):
    today = today_in(platform)
    with translation.override("en"):
        response = client.get(reverse("activities:calendar", args=[platform.slug]))
    assert response.status_code == 302
    assert response["Location"] == month_url(platform, today.year, today.month)
    html = client.get(response["Location"]).content.decode()
    assert html.count('aria-current="date"') == 1
    today_cell = re.search(r'<td class="day today[^"]*" aria-current="date">(.*?)</td>', html, re.S)
    assert f'<span class="day-number">{today.day}</span>' in today_cell.group(1)


@pytest.mark.parametrize(
    "path",
    [
        "/en/testland/activities/calendar/2026/13/",
        "/en/testland/activities/calendar/2026/0/",
        "/en/testland/activities/calendar/1899/12/",
        "/en/testland/activities/calendar/2201/1/",
        "/en/testland/activities/calendar/99999999999999999999/1/",
        "/en/testland/activities/calendar/2026/april/",
        "/en/atlantis/activities/calendar/2026/4/",
        "/en/atlantis/activities/calendar/",
    ],
)
def test_no_such_month_is_a_404(client, platform, path):
    assert client.get(path).status_code == 404


def test_queries_do_not_grow_with_events(client, platform):
    def add_events(n):
        for i in range(n):
            day = 1 + (i * 3) % 27
            EventFactory(
                platform=platform,
                starts_at=at(2026, 4, day, 6),
                ends_at=at(2026, 4, day + 2, 6),
            )

    response = assert_page_budget(client, month_url(platform, 2026, 4), add_events, ceiling=6)
    assert sum(len(t) for t in days_of(response.content.decode()).values()) == 9 * 3


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_month_is_a_list_of_days_with_events(page, live_server):
    """In Chromium: a grid of seven columns on a wide screen; at 360 px a list of the days that
    have events (each with its weekday and date), and nothing wider than the screen."""
    platform = PlatformFactory(slug="phoneland", time_zone="Asia/Baku")
    EventFactory(
        platform=platform,
        title_en="A workshop with a rather long title about civil society participation",
        starts_at=at(2026, 4, 8, 6),
        ends_at=at(2026, 4, 9, 12),
    )
    url = live_server.url + month_url(platform, 2026, 4)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    assert page.locator("table.month thead th").first.is_visible()
    assert page.locator("table.month tbody tr").first.locator("td").count() == 7
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    visible = page.locator("table.month td.day:visible")
    assert visible.count() == 2
    assert visible.first.inner_text().startswith("Wednesday, 8 April")
    # The weekday headers stay for screen readers, out of sight (each day says its weekday).
    assert page.locator("table.month thead").bounding_box()["height"] <= 1
