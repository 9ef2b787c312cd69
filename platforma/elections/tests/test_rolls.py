"""The roll of an open vote follows membership changes that reach its opening day."""

import datetime

import pytest
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Elector, VoterRecord
from platforma.elections.selectors import opening_day
from platforma.members.models import Membership
from platforma.members.services import membership_record_existing, membership_transition
from platforma.testing.factories import OrganisationFactory

from .factories import running_election

pytestmark = pytest.mark.django_db


@pytest.fixture
def later_vote(world):
    """A vote opened today for a window that starts in three days (as a second round is)."""
    now = timezone.now()
    election, nominations = running_election(
        world,
        candidates=2,
        office=False,
        voting_opens_at=now + datetime.timedelta(days=3),
        voting_closes_at=now + datetime.timedelta(days=4),
    )
    return world, election, nominations


def roll(election):
    return set(Elector.objects.filter(election=election).values_list("organisation", flat=True))


def membership_of(member):
    return Membership.objects.get(organisation=member.organisation)


def test_a_suspension_before_the_opening_day_takes_the_organisation_off(later_vote):
    world, election, _ = later_vote
    member = world.members[3]
    assert member.organisation.pk in roll(election)
    membership_transition(
        actor=world.secretariat,
        membership=membership_of(member),
        to_status=Membership.Status.SUSPENDED,
        effective_on=datetime.date.today(),  # before the opening day; a change is never future
    )
    election.refresh_from_db()
    assert member.organisation.pk not in roll(election)
    assert election.electorate == len(world.members) - 1
    # One audit record for the change, with what it did to the roll in its data.
    [entry] = AuditEntry.objects.filter(target_id=str(membership_of(member).pk))
    assert entry.action == "members.membership.suspended"
    assert entry.data["effects"] == [
        {
            "action": "elections.roll.updated",
            "election": {"id": election.pk, "repr": str(election)},
            "change": "removed",
            "electorate": len(world.members) - 1,
        }
    ]


def test_a_change_after_the_opening_day_leaves_the_roll_alone(world):
    now = timezone.now()
    election, _ = running_election(
        world,
        candidates=2,
        office=False,
        voting_opens_at=now - datetime.timedelta(days=3),
        voting_closes_at=now + datetime.timedelta(days=1),
    )
    member = world.members[3]
    membership_transition(
        actor=world.secretariat,
        membership=membership_of(member),
        to_status=Membership.Status.SUSPENDED,
        effective_on=opening_day(election) + datetime.timedelta(days=1),
    )
    assert member.organisation.pk in roll(election)
    entry = AuditEntry.objects.get(action="members.membership.suspended")
    assert entry.data["effects"] == []


def test_a_member_recorded_late_with_an_earlier_admission_is_added(later_vote):
    world, election, _ = later_vote
    organisation = OrganisationFactory()
    membership_record_existing(
        actor=world.secretariat,
        platform=world.platform,
        organisation=organisation,
        admitted_on=datetime.date(2012, 5, 1),
    )
    election.refresh_from_db()
    assert organisation.pk in roll(election)
    assert election.electorate == len(world.members) + 1


def test_an_organisation_that_has_voted_keeps_its_place(voting):
    world, election, nominations = voting
    member = world.members[0]
    services.ballot_cast(
        actor=member.user,
        election=election,
        organisation=member.organisation,
        choices=[nominations[0].candidate_key],
    )
    membership_transition(
        actor=world.secretariat,
        membership=membership_of(member),
        to_status=Membership.Status.SUSPENDED,
        effective_on=opening_day(election) - datetime.timedelta(days=1),
    )
    assert member.organisation.pk in roll(election)
    assert VoterRecord.objects.filter(organisation=member.organisation).exists()
    [effect] = AuditEntry.objects.get(action="members.membership.suspended").data["effects"]
    assert effect["change"] == "kept, has voted"


def test_elections_listens_to_membership_changes():
    """The roll follows members only through the signal elections connects in ready()."""
    from platforma.elections.receivers import update_rolls
    from platforma.members.signals import membership_changed

    assert membership_changed.has_listeners(Membership)
    # Each entry is (lookup key, weak reference to the receiver, is_async).
    connected = [entry[1]() for entry in membership_changed.receivers]
    assert update_rolls in connected


def test_a_member_recorded_late_writes_one_audit_record(later_vote):
    world, election, _ = later_vote
    organisation = OrganisationFactory()
    before = AuditEntry.objects.count()
    membership = membership_record_existing(
        actor=world.secretariat,
        platform=world.platform,
        organisation=organisation,
        admitted_on=datetime.date(2012, 5, 1),
    )
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.get(action="members.membership.recorded")
    assert entry.target_id == str(membership.pk)
    assert [e["change"] for e in entry.data["effects"]] == ["added"]
    assert entry.data["effects"][0]["election"]["id"] == election.pk
