"""Pages through the test client: permissions, forms calling services, live quorum JSON,
minutes HTML and PDF, the register and the mandate dashboard, with query budgets."""

import datetime
import subprocess

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from platforma.governance.models import Mandate
from platforma.meetings import services
from platforma.meetings.models import Attendance, Decision, Motion, Proxy
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import OfficeFactory, PersonFactory

from .conftest import at, check_in, new_member, open_sitting

pytestmark = pytest.mark.django_db
T = {"actor": None, "actor_label": "test"}


def url(name, meeting, *extra):
    return reverse(f"meetings:{name}", args=[meeting.platform.slug, meeting.pk, *extra])


BACK_OFFICE = [
    "meeting-detail",
    "attendance",
    "proxies",
    "quorum",
    "quorum-json",
    "motion-list",
    "minutes",
    "minutes-pdf",
]


@pytest.mark.parametrize("name", BACK_OFFICE)
def test_anonymous_is_sent_to_log_in(client, meeting, name):
    response = client.get(url(name, meeting))
    assert response.status_code == 302
    assert resolve_url(settings.LOGIN_URL) in response["Location"]
    assert "next=" in response["Location"]


@pytest.mark.parametrize("name", BACK_OFFICE)
def test_another_platforms_user_gets_404(client, meeting, outsider, name):
    client.force_login(outsider)
    assert client.get(url(name, meeting)).status_code == 404
    assert client.post(url(name, meeting), {"membership": 1}).status_code == 404


def test_another_platforms_user_cannot_check_in(client, meeting, members, outsider):
    client.force_login(outsider)
    response = client.post(url("attendance", meeting), {"membership": members[0].pk})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_meeting_list_and_dashboard_are_for_managers(client, meeting, secretary, outsider):
    list_url = reverse("meetings:meeting-list", args=[meeting.platform.slug])
    dash_url = reverse("meetings:mandate-dashboard", args=[meeting.platform.slug])
    assert client.get(list_url).status_code == 302
    client.force_login(outsider)
    assert client.get(list_url).status_code == 404
    assert client.get(dash_url).status_code == 404
    client.force_login(secretary)
    assert "General Assembly 2014" in client.get(list_url).content.decode()


def test_secretary_checks_in_and_the_json_follows(client, meeting, members, secretary):
    open_sitting(meeting)
    client.force_login(secretary)
    response = client.post(url("attendance", meeting), {"memberships": [m.pk for m in members[:5]]})
    assert response.status_code == 302
    data = client.get(url("quorum-json", meeting)).json()
    assert (data["present"], data["members"], data["required"], data["met"]) == (5, 9, 5, True)
    page = client.get(url("attendance", meeting)).content.decode()
    assert "5 present + 0 represented of 9 members" in page
    # an organisation already present is no longer offered
    response = client.post(url("attendance", meeting), {"memberships": [members[0].pk]})
    assert "Select a valid choice" in response.content.decode()
    # check-out
    first = Attendance.objects.get(membership=members[0])
    client.post(url("attendance", meeting), {"check_out": first.pk})
    assert client.get(url("quorum-json", meeting)).json()["met"] is False


def test_quorum_page_works_without_js(client, meeting, members, secretary):
    check_in(meeting, members[:2])
    client.force_login(secretary)
    page = client.get(url("quorum", meeting)).content.decode()
    assert 'data-field="counted">2<' in page
    assert "No quorum" in page
    assert "Refresh" in page
    assert "quorum.js" in page


def test_proxy_form_refuses_beyond_the_limit(client, meeting, members, secretary):
    client.force_login(secretary)
    ok = client.post(url("proxies", meeting), {"giver": members[1].pk, "holder": members[0].pk})
    assert ok.status_code == 302
    refused = client.post(
        url("proxies", meeting), {"giver": members[2].pk, "holder": members[0].pk}, follow=True
    )
    assert "at most 1 proxy" in refused.content.decode()
    assert Proxy.objects.count() == 1


