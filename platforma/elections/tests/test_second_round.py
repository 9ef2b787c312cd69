"""The second round of a two-round election: set up from the office page, linked both ways."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import sealing
from platforma.elections.models import Election, Nomination, Seconder, Teller
from platforma.governance.models import Mandate
from platforma.members.models import Representative

from .factories import SHARES, make_election, make_member, running_election, take_share_page

pytestmark = pytest.mark.django_db

FORMAT = "%Y-%m-%dT%H:%M"


def url(name, election, *args):
    return reverse(f"elections:{name}", args=[election.platform.slug, election.pk, *args])


def vote_as(client, member, election, choice):
    client.force_login(member.user)
    return client.post(
        url("election-vote", election), {"organisation": member.organisation.pk, "choice": choice}
    )


def window(opens_in_hours=-1, closes_in_hours=2, tz="UTC"):
    """The form's fields: local times in ``tz``, as a person types them."""
    now = timezone.now().astimezone(zoneinfo.ZoneInfo(tz))
    return {
        "voting_opens_at": (now + datetime.timedelta(hours=opens_in_hours)).strftime(FORMAT),
        "voting_closes_at": (now + datetime.timedelta(hours=closes_in_hours)).strftime(FORMAT),
    }


def first_round_without_majority(client, world, **fields):
    """A closed two-round election: 2, 2 and 1 votes of 5, so candidates 0 and 1 go on."""
    world.members.append(make_member(world.platform, 4))
    election, nominations = running_election(world, candidates=3, method="two-round", **fields)
    for member, index in zip(world.members, [0, 0, 1, 1, 2], strict=True):
        response = vote_as(client, member, election, nominations[index].candidate_key)
        assert response.status_code == 200
    close_in_office(client, world, election)
    assert election.state == Election.State.CLOSED
    # Tied within the places, the two are listed by key as text ("100" before "99").
    assert election.board["result"]["second_round"] == sorted(
        [nominations[0].candidate_key, nominations[1].candidate_key]
    )
    return election, nominations


def close_in_office(client, world, election, shares=None):
    """The secretariat closes the vote on the office page, the tellers' shares pasted in."""
    client.force_login(world.secretariat)
    shares = SHARES[election.pk] if shares is None else shares
    client.post(url("office-transition", election), {"to": "closed", "share": shares})
    election.refresh_from_db()


def open_second_round(client, world, second):
    """The tellers take their shares of the second round's new key; the office opens voting."""
    shares = [
        take_share_page(client, teller.user, second)
        for teller in second.tellers.select_related("user").order_by("number")
    ]
    client.force_login(world.secretariat)
    client.post(url("office-transition", second), {"to": "voting"})
    second.refresh_from_db()
    assert second.state == Election.State.VOTING
    SHARES[second.pk] = shares
    return shares


def written():
    return (
        Election.objects.count(),
        Nomination.objects.count(),
        Seconder.objects.count(),
        AuditEntry.objects.count(),
    )


