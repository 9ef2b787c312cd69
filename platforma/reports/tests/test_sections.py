"""Each section handles an empty year; the query count does not grow with the activities."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext

from platforma.members import services as members
from platforma.reports.builder import build_forum_report, build_report, has_records
from platforma.reports.render import print_html, report_pdf
from platforma.testing.budget import assert_constant_queries
from platforma.testing.factories import OrganisationFactory, PlatformFactory

from .conftest import WHO, add_activities, add_publications


@pytest.fixture
def nearly_empty(db):
    """A platform whose only record of 2020 is one admission; no WGs, bodies or offices."""
    platform = PlatformFactory(slug="moldova", name_en="Moldovan National Platform")
    members.membership_record_existing(
        platform=platform,
        organisation=OrganisationFactory(),
        admitted_on=datetime.date(2020, 3, 1),
        **WHO,
    )
    return platform


def test_every_section_of_an_empty_year_says_so(nearly_empty):
    doc = build_report(nearly_empty, 2020, language="en")
    assert has_records(nearly_empty, 2020)
    empty = {s.key: s.empty_text for s in doc.sections if not s.has_content}
    assert set(empty) == {
        "governance",
        "activities",
        "publications",
        "distribution",
        "statements",
        "working_groups",
    }
    assert empty["activities"] == "No activities were recorded for 2020."
    assert empty["working_groups"] == "The platform has no working groups."
    membership = doc.section("membership").text()
    assert "1 member organisation in good standing (0 a year earlier)" in membership
    html = print_html(doc)
    for text in empty.values():
        assert text in html
    assert report_pdf(doc).startswith(b"%PDF-")


def test_a_year_with_no_records_at_all(nearly_empty):
    assert not has_records(nearly_empty, 2015)
    doc = build_report(nearly_empty, 2015, language="ru")
    with translation.override("ru"):
        expected = gettext("No member organisations were recorded at the end of %(year)s.")
    assert expected % {"year": 2015} in doc.section("membership").text()
    assert all(s.charts == [] for s in doc.sections)


def test_forum_report_of_an_empty_year(db):
    doc = build_forum_report(2015, language="en")
    assert doc.section("comparison").text() == "No platforms are recorded."
    assert doc.section("activities").empty_text in doc.section("activities").text()


def test_query_count_does_not_depend_on_the_number_of_activities(small_platform):
    platform, groups = small_platform

    def add_activities_and_publications(n):
        add_activities(platform, 2020, n, groups)
        add_publications(platform, 2020, n, groups)

    _, doc = assert_constant_queries(
        lambda: build_report(platform, 2020, language="en"),
        add_activities_and_publications,
        rows=4,
        what="build_report",
    )
    assert len(doc.section("activities").paragraphs) == 12


def test_wg_highlights_and_participation_from_check_ins(small_platform):
    platform, groups = small_platform
    add_activities(platform, 2020, 6, groups)
    add_publications(platform, 2020, 4, groups)
    doc = build_report(platform, 2020, language="en")
    wgs = doc.section("working_groups")
    assert wgs.charts
    assert wgs.charts[0].key == "participants"
    table = wgs.tables[0]
    assert [row[3] for row in table.rows] == ["2", "2", "2"]  # activities per WG
    first = doc.section("activities").paragraphs[0]
    # Event 0 has a check-in list (one person of "Org 0"): the list wins over the record.
    assert "Tbilisi on 1 January 2020; representatives of 1 CSO took part." in first
    statements = doc.section("statements").items
    assert statements == [
        "“Paper 1” (statement, 1 February 2020).",
        "“Paper 3” (statement, 1 April 2020).",
    ]
    distribution = doc.section("distribution")
    assert (
        "“Paper 0” was distributed to 100 stakeholders, including universities (10) and "
        "libraries." in distribution.paragraphs
    )
    assert "In 2020 publications were distributed to 406 stakeholders" in distribution.text()


def test_forum_report_compares_the_platforms(small_platform, demo_platform):
    platform, groups = small_platform
    add_activities(platform, 2014, 4, groups)
    doc = build_forum_report(2014, language="en")
    rows = {row[0]: row for row in doc.section("comparison").tables[0].rows}
    assert rows["Azerbaijan National Platform"][1] == "45"
    assert rows["Azerbaijan National Platform"][4] == "2"
    assert rows["Georgian National Platform"][4] == "4"
    activities = doc.section("activities").paragraphs
    assert len(activities) == 6
    assert activities[0].startswith("Georgian National Platform: The workshop number 0")
    assert any(
        "Azerbaijan National Platform: The workshop on communication" in p for p in activities
    )
    assert "Avaz Hasanov" in doc.section("governance").text()
