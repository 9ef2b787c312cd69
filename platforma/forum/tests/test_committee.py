"""The Steering Committee: derived from the Forum statute and the mandates in force, following a
platform's election on the new mandate's first day; its co-chairs elected by the Committee."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from platforma.core.models import Platform, PlatformRole
from platforma.elections import services as elections
from platforma.elections.models import Election
from platforma.elections.tests.factories import (
    SHARES,
    World,
    make_world,
    running_election,
)
from platforma.governance.models import Body, Mandate, Office
from platforma.governance.selectors import committee_memberships, steering_committee
from platforma.testing.factories import (
    BodyFactory,
    ForumFactory,
    OfficeFactory,
    StatuteFactory,
    WorkingGroupFactory,
)
from platforma.workinggroups.models import ForumWorkingGroup

pytestmark = pytest.mark.django_db

COMPOSITION = ["co_chair", "country_facilitators", "wg_coordinator"]
SINCE = datetime.date(2024, 1, 1)


@dataclass
class Forum:
    row: Platform
    committee: Body
    co_chair: Office
    wg_coordinator: Office
    secretariat: object
    armenia: World
    georgia: World


def hold(office, member, starts_on, ends_on=None):
    return Mandate.objects.create(
        office=office,
        person=member.person,
        organisation=member.organisation,
        starts_on=starts_on,
        ends_on=ends_on,
    )


@pytest.fixture
def forum():
    row = ForumFactory()
    StatuteFactory(platform=row, rules={"steering_committee": COMPOSITION})
    committee = BodyFactory(
        platform=row, kind=Body.Kind.STEERING_COMMITTEE, name_en="Steering Committee"
    )
    co_chair = OfficeFactory(
        platform=row, kind=Office.Kind.CO_CHAIR, body=committee, name_en="Co-chair (EaP side)"
    )
    wg1, _ = ForumWorkingGroup.objects.get_or_create(number=1, defaults={"name": "Democracy"})
    group = WorkingGroupFactory(platform=row, forum_group=wg1, slug="wg1", position=1)
    wg_coordinator = OfficeFactory(
        platform=row,
        kind=Office.Kind.WG_COORDINATOR,
        working_group=group,
        name_en="WG1 coordinator (EU side)",
    )
    secretariat = get_user_model().objects.create_user("forum-office", password="pw-forum-12345")
    PlatformRole.objects.create(user=secretariat, platform=row, role="secretariat")
    armenia = make_world("armenia", members=3)
    georgia = make_world("georgia", members=3)
    # Each platform's coordinator is its Country Facilitator.
    hold(armenia.office, armenia.members[0], SINCE)
    hold(georgia.office, georgia.members[0], SINCE)
    return Forum(row, committee, co_chair, wg_coordinator, secretariat, armenia, georgia)


def committee_page(day=None, language="en"):
    with translation.override(language):
        url = reverse("forum:steering-committee")
    response = Client().get(url, {"on": day.isoformat()} if day else {})
    assert response.status_code == 200
    return response.content.decode()


def test_composition_follows_the_statute_and_the_mandates(forum):
    today = datetime.date.today()
    hold(forum.co_chair, forum.georgia.members[1], SINCE)
    hold(forum.wg_coordinator, forum.armenia.members[2], SINCE)
    seats = steering_committee(today)
    assert [(s.part, s.mandate.person) for s in seats] == [
        ("co_chair", forum.georgia.members[1].person),
        ("country_facilitators", forum.armenia.members[0].person),
        ("country_facilitators", forum.georgia.members[0].person),
        ("wg_coordinator", forum.armenia.members[2].person),
    ]
    # Before the mandates began there was nobody; a statute without the rule: no Committee.
    assert steering_committee(SINCE - datetime.timedelta(days=1)) == []
    page = committee_page()
    for seat in seats:
        assert seat.mandate.person.full_name in page
    assert "Armenia National Platform" in page
    assert "WG1 coordinator (EU side)" in page


def test_a_new_coordinator_sits_from_the_first_day_of_the_mandate(forum):
    """Armenia elects a new coordinator; the Committee page follows on the mandate's first day."""
    armenia = forum.armenia
    starts_on = datetime.date.today() + datetime.timedelta(days=30)
    Mandate.objects.filter(office=armenia.office).update(
        ends_on=starts_on - datetime.timedelta(days=1)
    )
    election, nominations = running_election(armenia, candidates=2, term_starts_on=starts_on)
    for member in armenia.members:
        elections.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[1].candidate_key],
        )
    election = elections.election_close(
        actor=armenia.secretariat, election=election, shares=SHARES[election.pk]
    )
    elections.election_publish(actor=armenia.secretariat, election=election)

    old, new = armenia.members[0].person.full_name, armenia.members[1].person.full_name
    eve = committee_page(starts_on - datetime.timedelta(days=1))
    assert old in eve
    assert new not in eve
    first_day = committee_page(starts_on)
    assert new in first_day
    assert old not in first_day


