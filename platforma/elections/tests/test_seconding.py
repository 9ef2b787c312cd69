"""Seconding a nomination from the public page of the election, as a primary representative."""

import pytest
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Seconder
from platforma.members.models import Representative
from platforma.testing.budget import assert_page_budget

from .factories import appoint_tellers, make_election, make_member, make_world

pytestmark = pytest.mark.django_db

BUTTON = "Second this nomination"


def url(name, election, *args):
    return reverse(f"elections:{name}", args=[election.platform.slug, election.pk, *args])


@pytest.fixture
def world(db):
    return make_world("seconds", rules={"nominations": {"seconders_required": 2}})


@pytest.fixture
def nominating(world):
    election = make_election(world)
    services.election_open_nominations(actor=world.secretariat, election=election)
    candidate = world.members[0]
    nomination = services.nomination_create(
        actor=candidate.user,
        election=election,
        person=candidate.person,
        organisation=candidate.organisation,
    )
    return election, nomination


def test_representative_seconds_through_the_page(client, world, nominating):
    election, nomination = nominating
    member = world.members[1]
    client.force_login(member.user)
    page = client.get(url("election-detail", election)).content.decode()
    assert BUTTON in page
    assert "0 of 2 seconders required" in page
    response = client.post(
        url("nomination-second", election, nomination.pk),
        {"organisation": member.organisation.pk},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url("election-detail", election)
    assert f"{member.organisation} seconds the nomination of {nomination.person.full_name}" in html
    assert "1 of 2 seconders required" in html
    assert BUTTON not in html
    seconder = Seconder.objects.get()
    assert (seconder.nomination, seconder.organisation) == (nomination, member.organisation)
    assert AuditEntry.objects.filter(action="elections.nomination.seconded").count() == 1

    # The second time is refused with a message, and nothing more is recorded.
    again = client.post(url("nomination-second", election, nomination.pk), follow=True)
    assert "This organisation already seconds the nomination." in again.content.decode()
    assert Seconder.objects.count() == 1
    assert AuditEntry.objects.filter(action="elections.nomination.seconded").count() == 1


def test_the_candidates_organisation_gets_no_button_and_is_refused(client, world, nominating):
    election, nomination = nominating
    candidate = world.members[0]
    client.force_login(candidate.user)
    page = client.get(url("election-detail", election)).content.decode()
    assert BUTTON not in page
    response = client.post(url("nomination-second", election, nomination.pk), follow=True)
    assert "cannot second" in response.content.decode()
    assert not Seconder.objects.exists()


def test_a_representative_cannot_second_for_another_organisation(client, world, nominating):
    election, nomination = nominating
    client.force_login(world.members[1].user)
    response = client.post(
        url("nomination-second", election, nomination.pk),
        {"organisation": world.members[2].organisation.pk},
        follow=True,
    )
    assert "You may not second for this organisation." in response.content.decode()
    assert not Seconder.objects.exists()


def test_who_finds_no_door(client, world, nominating, django_user_model):
    election, nomination = nominating
    second_url = url("nomination-second", election, nomination.pk)
    assert "/accounts/login/" in client.post(second_url)["Location"]
    alternate = make_member(world.platform, 40, role=Representative.Role.ALTERNATE)
    stranger = django_user_model.objects.create_user("nobody", password="x-12345678")
    for user in (alternate.user, stranger):
        client.force_login(user)
        assert BUTTON not in client.get(url("election-detail", election)).content.decode()
        assert client.post(second_url).status_code == 404
    client.force_login(world.members[1].user)
    assert client.get(second_url).status_code == 405
    assert not Seconder.objects.exists()


def test_no_seconding_once_voting_is_open(client, world, nominating):
    election, nomination = nominating
    services.nomination_answer(actor=world.members[0].user, nomination=nomination, accept=True)
    Seconder.objects.create(nomination=nomination, organisation=world.members[2].organisation)
    Seconder.objects.create(nomination=nomination, organisation=world.members[3].organisation)
    appoint_tellers(world, election)
    services.election_open_voting(actor=world.secretariat, election=election)
    client.force_login(world.members[1].user)
    assert BUTTON not in client.get(url("election-detail", election)).content.decode()
    response = client.post(url("nomination-second", election, nomination.pk), follow=True)
    assert "Nominations are not open in this election." in response.content.decode()
    assert Seconder.objects.count() == 2


def _nominate(world, election, members):
    for member in members:
        services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=member.person,
            organisation=member.organisation,
        )


def test_detail_page_query_budget(client, world, nominating):
    """Constant in the number of nominations, for a representative who may second them."""
    election, _ = nominating
    world.members += [make_member(world.platform, i) for i in range(4, 13)]
    candidates = iter(world.members[2:])
    client.force_login(world.members[1].user)

    def add_nominations(n):
        _nominate(world, election, [next(candidates) for _ in range(n)])

    # 20: one more since the page tells a teller who has not taken their share (issue 12);
    # 21: django-otp reads the session's verified device on every request (issue 13);
    # 22: the header asks whether a logged-in non-manager coordinates a working group (issue 15).
    response = assert_page_budget(
        client, url("election-detail", election), add_nominations, ceiling=22
    )
    assert response.content.decode().count(BUTTON) == 1 + 9
