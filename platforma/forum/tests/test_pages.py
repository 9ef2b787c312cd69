"""The Forum's home and working-group pages count what the platforms record, in three languages."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from platforma.activities.tests.factories import EventFactory
from platforma.testing.factories import (
    ForumFactory,
    MembershipFactory,
    PlatformFactory,
    StatuteFactory,
    WorkingGroupFactory,
)
from platforma.workinggroups.models import Enrolment, ForumWorkingGroup

pytestmark = pytest.mark.django_db


def row_of(html, name):
    """The figures of the home page's row for the platform called ``name``."""
    row = re.search(rf"{re.escape(name)}</a>.*?</tr>", html, re.S)
    assert row, f"no row for {name}"
    return re.findall(r'<td class="num">(\d+)</td>', row.group(0))


def test_home_counts_each_platforms_records_of_the_year():
    forum = ForumFactory()
    StatuteFactory(platform=forum, rules={"delegates": {"seats": 30}})
    groups = [
        ForumWorkingGroup.objects.get_or_create(number=n, defaults={"name": f"WG{n}"})[0]
        for n in (1, 2, 3)
    ]
    armenia = PlatformFactory(slug="armenia", name_en="Armenian National Platform")
    georgia = PlatformFactory(slug="georgia", name_en="Georgian National Platform")
    for platform in (armenia, georgia):
        for group in groups:
            WorkingGroupFactory(platform=platform, forum_group=group)
    MembershipFactory.create_batch(3, platform=armenia)
    MembershipFactory.create(platform=georgia)
    this_year = timezone.now().replace(month=6, day=15)
    EventFactory.create_batch(2, platform=armenia, starts_at=this_year)
    EventFactory(platform=armenia, starts_at=this_year.replace(year=this_year.year - 1))
    EventFactory(platform=georgia, starts_at=this_year, is_public=False)  # not published

    html = Client().get(reverse("forum:home")).content.decode()
    assert row_of(html, "Armenian National Platform") == ["3", "3", "2", "0"]
    assert row_of(html, "Georgian National Platform") == ["1", "3", "0", "0"]
    assert "30 delegate seats" in html


def test_a_working_group_lists_its_members_across_platforms():
    forum = ForumFactory()
    group, _ = ForumWorkingGroup.objects.get_or_create(number=1, defaults={"name": "Democracy"})
    armenia = PlatformFactory(slug="armenia", name_en="Armenian National Platform")
    national = WorkingGroupFactory(platform=armenia, forum_group=group, slug="wg1")
    direct = WorkingGroupFactory(platform=forum, forum_group=group, slug="wg1")
    since = datetime.date(2020, 1, 1)
    ours = MembershipFactory(platform=armenia, organisation__legal_name_en="Yerevan Press Club")
    eu = MembershipFactory(platform=forum, organisation__legal_name_en="Vilnius Free Media")
    gone = MembershipFactory(platform=armenia, organisation__legal_name_en="Former Member NGO")
    Enrolment.objects.create(working_group=national, membership=ours, since=since)
    Enrolment.objects.create(working_group=direct, membership=eu, since=since)
    Enrolment.objects.create(
        working_group=national, membership=gone, since=since, until=datetime.date(2021, 1, 1)
    )
    for language in ("en", "az", "ru"):
        with translation.override(language):
            url = reverse("forum:workinggroup-detail", args=[1])
        html = Client().get(url).content.decode()
        assert "Yerevan Press Club" in html
        assert "Vilnius Free Media" in html
        assert "Former Member NGO" not in html
    listing = Client().get("/en/forum/working-groups/").content.decode()
    assert "2 member organisations" in listing
    assert Client().get("/en/forum/working-groups/9/").status_code == 404
