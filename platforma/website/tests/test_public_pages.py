"""The public website as a visitor reads it, in each language, on the seed's platform."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from platforma.governance.models import Mandate
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import (
    MembershipFactory,
    OfficeFactory,
    PersonFactory,
    WorkingGroupFactory,
)
from platforma.workinggroups.models import Enrolment

pytestmark = pytest.mark.django_db


def get(client, lang, name, *args, **params):
    with translation.override(lang):
        url = reverse(f"website:{name}", args=args)
    response = client.get(url, params)
    return response, response.content.decode()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Azerbaijan National Platform",
                "November 2009",
                "45 member organisations",
                "Country Facilitator",
                "Avaz Hasanov",
                "Humanitarian Research Public Union",
                "Board of Governance",
                "https://eap-csf.az/",
            ],
        ),
        (
            "az",
            [
                "Azərbaycan Milli Platforması",
                "2009",
                "45 üzv",
                "Əvəz Həsənov",
                "Humanitar Tədqiqatlar İctimai Birliyi",
                "İdarə Heyəti",
            ],
        ),
        (
            "ru",
            [
                "Национальная платформа Азербайджана",
                "2009",
                "45 организаций-членов",
                "Аваз Гасанов",
                "Общественное объединение «Гуманитарные исследования»",
                "Правление",
            ],
        ),
    ],
)
def test_platform_home_says_what_the_seed_says(client, demo_platform, lang, expected):
    response, html = get(client, lang, "platform-home", "azerbaijan")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    for text in expected:
        assert text in html, text


def test_home_marks_demo_data(client, demo_platform):
    _, html = get(client, "en", "platform-home", "azerbaijan")
    assert "Demonstration data" in html


def test_board_on_the_home_page_is_the_derived_one(client, demo_platform):
    _, html = get(client, "en", "platform-home", "azerbaijan")
    board = html.split("<caption>Board of Governance</caption>")[1].split("</table>")[0]
    assert board.count("<tr>") == 1 + 6  # header + coordinator + five WG coordinators
    assert "Platform coordinator (Country Facilitator)" in board
    for number in range(1, 6):
        assert f"Coordinator of WG{number}" in board


def test_platform_list(client, demo_platform):
    response, html = get(client, "en", "platform-list")
    assert response.status_code == 200
    assert "Azerbaijan National Platform" in html
    assert "45 member organisations" in html


def test_platform_list_empty_state(client, db):
    _, html = get(client, "en", "platform-list")
    assert "No platform has been set up yet." in html


def test_unknown_platform_is_404(client, db):
    response, _ = get(client, "en", "platform-home", "atlantis")
    assert response.status_code == 404


def test_root_redirects_to_a_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_language_switcher_links_to_the_same_page(client, demo_platform):
    _, html = get(client, "en", "member-list", "azerbaijan")
    assert 'href="/az/azerbaijan/members/"' in html
    assert 'href="/ru/azerbaijan/members/"' in html


class TestMemberDirectory:
    def test_lists_all_members_in_good_standing(self, client, demo_platform):
        response, html = get(client, "en", "member-list", "azerbaijan")
        assert response.context["page"].paginator.count == 45
        assert "Humanitarian Research Public Union" in html
        assert "45 organisations found" in html

    def test_filter_by_working_group(self, client, demo_platform):
        response, html = get(client, "en", "member-list", "azerbaijan", wg="wg3")
        members = list(response.context["page"].object_list)
        assert len(members) == 10
        assert all(
            any(e.working_group.slug == "wg3" for e in m.current_enrolments) for m in members
        )

    def test_search_by_name_in_any_language(self, client, demo_platform):
        response, html = get(client, "ru", "member-list", "azerbaijan", q="Humanitarian")
        assert [m.organisation.acronym for m in response.context["page"].object_list] == ["HRPU"]
        assert "Общественное объединение «Гуманитарные исследования»" in html

    def test_no_match_says_so(self, client, demo_platform):
        _, html = get(client, "en", "member-list", "azerbaijan", q="zzzz-no-such")
        assert "No member organisation matches your search." in html

    def test_unknown_group_says_so_and_shows_everyone(self, client, demo_platform):
        response, html = get(client, "en", "member-list", "azerbaijan", wg="wg99")
        assert "There is no such working group" in html
        assert response.context["page"].paginator.count == 45

    @pytest.mark.parametrize("params", [{}, {"wg": "wg1"}])
    def test_query_count_does_not_grow_with_members(self, client, demo_platform, params):
        group = demo_platform.working_groups.get(slug="wg1")
        with translation.override("en"):
            page = reverse("website:member-list", args=["azerbaijan"])
        response = assert_page_budget(
            client, page, lambda n: enrol(group, n), data=params, ceiling=8
        )
        enrolled = Enrolment.objects.filter(working_group=group, until__isnull=True)
        expected = enrolled.count() if params else 45 + 9
        assert response.context["page"].paginator.count == expected


def enrol(group, n):
    """n new members in good standing, enrolled in ``group``."""
    return [
        Enrolment.objects.create(
            working_group=group,
            membership=MembershipFactory(platform=group.platform),
            since=datetime.date(2014, 1, 1),
        )
        for _ in range(n)
    ]


def add_groups_with_coordinators(platform, n):
    for _ in range(n):
        number = platform.working_groups.count() + 1
        group = WorkingGroupFactory(platform=platform, slug=f"extra{number}", position=number)
        (enrolment,) = enrol(group, 1)
        office = OfficeFactory(
            platform=platform, kind="wg_coordinator", working_group=group, name_en="Coordinator"
        )
        Mandate.objects.create(
            office=office,
            person=PersonFactory(),
            organisation=enrolment.membership.organisation,
            starts_on=datetime.date(2014, 1, 1),
        )


def test_working_group_list_query_budget(client, demo_platform):
    with translation.override("en"):
        page = reverse("website:workinggroup-list", args=["azerbaijan"])
    response = assert_page_budget(
        client, page, lambda n: add_groups_with_coordinators(demo_platform, n), ceiling=8
    )
    assert response.content.decode().count('class="card"') == 5 + 9


def test_working_group_detail_query_budget(client, demo_platform):
    group = demo_platform.working_groups.get(slug="wg1")
    with translation.override("en"):
        page = reverse("website:workinggroup-detail", args=["azerbaijan", "wg1"])
    response = assert_page_budget(client, page, lambda n: enrol(group, n), ceiling=10)
    assert "Civic Organisation" in response.content.decode()


def test_governance_page_query_budget(client, demo_platform):
    with translation.override("en"):
        page = reverse("website:governance", args=["azerbaijan"])
    assert_page_budget(
        client, page, lambda n: add_groups_with_coordinators(demo_platform, n), ceiling=12
    )


def test_platform_list_query_budget(client, demo_platform):
    with translation.override("en"):
        page = reverse("website:platform-list")
    assert_page_budget(client, page, lambda n: [MembershipFactory() for _ in range(n)], ceiling=8)


def test_working_groups_and_their_coordinators(client, demo_platform):
    response, html = get(client, "en", "workinggroup-list", "azerbaijan")
    assert html.count('class="card"') == 5
    assert "Leyla Mammadova" in html
    _, html = get(client, "az", "workinggroup-detail", "azerbaijan", "wg1")
    assert "Demokratiya, insan hüquqları, yaxşı idarəetmə və sabitlik" in html
    assert "Leyla Məmmədova" in html
    assert "Humanitar Tədqiqatlar İctimai Birliyi" in html


def test_unknown_working_group_is_404(client, demo_platform):
    response, _ = get(client, "en", "workinggroup-detail", "azerbaijan", "wg42")
    assert response.status_code == 404


def test_governance_page(client, demo_platform):
    response, html = get(client, "en", "governance", "azerbaijan")
    assert response.status_code == 200
    assert "General Assembly" in html
    assert "45 member organisations in good standing sit in it" in html
    assert "Platform coordinator; Working group coordinator" in html
    assert "Steering Committee" in html
    assert "Statute of the Azerbaijan National Platform" in html
    assert "more than 1/2 of the members in good standing" in html


def test_pages_of_a_platform_without_records(client, db):
    from platforma.testing.factories import PlatformFactory

    PlatformFactory(slug="moldova", name_en="Moldovan National Platform")
    for name in ("platform-home", "member-list", "workinggroup-list", "governance"):
        response, html = get(client, "en", name, "moldova")
        assert response.status_code == 200, name
    _, html = get(client, "en", "platform-home", "moldova")
    assert "The office of platform coordinator is vacant." in html
    assert "This platform has no working groups yet." in html
    _, html = get(client, "en", "governance", "moldova")
    assert "No statute has been recorded for this platform yet." in html
    _, html = get(client, "en", "member-list", "moldova")
    assert "This platform has no members yet." in html
