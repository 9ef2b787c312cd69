"""Casting: who may, what a ballot may say, secrecy of the stored ballots, proxies."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import board as fmt
from platforma.elections import services
from platforma.elections.models import Ballot, BallotBox, Election, ElectionProxy, VoterRecord
from platforma.members.models import Representative

from .factories import (
    box_contents,
    close,
    end_vote,
    make_member,
    make_world,
    running_election,
)

pytestmark = pytest.mark.django_db


def cast(member, election, choices, organisation=None):
    return services.ballot_cast(
        actor=member.user,
        election=election,
        organisation=organisation or member.organisation,
        choices=choices,
    )


def test_receipt_matches_the_stored_ballot(voting):
    world, election, nominations = voting
    receipt = cast(world.members[0], election, [nominations[2].candidate_key])
    # While the vote is open the ballot exists only sealed in the box: no opened ballot.
    assert not Ballot.objects.exists()
    assert BallotBox.objects.get(pk=election.pk).count == 1
    (sealed,) = box_contents(election)
    assert fmt.sha256_hex(sealed) == receipt.ballot_hash
    assert json.loads(sealed) == {
        "election": election.pk,
        "tracker": receipt.tracker,
        "choices": [nominations[2].candidate_key],
    }
    # The tellers open it at closing: the opened ballot is the one the receipt names.
    end_vote(election)
    close(world, election)
    ballot = Ballot.objects.get(tracker=receipt.tracker)
    assert ballot.content == sealed
    assert fmt.sha256_hex(ballot.content) == receipt.ballot_hash == ballot.content_hash


def test_second_ballot_for_the_same_organisation_is_refused(voting):
    world, election, nominations = voting
    cast(world.members[0], election, [nominations[0].candidate_key])
    with pytest.raises(ValidationError, match="already voted"):
        cast(world.members[0], election, [nominations[1].candidate_key])
    assert BallotBox.objects.get(pk=election.pk).count == VoterRecord.objects.count() == 1
    assert len(box_contents(election)) == 1
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (["999999"], "not a candidate"),
        (["{a}", "{a}"], "more than once"),
        (["{a}", "{b}"], "at most 1 candidate"),
    ],
)
def test_bad_ballots_change_nothing(voting, choices, message):
    world, election, nominations = voting
    keys = {"a": nominations[0].candidate_key, "b": nominations[1].candidate_key}
    with pytest.raises(ValidationError, match=message):
        cast(world.members[0], election, [c.format(**keys) for c in choices])
    box = BallotBox.objects.get(pk=election.pk)
    assert (box.count, bytes(box.sealed)) == (0, b"")
    assert not Ballot.objects.exists()
    assert not VoterRecord.objects.exists()


def test_alternate_and_other_organisations_cannot_vote(voting):
    world, election, nominations = voting
    alternate = make_member(world.platform, 90, role=Representative.Role.ALTERNATE)
    Representative.objects.filter(person=alternate.person).update(
        organisation=world.members[0].organisation
    )
    with pytest.raises(ValidationError, match="may not vote"):
        cast(alternate, election, [], organisation=world.members[0].organisation)
    with pytest.raises(ValidationError, match="may not vote"):
        cast(world.members[1], election, [], organisation=world.members[0].organisation)
    other = make_world("otherland", members=1)
    with pytest.raises(ValidationError, match="may not vote"):
        cast(other.members[0], election, [])
    assert not VoterRecord.objects.exists()


def test_former_primary_representative_cannot_vote(voting):
    world, election, _ = voting
    Representative.objects.filter(person=world.members[0].person).update(
        until=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError, match="may not vote"):
        cast(world.members[0], election, [])


def test_voting_window_is_enforced(voting):
    world, election, _ = voting
    Election.objects.filter(pk=election.pk).update(
        voting_opens_at=timezone.now() + datetime.timedelta(hours=1),
        voting_closes_at=timezone.now() + datetime.timedelta(hours=2),
    )
    election.refresh_from_db()
    with pytest.raises(ValidationError, match="not open"):
        cast(world.members[0], election, [])


def test_proxy_holder_votes_for_the_grantor_and_the_grantor_does_not(voting):
    world, election, nominations = voting
    grantor, holder = world.members[0], world.members[1]
    services.election_proxy_grant(
        actor=world.secretariat,
        election=election,
        grantor=grantor.organisation,
        holder=holder.organisation,
    )
    with pytest.raises(ValidationError, match="may not vote"):
        cast(grantor, election, [])
    cast(holder, election, [nominations[0].candidate_key], organisation=grantor.organisation)
    cast(holder, election, [nominations[0].candidate_key])
    record = VoterRecord.objects.get(organisation=grantor.organisation)
    assert record.by_proxy
    # The statute allows one proxy per delegate.
    with pytest.raises(ValidationError, match="already carries 1 proxies"):
        services.election_proxy_grant(
            actor=world.secretariat,
            election=election,
            grantor=world.members[2].organisation,
            holder=holder.organisation,
        )


def test_proxy_by_the_secretariat_or_the_grantors_representative_only(voting):
    world, election, _ = voting
    # Another organisation's representative (even the would-be holder's) cannot give it.
    for actor in (world.members[1].user, world.members[2].user):
        with pytest.raises(ValidationError, match="Only the primary representative of"):
            services.election_proxy_grant(
                actor=actor,
                election=election,
                grantor=world.members[0].organisation,
                holder=world.members[1].organisation,
            )
    assert not ElectionProxy.objects.exists()
    proxy = services.election_proxy_grant(
        actor=world.members[0].user,
        election=election,
        grantor=world.members[0].organisation,
        holder=world.members[1].organisation,
    )
    assert proxy.recorded_by == world.members[0].user


def test_no_field_links_ballots_and_voters():
    ballot_fields = {f.name for f in Ballot._meta.get_fields()}
    box_fields = {f.name for f in BallotBox._meta.get_fields()}
    voter_fields = {f.name for f in VoterRecord._meta.get_fields()}
    # ``position`` and ``chain`` are the place drawn at closing and the board's chain hash.
    assert ballot_fields == {
        "id",
        "election",
        "position",
        "tracker",
        "content",
        "content_hash",
        "chain",
    }
    # The box is one sealed value per election and a count: no row per ballot during the vote.
    assert box_fields == {"election", "record_size", "sealed", "count"}
    assert voter_fields == {"id", "election", "organisation", "channel", "by_proxy"}
    models = (VoterRecord, Ballot, BallotBox)
    assert not any(
        getattr(f, "related_model", None) in models
        for model in models
        for f in model._meta.get_fields()
        if f.name != "election"
    )
    # No timestamps on ballots, the box or voter records; the ballot's primary key is random.
    assert not any(
        f.get_internal_type() in {"DateTimeField", "DateField"}
        for model in models
        for f in model._meta.fields
    )
    assert Ballot._meta.pk.get_internal_type() == "UUIDField"


def test_listing_order_is_not_casting_order(world):
    for i in range(4, 30):
        world.members.append(make_member(world.platform, i))
    election, nominations = running_election(world, candidates=2, office=False)
    cast_order = []
    for member in world.members:
        cast_order.append(cast(member, election, [nominations[0].candidate_key]).tracker)
    # During the vote: the box's order is not the order of casting.
    in_box = [json.loads(content)["tracker"] for content in box_contents(election)]
    assert sorted(in_box) == sorted(cast_order)
    assert in_box != cast_order
    # After closing: neither the board's order nor the ballots' ids follow it either.
    closed = close(world, election)
    listed = list(Ballot.objects.filter(election=election).values_list("tracker", flat=True))
    by_pk = list(
        Ballot.objects.filter(election=election).order_by("pk").values_list("tracker", flat=True)
    )
    on_board = [e["tracker"] for e in closed.board["entries"]]
    assert sorted(listed) == sorted(cast_order)
    assert listed == on_board
    assert listed != cast_order
    assert by_pk != cast_order


def test_audit_of_a_cast_names_the_organisation_never_the_ballot(voting):
    world, election, nominations = voting
    receipt = cast(world.members[0], election, [nominations[0].candidate_key])
    entry = AuditEntry.objects.get(action="elections.ballot.cast")
    text = json.dumps(entry.data) + entry.target_repr + entry.target_id
    assert receipt.tracker not in text
    assert receipt.ballot_hash not in text
    assert str(world.members[0].organisation.pk) in json.dumps(entry.data)


def test_ballots_cannot_be_changed_or_deleted(voting):
    world, election, nominations = voting
    receipt = cast(world.members[0], election, [nominations[0].candidate_key])
    end_vote(election)
    close(world, election)
    ballot = Ballot.objects.get(tracker=receipt.tracker)
    ballot.content = "{}"
    with pytest.raises(PermissionError):
        ballot.save()
    with pytest.raises(PermissionError):
        ballot.delete()
    with pytest.raises(PermissionError):
        Ballot.objects.filter(pk=ballot.pk).update(content="{}")


def test_ranked_ballot_keeps_its_order(world):
    election, nominations = running_election(world, candidates=3, method="irv", office=False)
    order = [nominations[2].candidate_key, nominations[0].candidate_key]
    receipt = cast(world.members[0], election, order)
    (sealed,) = box_contents(election)
    assert json.loads(sealed)["choices"] == order
    end_vote(election)
    closed = close(world, election)
    assert json.loads(Ballot.objects.get(tracker=receipt.tracker).content)["choices"] == order
    assert closed.board["entries"][0]["ballot"]["choices"] == order


def test_the_roll_is_taken_when_voting_opens(voting, client):
    """An organisation admitted after voting opened is not on the roll: no ballot, no form."""
    from platforma.elections.models import Elector

    from .factories import make_member

    world, election, _ = voting
    assert set(
        Elector.objects.filter(election=election).values_list("organisation", flat=True)
    ) == {m.organisation.pk for m in world.members}
    assert election.electorate == len(world.members)
    late = make_member(world.platform, 77)
    with pytest.raises(ValidationError, match="may not vote"):
        cast(late, election, [])
    client.force_login(late.user)
    url = f"/en/{world.platform.slug}/elections/{election.pk}/vote/"
    assert client.get(url).status_code == 404
    assert not VoterRecord.objects.exists()


def test_an_election_opened_before_rolls_were_kept_decides_from_history(voting):
    from platforma.elections.models import Elector

    world, election, nominations = voting
    Elector.objects.filter(election=election).delete()
    receipt = cast(world.members[0], election, [nominations[0].candidate_key])
    assert [json.loads(c)["tracker"] for c in box_contents(election)] == [receipt.tracker]
    with pytest.raises(ValidationError, match="may not vote"):
        cast(world.members[1], election, [], organisation=world.members[0].organisation)


def test_a_proxy_holder_off_the_roll_carries_no_vote(voting, client):
    """A proxy given while the holder was eligible counts only if the holder is on the roll."""
    from platforma.elections.models import Elector

    world, election, nominations = voting
    grantor, holder = world.members[0], world.members[1]
    services.election_proxy_grant(
        actor=world.secretariat,
        election=election,
        grantor=grantor.organisation,
        holder=holder.organisation,
    )
    Elector.objects.filter(election=election, organisation=holder.organisation).delete()
    with pytest.raises(ValidationError, match="may not vote"):
        cast(holder, election, [], organisation=grantor.organisation)
    client.force_login(holder.user)
    assert client.get(f"/en/{world.platform.slug}/elections/{election.pk}/vote/").status_code == 404
    assert not VoterRecord.objects.exists()
