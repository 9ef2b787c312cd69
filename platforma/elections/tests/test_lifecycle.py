"""The state machine: draft -> nominations -> voting -> closed -> published, each audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Election, Nomination
from platforma.governance.models import Mandate

from .factories import SHARES, appoint_tellers, make_election, running_election

pytestmark = pytest.mark.django_db


def _actions(election):
    return list(
        AuditEntry.objects.filter(target_type="elections.election", target_id=str(election.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_full_cycle_fills_the_office_with_mandates(world):
    election, nominations = running_election(world, candidates=2)
    winner = world.members[1]
    receipt = services.ballot_cast(
        actor=winner.user,
        election=election,
        organisation=winner.organisation,
        choices=[nominations[1].candidate_key],
    )
    assert len(receipt.ballot_hash) == 64
    for member in (world.members[0], world.members[2]):
        services.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[1].candidate_key],
        )
    services.ballot_cast(
        actor=world.members[3].user,
        election=election,
        organisation=world.members[3].organisation,
        choices=[],
    )
    election = services.election_close(
        actor=world.secretariat, election=election, shares=SHARES[election.pk]
    )
    assert election.state == Election.State.CLOSED
    assert election.board["result"]["elected"] == [nominations[1].candidate_key]
    assert election.board["result"]["blank"] == 1
    assert election.board["ballots"] == election.board["voters"] == 4
    election = services.election_publish(actor=world.secretariat, election=election)
    mandate = Mandate.objects.get(office=world.office)
    assert mandate.person == winner.person
    assert mandate.organisation == winner.organisation
    assert mandate.starts_on == election.term_starts_on
    # The statute's default term is two years.
    assert mandate.ends_on == election.term_starts_on.replace(
        year=election.term_starts_on.year + 2
    ) - datetime.timedelta(days=1)
    assert _actions(election) == [
        "elections.election.created",
        "elections.election.nominations_opened",
        "elections.tellers.appointed",
        "elections.tellers.share_taken",
        "elections.election.voting_opened",
        "elections.election.closed",
        "elections.election.published",
    ]


def test_states_cannot_be_skipped_or_reversed(world):
    election = make_election(world)
    for step in (services.election_open_voting, services.election_close, services.election_publish):
        with pytest.raises(ValidationError, match="Draft"):
            step(actor=world.secretariat, election=election)
    services.election_open_nominations(actor=world.secretariat, election=election)
    with pytest.raises(ValidationError):
        services.election_open_nominations(actor=world.secretariat, election=election)
    with pytest.raises(ValidationError, match="Unknown state"):
        services.election_transition(actor=world.secretariat, election=election, to="draft")


def test_voting_needs_an_accepted_eligible_candidate(world):
    election = make_election(world)
    services.election_open_nominations(actor=world.secretariat, election=election)
    member = world.members[0]
    services.nomination_create(
        actor=world.secretariat,
        election=election,
        person=member.person,
        organisation=member.organisation,
    )
    appoint_tellers(world, election)
    with pytest.raises(ValidationError, match="no candidate has accepted"):
        services.election_open_voting(actor=world.secretariat, election=election)
    election.refresh_from_db()
    assert election.state == Election.State.NOMINATIONS


def test_voting_opens_only_once_every_teller_took_their_share(world):
    """No share may rest on the server while ballots are cast (docs/elections.md)."""
    election = make_election(world)
    services.election_open_nominations(actor=world.secretariat, election=election)
    member = world.members[0]
    nomination = services.nomination_create(
        actor=world.secretariat,
        election=election,
        person=member.person,
        organisation=member.organisation,
    )
    services.nomination_answer(actor=member.user, nomination=nomination, accept=True)
    with pytest.raises(ValidationError, match="Appoint the tellers first"):
        services.election_open_voting(actor=world.secretariat, election=election)
    tellers = [world.secretariat, world.members[1].user]
    services.election_tellers_appoint(
        actor=world.secretariat, election=election, users=tellers, needed=2
    )
    services.teller_share_take(actor=tellers[0], election=election)
    with pytest.raises(ValidationError, match=r"1 teller has not taken their share yet: .*rep1"):
        services.election_open_voting(actor=world.secretariat, election=election)
    election.refresh_from_db()
    assert election.state == Election.State.NOMINATIONS
    services.teller_share_take(actor=tellers[1], election=election)
    election = services.election_open_voting(actor=world.secretariat, election=election)
    assert election.state == Election.State.VOTING


def test_declined_candidate_is_left_off_the_ballot(world):
    election, nominations = running_election(world, candidates=1)
    assert Nomination.objects.get(pk=nominations[0].pk).on_ballot
    election2 = make_election(world, title="Second", office=False)
    services.election_open_nominations(actor=world.secretariat, election=election2)
    a = services.nomination_create(
        actor=world.secretariat,
        election=election2,
        person=world.members[0].person,
        organisation=world.members[0].organisation,
    )
    b = services.nomination_create(
        actor=world.secretariat,
        election=election2,
        person=world.members[1].person,
        organisation=world.members[1].organisation,
    )
    services.nomination_answer(actor=world.members[0].user, nomination=a, accept=True)
    services.nomination_answer(actor=world.members[1].user, nomination=b, accept=False)
    appoint_tellers(world, election2)
    services.election_open_voting(actor=world.secretariat, election=election2)
    assert list(Nomination.objects.filter(election=election2, on_ballot=True)) == [a]


def test_closing_early_is_refused_while_voters_are_missing(voting):
    world, election, nominations = voting
    with pytest.raises(ValidationError, match="have not voted yet"):
        services.election_close(
            actor=world.secretariat, election=election, shares=SHARES[election.pk]
        )


def test_closing_after_the_window_with_few_voters(voting):
    world, election, nominations = voting
    member = world.members[0]
    services.ballot_cast(
        actor=member.user,
        election=election,
        organisation=member.organisation,
        choices=[nominations[0].candidate_key],
    )
    Election.objects.filter(pk=election.pk).update(
        voting_opens_at=timezone.now() - datetime.timedelta(days=2),
        voting_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    election.refresh_from_db()
    election = services.election_close(
        actor=world.secretariat, election=election, shares=SHARES[election.pk]
    )
    assert election.board["ballots"] == 1
    with pytest.raises(ValidationError, match="not open"):
        services.ballot_cast(
            actor=world.members[1].user,
            election=election,
            organisation=world.members[1].organisation,
            choices=[],
        )


def test_settings_frozen_once_voting_opened(voting):
    world, election, _ = voting
    with pytest.raises(ValidationError, match="can change only in its draft"):
        services.election_update(actor=world.secretariat, election=election, seats=2)


def test_create_validates(world):
    now = timezone.now()
    with pytest.raises(ValidationError) as excinfo:
        services.election_create(
            actor=world.secretariat,
            platform=world.platform,
            body=world.body,
            office=world.office,
            method="irv",
            seats=2,
            title="Bad",
            voting_opens_at=now,
            voting_closes_at=now - datetime.timedelta(hours=1),
        )
    text = " ".join(excinfo.value.messages)
    assert "exactly one seat" in text
    assert "close after it opens" in text
    assert "day the term starts" in text
    assert "cannot fill more" in text
    assert not Election.objects.exists()


def test_update_is_audited(world):
    election = make_election(world)
    services.election_update(actor=world.secretariat, election=election, title_en="Renamed")
    assert _actions(election)[-1] == "elections.election.updated"
    election.refresh_from_db()
    assert election.title == "Renamed"
