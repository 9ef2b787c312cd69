"""One search across members, activities, publications and statements (both databases)."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from platforma.activities.tests.factories import EventFactory
from platforma.publications import services
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_search_finds_each_kind_and_respects_publication(client, platform):
    MembershipFactory(
        platform=platform,
        organisation=OrganisationFactory(legal_name_en="Trade Monitoring Centre"),
    )
    EventFactory(platform=platform, title_en="Training on trade advocacy")
    EventFactory(platform=platform, title_en="Secret trade meeting", is_public=False)
    for kind, title in (
        ("research_paper", "Trade and WTO accession"),
        ("statement", "Statement on trade"),
    ):
        services.publication_create(
            actor=None,
            platform=platform,
            kind=kind,
            title_en=title,
            published_on=datetime.date(2014, 5, 1),
        )
    services.publication_create(
        actor=None,
        platform=platform,
        kind="report",
        title_en="Hidden trade report",
        published_on=datetime.date(2014, 5, 1),
        is_public=False,
    )
    url = reverse("publications:search", args=[platform.slug])
    html = client.get(url, {"q": "trade"}).content.decode()
    for expected in (
        "Trade Monitoring Centre",
        "Training on trade advocacy",
        "Trade and WTO accession",
        "Statement on trade",
        "4 results",
    ):
        assert expected in html
    assert "Secret trade meeting" not in html
    assert "Hidden trade report" not in html
    html = client.get(url, {"q": "zebra"}).content.decode()
    assert "Nothing found" in html
    assert (
        "result"
        not in client.get(url).content.decode().split("<main")[1].split("Search members")[0]
    )


def test_search_folds_case_in_every_script(client, platform):
    """The same results for "ВТО" and "вто", "Ətraf" and "ətraf", on either database."""
    for title_ru, title_az in (("Доклад о вступлении в ВТО", "Ətraf mühit haqqında hesabat"),):
        services.publication_create(
            actor=None,
            platform=platform,
            kind="research_paper",
            title_en="WTO accession report",
            title_ru=title_ru,
            title_az=title_az,
            published_on=datetime.date(2014, 5, 1),
        )
    for lang, queries, title in (
        ("ru", ("вто", "ВТО"), "Доклад о вступлении в ВТО"),
        ("az", ("ətraf", "ƏTRAF"), "Ətraf mühit haqqında hesabat"),
    ):
        with translation.override(lang):
            url = reverse("publications:search", args=[platform.slug])
        for query in queries:
            html = client.get(url, {"q": query}).content.decode()
            assert title in html, query


def test_search_shows_an_activity_on_its_own_day(client, platform):
    """A workshop at 00:30 in Baku on 26 April 2014 is 25 April in UTC: the search says 26."""
    baku = zoneinfo.ZoneInfo("Asia/Baku")
    EventFactory(
        platform=platform,
        title_en="Early workshop on trade",
        time_zone="Asia/Baku",
        starts_at=datetime.datetime(2014, 4, 26, 0, 30, tzinfo=baku),
        ends_at=datetime.datetime(2014, 4, 26, 6, 0, tzinfo=baku),
    )
    html = client.get(reverse("publications:search", args=[platform.slug]), {"q": "early"})
    line = html.content.decode().split("Early workshop on trade")[1].split("</li>")[0]
    assert "26 April 2014" in line
    assert "25 April" not in line


def test_search_query_budget(client, platform):
    """Results of every kind, 3 of each then 9, in as many queries."""
    made = []

    def add_matches(n):
        for _ in range(n):
            made.append(len(made))
            MembershipFactory(
                platform=platform,
                organisation=OrganisationFactory(legal_name_en=f"Trade Centre {len(made)}"),
            )
            EventFactory(platform=platform, title_en=f"Trade workshop {len(made)}")
            services.publication_create(
                actor=None,
                platform=platform,
                kind="research_paper",
                title_en=f"Trade paper {len(made)}",
                published_on=datetime.date(2014, 5, 1),
            )

    response = assert_page_budget(
        client,
        reverse("publications:search", args=[platform.slug]),
        add_matches,
        data={"q": "trade"},
        ceiling=12,
    )
    assert "Trade paper 9" in response.content.decode()