def actions(election):
    return list(
        AuditEntry.objects.filter(target_type="elections.election", target_id=str(election.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_office_creates_the_second_round_in_nominations_then_opens_it(client, world):
    world.platform.time_zone = "Asia/Baku"
    world.platform.save()
    first, nominations = first_round_without_majority(
        client, world, title_en="Coordinator", title_ru="Координатор"
    )
    Seconder.objects.create(nomination=nominations[0], organisation=world.members[3].organisation)
    client.force_login(world.secretariat)
    page = client.get(url("office-detail", first)).content.decode()
    assert "Create the second round" in page
    assert nominations[0].person.full_name in page
    assert nominations[1].person.full_name in page

    times = window(opens_in_hours=24, closes_in_hours=26, tz="Asia/Baku")
    response = client.post(url("office-second-round", first), times, follow=True)
    second = Election.objects.get(first_round=first)
    assert response.redirect_chain[-1][0] == url("office-detail", second)
    assert "The second round is created" in response.content.decode()
    # It waits in nominations (accepting no new ones) until the tellers, the first round's,
    # have taken their shares of a new key.
    assert second.state == Election.State.NOMINATIONS
    assert not second.accepts_nominations
    third = world.members[2]
    client.post(
        url("office-nomination-add", second),
        {"person": third.person.pk, "organisation": third.organisation.pk},
    )
    assert not Nomination.objects.filter(election=second, person=third.person).exists()
    tellers = list(second.tellers.order_by("number").values_list("user", "share_taken_at"))
    assert tellers == [(world.secretariat.pk, None)]
    assert second.tellers_needed == first.tellers_needed == 1
    assert second.public_key
    assert second.public_key != first.public_key
    response = client.post(url("office-transition", second), {"to": "voting"}, follow=True)
    assert "1 teller has not taken their share yet" in response.content.decode()
    second.refresh_from_db()
    assert second.state == Election.State.NOMINATIONS
    # The teller gets a new share: the first round's is not one of the second's.
    first_digests = [sealing.digest(share) for share in SHARES[first.pk]]
    assert not Teller.objects.filter(election=second, share_digest__in=first_digests).exists()
    open_second_round(client, world, second)
    assert second.method == Election.Method.PLURALITY
    assert second.seats == 1
    assert (second.platform, second.body) == (first.platform, first.body)
    assert second.office == first.office
    assert second.term_starts_on == first.term_starts_on
    assert second.meeting_reference == first.meeting_reference
    assert second.title_en == "Coordinator — second round"
    assert second.title_ru.startswith("Координатор")
    assert second.electorate == 5
    # The platform's time zone (UTC+4) is how the secretariat typed the times.
    baku = zoneinfo.ZoneInfo("Asia/Baku")
    assert second.voting_opens_at.astimezone(baku).strftime(FORMAT) == times["voting_opens_at"]
    on_ballot = Nomination.objects.filter(election=second).order_by("person__last_name")
    assert [(n.person, n.organisation) for n in on_ballot] == [
        (nominations[0].person, nominations[0].organisation),
        (nominations[1].person, nominations[1].organisation),
    ]
    assert all(n.on_ballot and n.acceptance == "accepted" for n in on_ballot)
    assert Seconder.objects.filter(nomination__election=second).count() == 1
    assert actions(second) == [
        "elections.election.second_round_created",
        "elections.election.nominations_opened",
        "elections.tellers.appointed",
        "elections.tellers.share_taken",
        "elections.election.voting_opened",
    ]
    # The office page of the first round now links to the second instead of offering a form.
    page = client.get(url("office-detail", first)).content.decode()
    assert "Create the second round" not in page
    assert url("office-detail", second) in page

    client.logout()
    first_page = client.get(url("election-detail", first)).content.decode()
    assert url("election-detail", second) in first_page
    second_page = client.get(url("election-detail", second)).content.decode()
    assert "This is the second round of" in second_page
    assert url("election-detail", first) in second_page


def test_refusals_change_nothing(client, world):
    first, nominations = first_round_without_majority(client, world)
    client.force_login(world.secretariat)
    before = written()
    bad_window = window(opens_in_hours=5, closes_in_hours=3)
    response = client.post(url("office-second-round", first), bad_window, follow=True)
    assert "Voting must close after it opens." in response.content.decode()
    response = client.post(url("office-second-round", first), {}, follow=True)
    assert "Give the times voting opens and closes" in response.content.decode()
    assert written() == before

    # A candidate who no longer represents their organisation stops the set-up, with the reason.
    Representative.objects.filter(person=nominations[1].person).update(until=datetime.date.today())
    response = client.post(url("office-second-round", first), window(), follow=True)
    assert "does not currently represent" in response.content.decode()
    assert written() == before
    Representative.objects.filter(person=nominations[1].person).update(until=None)

    assert client.post(url("office-second-round", first), window()).status_code == 302
    assert Election.objects.filter(first_round=first).count() == 1
    again = written()
    response = client.post(url("office-second-round", first), window(), follow=True)
    assert "already been set up" in response.content.decode()
    assert written() == again


def test_only_a_first_round_without_majority_gets_a_second_round(client, world):
    plurality, _ = running_election(world, candidates=2, office=False)
    two_round, candidates = running_election(world, candidates=2, method="two-round", title="B")
    client.force_login(world.secretariat)
    before = written()
    response = client.post(url("office-second-round", plurality), window(), follow=True)
    assert "Only a two-round election has a second round." in response.content.decode()
    response = client.post(url("office-second-round", two_round), window(), follow=True)
    assert "once the first round is closed" in response.content.decode()
    assert written() == before
    # A candidate with more than half of the votes is elected: no second round to hold.
    for member in world.members:
        vote_as(client, member, two_round, candidates[0].candidate_key)
    close_in_office(client, world, two_round)
    assert two_round.state == Election.State.CLOSED
    page = client.get(url("office-detail", two_round)).content.decode()
    assert "Create the second round" not in page
    before = written()
    response = client.post(url("office-second-round", two_round), window(), follow=True)
    assert "calls for no second round" in response.content.decode()
    assert written() == before


def test_the_second_round_fills_the_office_not_the_first(client, world):
    first, nominations = first_round_without_majority(client, world)
    client.force_login(world.secretariat)
    client.post(url("office-transition", first), {"to": "published"})
    first.refresh_from_db()
    assert first.state == Election.State.PUBLISHED
    assert not Mandate.objects.exists()
    published = AuditEntry.objects.get(action="elections.election.published")
    assert published.data["second_round"] == first.board["result"]["second_round"]

    client.post(url("office-second-round", first), window())
    second = Election.objects.get(first_round=first)
    open_second_round(client, world, second)
    keys = {n.person_id: n.candidate_key for n in second.nominations.all()}
    winner = nominations[1]
    for member in world.members:
        vote_as(client, member, second, keys[winner.person_id])
    # The first round's shares do not open the second round's box.
    close_in_office(client, world, second, shares=SHARES[first.pk])
    assert second.state == Election.State.VOTING
    close_in_office(client, world, second)
    assert second.state == Election.State.CLOSED
    client.post(url("office-transition", second), {"to": "published"})
    mandate = Mandate.objects.get()
    assert (mandate.office, mandate.person) == (first.office, winner.person)
    assert mandate.starts_on == first.term_starts_on


def test_representatives_find_no_second_round_door(client, world):
    election = make_election(world, method="two-round")
    client.force_login(world.members[0].user)
    assert client.post(url("office-second-round", election), window()).status_code == 404
    client.logout()
    response = client.post(url("office-second-round", election), window())
    assert "/accounts/login/" in response["Location"]
    assert not Election.objects.filter(first_round=election).exists()
