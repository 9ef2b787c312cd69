"""The Forum through the API: the Steering Committee and the platforms' figures, as the Forum's
pages show them (404 while the installation has no Forum)."""

from __future__ import annotations

import pytest

from platforma.core.models import today_in
from platforma.forum.selectors import every_platform, platform_figures
from platforma.governance.selectors import country_facilitator
from platforma.testing.factories import ForumFactory, StatuteFactory

pytestmark = pytest.mark.django_db


def test_forum_committee_and_figures(world, call, django_assert_max_num_queries):
    users, data = world
    assert call("get", "/api/v1/forum/steering-committee").status_code == 404  # no Forum yet
    assert call("get", "/api/v1/forum/figures").status_code == 404
    forum = ForumFactory()
    StatuteFactory(platform=forum, rules={"steering_committee": ["country_facilitators"]})
    platform = data["platform"]
    facilitator = country_facilitator(platform, today_in(platform))
    assert facilitator is not None

    with django_assert_max_num_queries(6):
        response = call("get", "/api/v1/forum/steering-committee")
    assert response.status_code == 200
    seats = response.json()["results"]
    seat = next(s for s in seats if s["platform"] == "azerbaijan")
    assert seat == {
        "person": facilitator.person.full_name,
        "part": "country_facilitators",
        "seat": "Country Facilitator",
        "platform": "azerbaijan",
        "platform_name": platform.name,
        "forum_working_group": None,
        "organisation": facilitator.organisation.display_name,
        "since": facilitator.starts_on.isoformat(),
        "until": facilitator.ends_on.isoformat() if facilitator.ends_on else None,
    }
    assert "@" not in response.content.decode()
    # A day: before the mandates, nobody; outside 2009 to five years ahead, or not a date: 400.
    early = call("get", "/api/v1/forum/steering-committee?on=2009-01-02").json()
    assert early["count"] == 0
    for bad in ("2008-12-31", "2999-01-01", "yesterday", "0000-00-00"):
        answer = call("get", f"/api/v1/forum/steering-committee?on={bad}")
        assert answer.status_code == 400, bad

    # Figures: each platform's, for the year asked (this year by default).
    with django_assert_max_num_queries(8):
        figures = call("get", "/api/v1/forum/figures?year=2014")
    assert figures.status_code == 200
    rows = {r["platform"]: r for r in figures.json()["results"]}
    expected = {f.platform.slug: f for f in platform_figures(every_platform(), 2014)}
    assert set(rows) == set(expected)
    ours = rows["azerbaijan"]
    assert ours["members"] == expected["azerbaijan"].members
    assert ours["activities"] == expected["azerbaijan"].activities
    assert ours["publications"] == expected["azerbaijan"].publications
    assert ours["working_groups"] == expected["azerbaijan"].working_groups > 0
    assert ours["year"] == 2014
    assert rows["forum"]["is_forum"]
    this_year = call("get", "/api/v1/forum/figures", role="secretariat").json()["results"]
    assert {r["year"] for r in this_year} == {today_in(forum).year}
    for bad in ("year=0", "year=1899", "year=x", f"year={2**40}"):
        assert call("get", f"/api/v1/forum/figures?{bad}").status_code == 400, bad
