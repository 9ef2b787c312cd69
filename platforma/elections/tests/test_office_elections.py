"""Creating and editing an election in the office, through HTTP: rules, refusals, audit, 404s."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Election
from platforma.governance.models import Mandate
from platforma.governance.services import mandate_start
from platforma.testing.budget import assert_page_budget

from .factories import make_election, make_world

pytestmark = pytest.mark.django_db

UTC = zoneinfo.ZoneInfo("UTC")


def url(name, election, *args, slug=None):
    return reverse(f"elections:{name}", args=[slug or election.platform.slug, election.pk, *args])


def office_list(world):
    return reverse("elections:office-list", args=[world.platform.slug])


def actions(action):
    return AuditEntry.objects.filter(action=action)


@pytest.fixture
def baku(world):
    world.platform.time_zone = "Asia/Baku"
    world.platform.save()
    return world


@pytest.fixture
def seat_held(world):
    """The office's one seat is held from 2029-01-01 to 2030-12-31."""
    holder = world.members[0]
    return mandate_start(
        actor=None,
        office=world.office,
        person=holder.person,
        organisation=holder.organisation,
        starts_on=datetime.date(2029, 1, 1),
        ends_on=datetime.date(2030, 12, 31),
    )


def creation(world, **extra):
    return {
        "title_en": "Election of the coordinator",
        "title_az": "Koordinatorun seçkisi",
        "body": world.body.pk,
        "office": world.office.pk,
        "method": "plurality",
        "seats": 1,
        "term_starts_on": "2030-06-01",
        "voting_opens_at": "2030-05-10T10:00",
        "voting_closes_at": "2030-05-10T18:00",
        **extra,
    }


# --- creation ------------------------------------------------------------------------------


def test_an_office_election_with_no_seat_to_fill_is_refused_with_the_reason(
    client, world, seat_held
):
    client.force_login(world.secretariat)
    response = client.post(office_list(world), creation(world))
    assert response.status_code == 400
    html = response.content.decode()
    assert "has no seat to fill for a term starting on" in html
    assert "its 1 seat is held" in html
    assert f"{world.members[0].person.full_name} until 31 December 2030" in html
    assert "A seat is free for a term starting on 1 January 2031" in html
    assert "Nothing was saved" in html
    assert not Election.objects.exists()
    assert not actions("elections.election.created").exists()


def test_a_term_after_the_mandate_ends_has_its_seat(client, world, seat_held):
    client.force_login(world.secretariat)
    response = client.post(office_list(world), creation(world, term_starts_on="2031-01-01"))
    election = Election.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("office-detail", election)
    assert election.office == world.office
    assert election.title_az == "Koordinatorun seçkisi"
    entry = actions("elections.election.created").get()
    assert entry.actor == world.secretariat
    assert entry.target_id == str(election.pk)


def test_more_seats_than_are_free_is_refused(client, world, seat_held):
    world.office.seats = 2
    world.office.save()
    client.force_login(world.secretariat)
    response = client.post(office_list(world), creation(world, seats=2))
    assert response.status_code == 400
    assert "has 1 free seat for a term starting on" in response.content.decode()
    assert "cannot fill 2" in response.content.decode()
    assert not Election.objects.exists()