def test_motion_votes_and_result_through_the_pages(client, meeting, members, secretary):
    check_in(meeting, members[:5])
    client.force_login(secretary)
    response = client.post(
        url("motion-list", meeting), {"title": "Adopt the plan", "kind": "ordinary", "text": ""}
    )
    motion = Motion.objects.get()
    assert response["Location"] == url("motion-votes", meeting, motion.pk)
    votes = {f"m{m.pk}": "for" for m in members[:4]} | {f"m{members[4].pk}": "against"}
    client.post(url("motion-votes", meeting, motion.pk), {"record": "1", **votes})
    page = client.post(url("motion-votes", meeting, motion.pk), {"decide": "1"}, follow=True)
    text = page.content.decode()
    assert "4 for, 1 against of 5 votes cast" in text
    assert "adopted" in text
    decision = Decision.objects.get()
    assert decision.reference.startswith("GA-")
    assert decision.reference in text


def test_result_refused_without_quorum_through_the_page(client, meeting, members, secretary):
    check_in(meeting, members[:2])
    motion = services.motion_create(meeting=meeting, title_en="M", **T)
    client.force_login(secretary)
    page = client.post(url("motion-votes", meeting, motion.pk), {"decide": "1"})
    assert "No result without quorum" in page.content.decode()
    motion.refresh_from_db()
    assert motion.status == "open"


def test_public_register_shows_public_decisions_only(client, meeting, members, secretary):
    check_in(meeting, members[:5])
    for title, public in (("Open decision", True), ("Internal decision", False)):
        motion = services.motion_create(meeting=meeting, title_en=title, **T)
        services.votes_record(motion=motion, choices=dict.fromkeys(members[:5], "for"), **T)
        services.motion_decide(motion=motion, is_public=public, at=at((3, 15), 12), **T)
    register = reverse("meetings:decision-list", args=[meeting.platform.slug])
    public = client.get(register).content.decode()
    assert "Open decision" in public
    assert "Internal decision" not in public
    assert "GA-2014-01" in public
    assert "Open decision" not in client.get(register, {"q": "nothing"}).content.decode()
    assert "Open decision" in client.get(register, {"q": "GA-2014-01"}).content.decode()
    client.force_login(secretary)
    assert "Internal decision" in client.get(register).content.decode()


def _decide(meeting, voters, n, *, public=True):
    """n motions, each voted on by ``voters`` and decided (numbers GA-2014-..)."""
    for _ in range(n):
        title = f"D{Motion.objects.filter(meeting=meeting).count()}"
        motion = services.motion_create(meeting=meeting, title_en=title, **T)
        services.votes_record(motion=motion, choices=dict.fromkeys(voters, "for"), **T)
        services.motion_decide(motion=motion, is_public=public, at=at((3, 15), 12), **T)


def test_register_query_budget(client, meeting, members):
    check_in(meeting, members[:5])
    register = reverse("meetings:decision-list", args=[meeting.platform.slug])
    response = assert_page_budget(
        client, register, lambda n: _decide(meeting, members[:5], n), ceiling=8
    )
    assert response.content.decode().count("GA-2014-") == 9


def test_proxies_page_query_budget(client, meeting, platform, secretary):
    def give(n):
        for _ in range(n):
            services.proxy_give(
                meeting=meeting, giver=new_member(platform), holder=new_member(platform), **T
            )

    client.force_login(secretary)
    assert_page_budget(client, url("proxies", meeting), give, ceiling=16)
    assert Proxy.objects.filter(meeting=meeting).count() == 9


@pytest.mark.parametrize(("name", "ceiling"), [("minutes", 22), ("motion-list", 22)])
def test_motion_pages_query_budgets(client, meeting, members, secretary, name, ceiling):
    check_in(meeting, members)
    services.proxy_give(meeting=meeting, giver=members[0], holder=members[1], **T)
    client.force_login(secretary)
    response = assert_page_budget(
        client, url(name, meeting), lambda n: _decide(meeting, members[1:6], n), ceiling=ceiling
    )
    assert "D8" in response.content.decode()


def test_meeting_list_query_budget(client, meeting, assembly, secretary):
    made = []

    def add_meetings(n):
        for _ in range(n):
            made.append(
                services.meeting_create(
                    body=assembly,
                    starts_at=at((4, 1 + len(made))),
                    title_en=f"Sitting {len(made)}",
                    place_en="Baku",
                    **T,
                )
            )

    client.force_login(secretary)
    response = assert_page_budget(
        client,
        reverse("meetings:meeting-list", args=[meeting.platform.slug]),
        add_meetings,
        ceiling=12,
    )
    assert "Sitting 8" in response.content.decode()


