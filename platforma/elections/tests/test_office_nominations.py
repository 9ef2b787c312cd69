"""Nominating, in the office, a candidate who is not in the registry yet."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from platforma.core.models import AuditEntry, Person
from platforma.elections import services
from platforma.elections.models import Election, Nomination
from platforma.members.models import Membership, Representative
from platforma.members.services import membership_transition

from .factories import make_election, make_world

pytestmark = pytest.mark.django_db


def url(name, election, *args, slug=None):
    return reverse(f"elections:{name}", args=[slug or election.platform.slug, election.pk, *args])


@pytest.fixture
def nominating(world):
    election = make_election(world, office=False)
    services.election_open_nominations(actor=world.secretariat, election=election)
    return world, election


def new_candidate(world, member=0, **extra):
    return {
        "first_name": "Leyla",
        "last_name": "Mammadova",
        "email": "leyla@example.org",
        "organisation": world.members[member].organisation.pk,
        "nominated_by": world.members[1].organisation.pk,
        **extra,
    }


def test_a_candidate_new_to_the_registry_is_added_and_nominated(client, nominating):
    world, election = nominating
    client.force_login(world.secretariat)
    page = client.get(url("office-nomination-new", election)).content.decode()
    assert "alternate representative" in page
    assert (
        url("office-nomination-new", election)
        in client.get(url("office-detail", election)).content.decode()
    )
    response = client.post(url("office-nomination-new", election), new_candidate(world))
    assert response.status_code == 302
    assert response["Location"] == url("office-detail", election)
    person = Person.objects.get(email="leyla@example.org")
    assert (person.first_name, person.last_name, person.user) == ("Leyla", "Mammadova", None)
    representation = Representative.objects.get(person=person)
    assert representation.organisation == world.members[0].organisation
    assert representation.role == Representative.Role.ALTERNATE
    nomination = Nomination.objects.get(election=election)
    assert (nomination.person, nomination.organisation, nomination.nominated_by) == (
        person,
        world.members[0].organisation,
        world.members[1].organisation,
    )
    assert nomination.acceptance == Nomination.Acceptance.PENDING
    # One record per thing written: the person, their representation, the nomination.
    created = AuditEntry.objects.get(action="elections.nomination.created")
    assert created.target_id == str(nomination.pk)
    assert created.actor == world.secretariat
    assert created.data["new_person"] is True
    assert AuditEntry.objects.filter(action="core.person.created").count() == 1
    assert AuditEntry.objects.filter(action="members.representative.assigned").count() == 1
    # The page lists them at once, eligible.
    page = client.get(url("office-detail", election)).content.decode()
    assert "Leyla Mammadova" in page


def test_an_ineligible_new_candidate_is_refused_and_nobody_is_added(client, nominating):
    world, election = nominating
    membership = Membership.objects.get(organisation=world.members[2].organisation)
    membership_transition(
        actor=None,
        membership=membership,
        to_status="suspended",
        effective_on=datetime.date.today(),
        reason="test",
    )
    client.force_login(world.secretariat)
    response = client.post(url("office-nomination-new", election), new_candidate(world, 2))
    assert response.status_code == 400
    assert "is not a member in good standing" in response.content.decode()
    assert 'value="Leyla"' in response.content.decode()  # the typed input is kept
    assert not Person.objects.filter(email="leyla@example.org").exists()
    assert not Nomination.objects.exists()
    assert not AuditEntry.objects.filter(action__in=["core.person.created"]).exists()


def test_someone_already_in_the_registry_is_chosen_not_added_twice(client, nominating):
    world, election = nominating
    known = world.members[3].person
    client.force_login(world.secretariat)
    response = client.post(
        url("office-nomination-new", election), new_candidate(world, email=known.email.upper())
    )
    assert response.status_code == 400
    assert "is already in the registry" in response.content.decode()
    assert Person.objects.filter(email__iexact=known.email).count() == 1
    assert not Nomination.objects.exists()


def test_only_the_platforms_organisations_are_offered(client, nominating):
    world, election = nominating
    other = make_world("elsewhere", members=1)
    client.force_login(world.secretariat)
    page = client.get(url("office-nomination-new", election)).content.decode()
    assert f'value="{other.members[0].organisation.pk}"' not in page
    response = client.post(
        url("office-nomination-new", election),
        new_candidate(world, organisation=other.members[0].organisation.pk),
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Person.objects.filter(email="leyla@example.org").exists()


def test_nothing_is_added_when_nominations_are_not_open(client, world):
    election = make_election(world, office=False)  # a draft
    client.force_login(world.secretariat)
    page = client.get(url("office-nomination-new", election)).content.decode()
    assert "Nominations are not open in this election." in page
    assert 'name="first_name"' not in page
    response = client.post(url("office-nomination-new", election), new_candidate(world))
    assert response.status_code == 400
    assert "Nominations are not open in this election." in response.content.decode()
    assert not Person.objects.filter(email="leyla@example.org").exists()


def test_another_platforms_election_is_not_found(client, nominating):
    world, election = nominating
    other = make_world("elsewhere", members=1)
    client.force_login(other.secretariat)
    for slug in (world.platform.slug, other.platform.slug):
        page = url("office-nomination-new", election, slug=slug)
        assert client.get(page).status_code == 404
        data = new_candidate(world, nominated_by="")
        assert client.post(page, data).status_code == 404
    assert not Person.objects.filter(email="leyla@example.org").exists()
    assert not Nomination.objects.exists()
    client.force_login(world.members[0].user)  # a representative
    assert client.get(url("office-nomination-new", election)).status_code == 404


def test_the_service_refuses_objects_of_another_platform(nominating):
    world, election = nominating
    other = make_world("elsewhere", members=1)
    with pytest.raises(PermissionDenied):
        services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=other.members[0].person,
            organisation=other.members[0].organisation,
        )
    with pytest.raises(PermissionDenied):
        services.nomination_create(
            actor=world.secretariat,
            election=election,
            organisation=other.members[0].organisation,
            new_person={"first_name": "A", "last_name": "B", "email": "ab@example.org"},
        )
    assert not Person.objects.filter(email="ab@example.org").exists()
    assert not Nomination.objects.exists()


def test_only_the_secretariat_adds_a_candidate_to_the_registry(nominating):
    from django.core.exceptions import ValidationError

    world, election = nominating
    member = world.members[0]
    with pytest.raises(ValidationError, match="Only the secretariat"):
        services.nomination_create(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            nominated_by=member.organisation,
            new_person={"first_name": "A", "last_name": "B", "email": "ab@example.org"},
        )
    assert not Person.objects.filter(email="ab@example.org").exists()
    assert Election.objects.get().state == "nominations"