def test_creation_offers_only_the_platforms_bodies_and_offices(client, world):
    other = make_world("elsewhere", members=0)
    client.force_login(world.secretariat)
    page = client.get(office_list(world)).content.decode()
    assert f'value="{world.office.pk}"' in page
    assert f'value="{other.body.pk}"' not in page
    assert "Time zone: UTC" in page
    response = client.post(
        office_list(world), creation(world, body=other.body.pk, office=other.office.pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Election.objects.exists()


def test_the_service_refuses_another_platforms_body(world):
    from django.core.exceptions import PermissionDenied

    other = make_world("elsewhere", members=0)
    with pytest.raises(PermissionDenied):
        services.election_create(
            actor=world.secretariat,
            platform=world.platform,
            body=other.body,
            method="plurality",
            title="x",
            voting_opens_at=timezone.now(),
            voting_closes_at=timezone.now() + datetime.timedelta(hours=1),
        )
    assert not Election.objects.exists()


# --- editing -------------------------------------------------------------------------------


def test_the_secretariat_edits_a_draft_in_the_platforms_zone(client, baku):
    world = baku
    election = make_election(world, office=False)
    client.force_login(world.secretariat)
    page = client.get(url("office-election-edit", election)).content.decode()
    assert "Time zone: Asia/Baku" in page
    assert 'value="Election of the platform coordinator"' in page
    response = client.post(
        url("office-election-edit", election),
        {
            "title_en": "Election of the auditors",
            "title_az": "Auditorların seçkisi",
            "title_ru": "Выборы ревизоров",
            "office": "",
            "method": "approval",
            "seats": 2,
            "voting_opens_at": "2031-03-01T10:00",
            "voting_closes_at": "2031-03-01T16:30",
            "nominations_close_at": "2031-02-20T18:00",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("office-detail", election)
    election.refresh_from_db()
    assert (election.title_en, election.title_az, election.title_ru) == (
        "Election of the auditors",
        "Auditorların seçkisi",
        "Выборы ревизоров",
    )
    assert (election.method, election.seats) == ("approval", 2)
    assert election.voting_opens_at == datetime.datetime(2031, 3, 1, 6, 0, tzinfo=UTC)
    assert election.voting_closes_at == datetime.datetime(2031, 3, 1, 12, 30, tzinfo=UTC)
    assert election.nominations_close_at == datetime.datetime(2031, 2, 20, 14, 0, tzinfo=UTC)
    entry = actions("elections.election.updated").get()
    assert entry.actor == world.secretariat
    assert entry.data["changes"]["method"] == {"before": "plurality", "after": "approval"}
    # The page shows the times back as they were typed.
    page = client.get(url("office-election-edit", election)).content.decode()
    assert 'value="2031-03-01T10:00"' in page


def test_edits_while_nominations_are_open(client, world):
    election = make_election(world, office=False)
    services.election_open_nominations(actor=world.secretariat, election=election)
    client.force_login(world.secretariat)
    assert "Change the settings" in client.get(url("office-detail", election)).content.decode()
    data = {
        "title_en": "Renamed",
        "method": "plurality",
        "seats": 1,
        "voting_opens_at": "2031-03-01T10:00",
        "voting_closes_at": "2031-03-01T16:30",
    }
    response = client.post(url("office-election-edit", election), data)
    assert response.status_code == 302
    election.refresh_from_db()
    assert election.title_en == "Renamed"


def test_a_bad_edit_is_refused_with_the_reason_and_nothing_changes(client, world):
    election = make_election(world, office=False)
    client.force_login(world.secretariat)
    response = client.post(
        url("office-election-edit", election),
        {
            "title_en": "Renamed",
            "method": "irv",
            "seats": 3,
            "voting_opens_at": "2031-03-01T10:00",
            "voting_closes_at": "2031-03-01T09:00",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This method fills exactly one seat." in html
    assert "Voting must close after it opens." in html
    election.refresh_from_db()
    assert election.title == "Election of the platform coordinator"
    assert not actions("elections.election.updated").exists()


def test_moving_a_draft_to_an_office_with_no_free_seat_is_refused(client, world, seat_held):
    election = make_election(world, office=False)
    client.force_login(world.secretariat)
    response = client.post(
        url("office-election-edit", election),
        {
            "title_en": "Coordinator",
            "office": world.office.pk,
            "term_starts_on": "2030-01-01",
            "method": "plurality",
            "seats": 1,
            "voting_opens_at": "2029-11-01T10:00",
            "voting_closes_at": "2029-11-01T16:00",
        },
    )
    assert response.status_code == 400
    assert "has no seat to fill" in response.content.decode()
    election.refresh_from_db()
    assert election.office is None
    assert not actions("elections.election.updated").exists()


def test_a_title_edit_is_not_refused_for_seats_filled_since_creation(world):
    """Only a change of office, term or seats re-checks the seats."""
    election = make_election(world, term_starts_on=datetime.date(2030, 1, 1))
    Mandate.objects.create(
        office=world.office,
        person=world.members[1].person,
        organisation=world.members[1].organisation,
        starts_on=datetime.date(2029, 1, 1),
    )
    services.election_update(actor=world.secretariat, election=election, title_en="New title")
    election.refresh_from_db()
    assert election.title_en == "New title"


@pytest.mark.parametrize("state", ["voting", "closed"])
def test_edits_are_refused_once_voting_has_opened(client, world, state):
    election = make_election(world, office=False)
    Election.objects.filter(pk=election.pk).update(state=state)
    client.force_login(world.secretariat)
    page = client.get(url("office-election-edit", election))
    assert page.status_code == 200
    assert "its settings can change only in its draft" in page.content.decode()
    assert 'name="title_en"' not in page.content.decode()
    detail = client.get(url("office-detail", election)).content.decode()
    assert "Change the settings" not in detail
    response = client.post(
        url("office-election-edit", election),
        {
            "title_en": "Renamed",
            "method": "plurality",
            "seats": 1,
            "voting_opens_at": "2031-03-01T10:00",
            "voting_closes_at": "2031-03-01T16:30",
        },
    )
    assert response.status_code == 400
    assert "its settings can change only in its draft" in response.content.decode()
    election.refresh_from_db()
    assert election.title == "Election of the platform coordinator"
    assert not actions("elections.election.updated").exists()


def test_another_platforms_election_is_not_found(client, world):
    election = make_election(world, office=False)
    other = make_world("elsewhere", members=0)
    client.force_login(other.secretariat)
    for slug in (world.platform.slug, other.platform.slug):
        edit = url("office-election-edit", election, slug=slug)
        assert client.get(edit).status_code == 404
        assert client.post(edit, {"title_en": "Mine now"}).status_code == 404
    election.refresh_from_db()
    assert election.title == "Election of the platform coordinator"
    client.logout()
    assert client.get(url("office-election-edit", election)).status_code == 302


def test_the_office_list_query_budget(client, world):
    made = []

    def add_elections(n):
        for _ in range(n):
            made.append(make_election(world, office=False, title=f"E{len(made)}"))

    client.force_login(world.secretariat)
    response = assert_page_budget(client, office_list(world), add_elections, ceiling=16)
    assert response.content.decode().count("/office/") >= 9