def test_mandate_dashboard_lists_vacancies_and_terms_ending(client, platform, members, secretary):
    from platforma.core.models import today_in
    from platforma.meetings.selectors import vacancies_and_expiring

    today = today_in(platform)
    office = OfficeFactory(platform=platform, name_en="Auditor", seats=2)
    Mandate.objects.create(
        office=office,
        person=PersonFactory(last_name_en="Ending"),
        organisation=members[0].organisation,
        starts_on=today - datetime.timedelta(days=700),
        ends_on=today + datetime.timedelta(days=30),
    )
    full = OfficeFactory(platform=platform, name_en="Coordinator")
    Mandate.objects.create(
        office=full,
        person=PersonFactory(),
        starts_on=today,
        organisation=members[1].organisation,
        ends_on=today + datetime.timedelta(days=700),
    )
    data = vacancies_and_expiring(platform, today)
    assert [(v.office.name, v.free) for v in data["vacancies"]] == [("Auditor", 1)]
    assert [m.person.last_name for m in data["expiring"]] == ["Ending"]
    client.force_login(secretary)
    page = client.get(reverse("meetings:mandate-dashboard", args=[platform.slug]))
    text = page.content.decode()
    assert "Auditor" in text
    assert "Ending" in text


def test_minutes_html_pdf_and_lock(client, meeting, assembly, members, secretary, tmp_path):
    check_in(meeting, members[:5])
    check_in(meeting, members[5:6], at((3, 15), 11, 20))
    motion = services.motion_create(meeting=meeting, title_en="Adopt the budget", **T)
    services.votes_record(motion=motion, choices=dict.fromkeys(members[:6], "for"), **T)
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    later = services.meeting_create(
        body=assembly, starts_at=at((11, 1)), title_en="Autumn GA", place_en="Baku", **T
    )
    client.force_login(secretary)
    client.post(
        url("minutes", meeting),
        {"narrative": "The chair thanked the hosts.", "secretary": "Leyla Mammadova", "save": "1"},
    )
    html = client.get(url("minutes", meeting)).content.decode()
    assert "The chair thanked the hosts." in html
    assert "6 of 9 member organisations" in html
    assert "1 arrived late." in html
    assert "GA-2014-01" in html
    response = client.get(url("minutes-pdf", meeting))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "General Assembly 2014" in text
    assert "GA-2014-01" in text
    assert "6 for, 0 against" in text
    assert "Page 2 /" in text
    client.post(url("minutes", meeting), {"at_meeting": later.pk, "approve": "1"})
    refused = client.post(url("minutes", meeting), {"narrative": "rewritten", "save": "1"})
    assert refused.status_code == 200  # locked: no form shown, nothing changed
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.is_locked
    assert meeting.minutes.narrative.startswith("The chair")


def test_quorum_updated_time_is_the_meetings_and_outside_the_live_region(
    client, meeting, members, secretary
):
    """The time of each poll is shown in the meeting's zone (not UTC), and only the numbers sit
    in the aria-live region: a screen reader announces a change of quorum, not every poll."""
    import re
    import zoneinfo

    from django.utils import timezone

    check_in(meeting, members[:2])
    client.force_login(secretary)
    data = client.get(url("quorum-json", meeting)).json()
    at = datetime.datetime.fromisoformat(data["at"])
    offset = timezone.now().astimezone(zoneinfo.ZoneInfo(meeting.time_zone)).utcoffset()
    assert at.utcoffset() == offset
    assert data["updated"] == f"Updated at {at:%H:%M:%S} ({meeting.time_zone})"
    page = client.get(url("quorum", meeting)).content.decode()
    live = re.search(r'<div class="quorum-live" aria-live="polite">(.*?)</div>\s*<p', page, re.S)
    assert live is not None
    assert page.count("aria-live") == 1
    assert 'data-field="counted">2<' in live.group(1)
    assert 'data-field="updated"' not in live.group(1)
    assert f"({meeting.time_zone})</span>" in page.split(live.group(1))[1]