def test_co_chairs_are_elected_by_the_committee(forum):
    """The Committee elects a co-chair from its members with the elections module: only the
    Committee's organisations are on the roll, one vote each."""
    members = [forum.armenia.members[0], forum.georgia.members[0]]
    world = World(
        platform=forum.row,
        body=forum.committee,
        office=forum.co_chair,
        secretariat=forum.secretariat,
        members=members,
    )
    roll = set(committee_memberships(datetime.date.today()).values_list("organisation", flat=True))
    assert roll == {m.organisation.pk for m in members}

    election, nominations = running_election(
        world, candidates=2, title="Election of the EaP-side co-chair"
    )
    assert election.electorate == 2
    # A member of a platform who does not sit in the Committee has no vote in it.
    outsider = forum.armenia.members[1]
    with pytest.raises(ValidationError):
        elections.ballot_cast(
            actor=outsider.user,
            election=election,
            organisation=outsider.organisation,
            choices=[nominations[1].candidate_key],
        )
    for member in members:
        elections.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[1].candidate_key],
        )
    election = elections.election_close(
        actor=forum.secretariat, election=election, shares=SHARES[election.pk]
    )
    assert election.state == Election.State.CLOSED
    elections.election_publish(actor=forum.secretariat, election=election)
    mandate = Mandate.objects.get(office=forum.co_chair)
    assert mandate.person == forum.georgia.members[0].person
    seats = steering_committee(election.term_starts_on)
    assert seats[0].part == "co_chair"
    assert seats[0].mandate == mandate


def test_a_candidate_from_outside_the_committee_is_refused(forum):
    world = World(forum.row, forum.committee, forum.co_chair, forum.secretariat, [])
    election = elections.election_create(
        actor=forum.secretariat,
        platform=forum.row,
        body=forum.committee,
        office=forum.co_chair,
        method="plurality",
        seats=1,
        title="Co-chair",
        voting_opens_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
        voting_closes_at=datetime.datetime(2030, 1, 2, tzinfo=datetime.UTC),
        term_starts_on=datetime.date(2030, 2, 1),
    )
    elections.election_open_nominations(actor=world.secretariat, election=election)
    outsider = forum.armenia.members[2]
    with pytest.raises(ValidationError, match="not a member in good standing"):
        elections.nomination_create(
            actor=forum.secretariat,
            election=election,
            person=outsider.person,
            organisation=outsider.organisation,
        )


def test_pages_in_three_languages_and_bad_dates(forum):
    for language in ("en", "az", "ru"):
        assert forum.armenia.members[0].person.full_name in committee_page(language=language)
    response = Client().get("/en/forum/steering-committee/", {"on": "31-12-2024"})
    assert response.status_code == 200
    assert "is not a date" in response.content.decode()
    response = Client().get("/en/forum/steering-committee/", {"on": "1900-01-01"})
    assert "Dates from 2009" in response.content.decode()


def test_no_forum_no_pages(db):
    for name in ("forum:home", "forum:steering-committee", "forum:workinggroup-list"):
        assert Client().get(reverse(name)).status_code == 404


def test_the_forum_secretariat_works_in_the_forum_office(forum, client):
    """The Forum row's office is a platform's office: its secretariat gets in (home, offices and
    mandates, elections, meetings), a platform's secretariat does not."""
    pages = [
        reverse("members:office-home", args=["forum"]),
        reverse("governance:office-office-list", args=["forum"]),
        reverse("elections:office-list", args=["forum"]),
        reverse("meetings:office-meeting-create", args=["forum"]),
    ]
    client.force_login(forum.secretariat)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    home = client.get(pages[0]).content.decode()
    assert reverse("forum:office-assembly-list") in home
    client.force_login(forum.armenia.secretariat)
    for page in pages:
        assert client.get(page).status_code == 404, page


def test_a_committee_meeting_convenes_and_counts_its_members(forum):
    """A meeting of the Steering Committee: the quorum counts the Committee's organisations, the
    convocation goes to the seat holders, not to the platforms' members."""
    from django.utils import timezone

    from platforma.meetings import selectors as meetings
    from platforma.meetings import services as meeting_services

    hold(forum.co_chair, forum.georgia.members[1], SINCE)
    meeting = meeting_services.meeting_create(
        actor=forum.secretariat,
        body=forum.committee,
        starts_at=timezone.now() + datetime.timedelta(days=20),
        title_en="Steering Committee, spring meeting",
        online_url="https://meet.example.org/sc",
    )
    eligible = meetings.eligible_memberships(meeting)
    organisations = set(eligible.values_list("organisation", flat=True))
    assert organisations == {
        forum.armenia.members[0].organisation.pk,
        forum.georgia.members[0].organisation.pk,
        forum.georgia.members[1].organisation.pk,
    }
    from platforma.meetings.services.meetings import convocation_recipients

    recipients, missing = convocation_recipients(meeting, meeting.date)
    holders = {forum.armenia.members[0].person, forum.georgia.members[0].person}
    holders.add(forum.georgia.members[1].person)
    assert {r["name"] for r in recipients} | set(missing) == {
        p.full_name if p.email else str(p) for p in holders
    }
