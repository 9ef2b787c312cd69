"""Paper ballots: double entry by two tellers, differences resolved before counting."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from platforma.core.models import PlatformRole
from platforma.elections import services
from platforma.elections.models import Ballot, Election
from platforma.elections.tests.factories import SHARES

pytestmark = pytest.mark.django_db


@pytest.fixture
def tellers(world):
    User = get_user_model()
    second = User.objects.create_user("teller-two", password="pw-teller-12345")
    PlatformRole.objects.create(user=second, platform=world.platform, role="secretariat")
    return world.secretariat, second


def enter(teller, election, sequence, choices, invalid=False, batch="A"):
    return services.paper_entry_save(
        actor=teller,
        election=election,
        batch=batch,
        sequence=sequence,
        choices=choices,
        invalid=invalid,
    )


def test_agreeing_entries_become_ballots_at_closing(voting, tellers):
    world, election, nominations = voting
    one, two = tellers
    a, b = nominations[0].candidate_key, nominations[1].candidate_key
    for member in world.members[:3]:
        services.paper_voter_record(actor=one, election=election, organisation=member.organisation)
    for teller in (one, two):
        enter(teller, election, 1, [a])
        enter(teller, election, 2, [b])
        enter(teller, election, 3, [], invalid=True)
    services.ballot_cast(
        actor=world.members[3].user,
        election=election,
        organisation=world.members[3].organisation,
        choices=[a],
    )
    election = services.election_close(actor=one, election=election, shares=SHARES[election.pk])
    assert Ballot.objects.filter(election=election).count() == 4
    result = election.board["result"]
    assert (result["valid"], result["invalid"]) == (3, 1)
    assert result["elected"] == [a]
    # A paper voter cannot also vote online.
    contents = [json.loads(b.content) for b in Ballot.objects.all()]
    assert sum(1 for c in contents if c.get("invalid")) == 1


def test_differences_block_the_count_until_resolved(voting, tellers):
    world, election, nominations = voting
    one, two = tellers
    a, b = nominations[0].candidate_key, nominations[1].candidate_key
    for member in world.members:
        services.paper_voter_record(actor=one, election=election, organisation=member.organisation)
    for seq in range(1, 5):
        enter(one, election, seq, [a])
        enter(two, election, seq, [a] if seq != 2 else [b])
    with pytest.raises(ValidationError, match="A/2"):
        services.election_close(actor=one, election=election, shares=SHARES[election.pk])
    assert not Ballot.objects.exists()
    # The second teller looks again and corrects the reading.
    enter(two, election, 2, [a])
    election = services.election_close(actor=one, election=election, shares=SHARES[election.pk])
    assert election.board["result"]["valid"] == 4


def test_single_reading_is_not_counted(voting, tellers):
    world, election, nominations = voting
    one, _two = tellers
    services.paper_voter_record(
        actor=one, election=election, organisation=world.members[0].organisation
    )
    enter(one, election, 1, [nominations[0].candidate_key])
    for member in world.members[1:]:
        services.paper_voter_record(actor=one, election=election, organisation=member.organisation)
    with pytest.raises(ValidationError, match="second reading"):
        services.election_close(actor=one, election=election, shares=SHARES[election.pk])


def test_count_of_paper_ballots_must_match_paper_voters(voting, tellers):
    world, election, nominations = voting
    one, two = tellers
    for member in world.members:
        services.paper_voter_record(actor=one, election=election, organisation=member.organisation)
    for teller in (one, two):
        for seq in range(1, 4):
            enter(teller, election, seq, [nominations[0].candidate_key])
    with pytest.raises(ValidationError, match="3 paper ballots were entered but 4"):
        services.election_close(actor=one, election=election, shares=SHARES[election.pk])
    assert Election.objects.get(pk=election.pk).state == Election.State.VOTING


def test_third_teller_and_non_tellers_are_refused(voting, tellers):
    world, election, nominations = voting
    one, two = tellers
    enter(one, election, 1, [])
    enter(two, election, 1, [])
    third = get_user_model().objects.create_user("teller-three", password="pw-teller-12345")
    PlatformRole.objects.create(user=third, platform=world.platform, role="secretariat")
    with pytest.raises(ValidationError, match="Two tellers"):
        enter(third, election, 1, [])
    with pytest.raises(ValidationError, match="secretariat"):
        enter(world.members[0].user, election, 2, [])


def test_paper_voter_cannot_vote_online(voting, tellers):
    world, election, nominations = voting
    member = world.members[0]
    services.paper_voter_record(
        actor=tellers[0], election=election, organisation=member.organisation
    )
    with pytest.raises(ValidationError, match="already voted"):
        services.ballot_cast(
            actor=member.user, election=election, organisation=member.organisation, choices=[]
        )


def test_paper_page_shows_differences(client, voting, tellers):
    world, election, nominations = voting
    one, two = tellers
    a, b = nominations[0].candidate_key, nominations[1].candidate_key
    page_url = reverse("elections:office-paper", args=[world.platform.slug, election.pk])
    client.force_login(one)
    client.post(page_url, {"action": "entry", "batch": "A", "sequence": "1", "choice": a})
    client.force_login(two)
    client.post(page_url, {"action": "entry", "batch": "A", "sequence": "1", "choice": b})
    client.post(page_url, {"action": "voter", "organisation": world.members[0].organisation.pk})
    html = client.get(page_url).content.decode()
    assert "Differences to resolve" in html
    assert "readings differ" in html
    assert election.voters.get().channel == "paper"
    # Every reading is sealed during the vote, the teller's own too: the differences say which
    # ballot to read again, never what either teller read.
    differences = html.split('id="diff-heading"', 1)[1].split("</table>", 1)[0]
    assert differences.count("sealed until the vote closes") == 2
    assert nominations[0].person.full_name not in differences
    assert nominations[1].person.full_name not in differences
    entries = html.split("All entries", 1)[1]
    assert entries.count("sealed until the vote closes") == 2
    assert nominations[0].person.full_name not in entries
    # The first teller reads the ballot again and enters it anew; the readings now agree.
    client.force_login(one)
    client.post(page_url, {"action": "entry", "batch": "A", "sequence": "1", "choice": b})
    html = client.get(page_url).content.decode()
    assert "Differences to resolve" not in html
    assert "reconciled" in html
    # Once the box is opened at closing, the readings are shown.
    for member in world.members[1:]:
        services.ballot_cast(
            actor=member.user, election=election, organisation=member.organisation, choices=[]
        )
    transition = reverse("elections:office-transition", args=[world.platform.slug, election.pk])
    client.post(transition, {"to": "closed", "share": SHARES[election.pk]})
    election.refresh_from_db()
    assert election.state == Election.State.CLOSED
    html = client.get(page_url).content.decode()
    assert "sealed until the vote closes" not in html
    name = nominations[1].person.full_name
    assert f"{one.get_username()}: {name}" in html
    assert f"{two.get_username()}: {name}" in html
