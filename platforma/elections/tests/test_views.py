"""The pages, through the test client: voting, receipt, board, check, results, back office."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse

from platforma.elections import board as fmt
from platforma.elections import services
from platforma.elections.models import Ballot, BallotBox, Election, Teller, VoterRecord
from platforma.members.models import Representative
from platforma.testing.budget import assert_constant_queries, assert_page_budget

from .factories import (
    SHARES,
    box_contents,
    make_election,
    make_member,
    make_world,
    running_election,
    take_share_page,
)

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
TRACKER = re.compile(r"[0-9a-f]{4}(?:-[0-9a-f]{4}){4}")


def same_but_trackers(a, b):
    """The two pages are the same but for the CSRF token and tracker-like strings."""
    return TRACKER.sub("T", CSRF.sub("", a)) == TRACKER.sub("T", CSRF.sub("", b))


def url(name, election, *args):
    return reverse(f"elections:{name}", args=[election.platform.slug, election.pk, *args])


def sealed_ballot(election):
    """The one ballot in the box, opened as the tellers could: (content, tracker, hash)."""
    (content,) = box_contents(election)
    return content, json.loads(content)["tracker"], fmt.sha256_hex(content)


def in_box(election):
    return BallotBox.objects.get(pk=election.pk).count


def vote_as(client, member, election, data):
    client.force_login(member.user)
    return client.post(
        url("election-vote", election), {"organisation": member.organisation.pk, **data}
    )


def test_representative_votes_and_gets_a_receipt(client, voting):
    world, election, nominations = voting
    member = world.members[0]
    client.force_login(member.user)
    page = client.get(url("election-vote", election))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('type="radio"') == 4  # three candidates and a blank ballot
    assert nominations[0].person.full_name in html
    response = vote_as(client, member, election, {"choice": nominations[1].candidate_key})
    assert response.status_code == 200
    # The ballot is sealed in the box; the receipt names it (tracker and hash).
    assert not Ballot.objects.exists()
    content, tracker, ballot_hash = sealed_ballot(election)
    assert json.loads(content)["choices"] == [nominations[1].candidate_key]
    body = response.content.decode()
    assert tracker in body
    assert ballot_hash in body
    assert VoterRecord.objects.get().organisation == member.organisation
    # Nothing about the receipt is kept in the session.
    assert tracker not in json.dumps(dict(client.session.items()))
    again = vote_as(client, member, election, {"choice": nominations[1].candidate_key})
    assert again.status_code == 400
    assert "has already voted in this election" in again.content.decode()
    assert "This organisation has voted." in again.content.decode()
    assert in_box(election) == 1


def test_the_voting_pages_script_gets_the_receipt_as_json(client, voting):
    """vote.js asks for JSON: the same ballot and receipt, and refusals as data."""
    world, election, nominations = voting
    member = world.members[0]
    client.force_login(member.user)
    page = client.get(url("election-vote", election)).content.decode()
    assert 'id="receipt-template"' in page
    assert "elections/vote.js" in page
    data = {"organisation": member.organisation.pk, "choice": nominations[0].candidate_key}
    response = client.post(url("election-vote", election), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    _content, tracker, ballot_hash = sealed_ballot(election)
    assert response.json() == {
        "election": election.pk,
        "organisation_id": member.organisation.pk,
        "organisation": str(member.organisation),
        "tracker": tracker,
        "ballot_hash": ballot_hash,
    }
    again = client.post(url("election-vote", election), data, HTTP_ACCEPT="application/json")
    assert again.status_code == 400
    assert "has already voted in this election" in again.json()["error"]
    assert in_box(election) == 1
    # A browser's usual Accept header still gets the receipt page.
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    other = world.members[1]
    client.force_login(other.user)
    html = client.post(
        url("election-vote", election),
        {"organisation": other.organisation.pk, "choice": nominations[0].candidate_key},
        HTTP_ACCEPT=browser,
    )
    assert html["Content-Type"].startswith("text/html")
    assert 'id="tracker"' in html.content.decode()


def test_ranked_form_orders_the_ballot(client, world):
    election, nominations = running_election(
        world, candidates=3, method="stv", seats=2, office=False
    )
    a, b, c = (n.candidate_key for n in nominations)
    response = vote_as(client, world.members[0], election, {f"rank-{c}": "1", f"rank-{a}": "2"})
    assert response.status_code == 200
    content, tracker, _hash = sealed_ballot(election)
    assert json.loads(content)["choices"] == [c, a]
    assert tracker in response.content.decode()


@pytest.mark.parametrize(
    ("ranks", "message"),
    [({"x": "1", "y": "1"}, "different number"), ({"x": "1", "y": "3"}, "without gaps")],
)
def test_bad_rankings_are_refused_with_a_message(client, world, ranks, message):
    election, nominations = running_election(world, candidates=2, method="irv", office=False)
    keys = {"x": nominations[0].candidate_key, "y": nominations[1].candidate_key}
    data = {f"rank-{keys[k]}": v for k, v in ranks.items()}
    response = vote_as(client, world.members[0], election, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert in_box(election) == 0
    assert not VoterRecord.objects.exists()


def test_approval_form_uses_checkboxes(client, world):
    election, nominations = running_election(world, candidates=3, method="approval", office=False)
    client.force_login(world.members[0].user)
    html = client.get(url("election-vote", election)).content.decode()
    assert html.count('type="checkbox"') == 3
    keys = [nominations[2].candidate_key, nominations[0].candidate_key]
    assert vote_as(client, world.members[0], election, {"choice": keys}).status_code == 200
    content, _tracker, _hash = sealed_ballot(election)
    assert json.loads(content)["choices"] == sorted(keys, key=int)


def test_who_may_not_vote(client, voting, django_user_model):
    world, election, _ = voting
    vote_url = url("election-vote", election)
    # Anonymous: to the login page.
    response = client.get(vote_url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    # A user with no organisation, an alternate, a user of another platform: 404.
    stranger = django_user_model.objects.create_user("stranger", password="x-12345678")
    alternate = make_member(world.platform, 50, role=Representative.Role.ALTERNATE)
    other = make_world("elsewhere", members=1).members[0]
    for user in (stranger, alternate.user, other.user):
        client.force_login(user)
        assert client.get(vote_url).status_code == 404
    # A representative posting for another organisation: refused, nothing recorded.
    client.force_login(world.members[1].user)
    response = client.post(vote_url, {"organisation": world.members[0].organisation.pk})
    assert response.status_code == 400
    assert "You may not vote for" in response.content.decode()
    assert not VoterRecord.objects.exists()


def test_drafts_are_not_public(client, world):
    election = make_election(world)
    assert client.get(url("election-detail", election)).status_code == 404
    client.force_login(world.secretariat)
    assert client.get(url("office-detail", election)).status_code == 200


def test_board_is_published_at_closing_and_lists_every_ballot(client, voting):
    world, election, nominations = voting
    assert client.get(url("election-board-json", election)).status_code == 404
    receipts = {}
    for member in world.members:
        client.force_login(member.user)
        response = client.post(
            url("election-vote", election),
            {"organisation": member.organisation.pk, "choice": nominations[0].candidate_key},
            HTTP_ACCEPT="application/json",
        )
        receipts[response.json()["tracker"]] = response.json()["ballot_hash"]
    trackers = set(receipts)
    assert len(trackers) == 4
    # Nothing is on a board, or in the ballots' table, before the box is opened.
    assert not Ballot.objects.exists()
    assert client.get(url("election-board-json", election)).status_code == 404
    services.election_close(actor=world.secretariat, election=election, shares=SHARES[election.pk])
    client.logout()
    data = client.get(url("election-board-json", election)).json()
    # Every receipt is on the board, with its hash (in the order drawn at closing).
    assert {e["tracker"]: e["ballot_hash"] for e in data["entries"]} == receipts
    assert [e["tracker"] for e in data["entries"]] == list(
        Ballot.objects.filter(election=election).values_list("tracker", flat=True)
    )
    assert data["voters"] == data["ballots"] == 4
    assert data["result"]["elected"] == [nominations[0].candidate_key]
    page = client.get(url("election-board", election)).content.decode()
    assert all(t in page for t in trackers)
    assert data["head"] in page


def test_check_my_tracker(client, voting):
    world, election, nominations = voting
    response = vote_as(client, world.members[0], election, {"choice": nominations[0].candidate_key})
    _content, tracker, digest = sealed_ballot(election)
    assert tracker in response.content.decode()
    client.logout()
    # While the vote is open the ballots are sealed: nobody, the server included, can look a
    # tracker up. A cast tracker and an unknown one get the same answer.
    sealed = "The ballots are sealed until the tellers open them when the vote closes"
    before = client.post(url("election-check", election), {"tracker": tracker}).content.decode()
    unknown = client.post(
        url("election-check", election), {"tracker": "0000-0000-0000-0000-0000"}
    ).content.decode()
    assert sealed in before
    assert sealed in unknown
    assert "A ballot with this tracker has been cast." not in before
    assert "Your ballot is on the bulletin board" not in before
    assert same_but_trackers(before, unknown)
    for member in world.members[1:]:
        vote_as(client, member, election, {"choice": "blank"})
    services.election_close(actor=world.secretariat, election=election, shares=SHARES[election.pk])
    client.logout()
    assert Ballot.objects.get(tracker=tracker).content_hash == digest
    page = client.post(url("election-check", election), {"tracker": tracker, "hash": digest})
    html = page.content.decode()
    assert re.search(r"Your ballot is on the bulletin board, entry \d", html)
    assert "Its hash matches your receipt." in html
    wrong = client.post(url("election-check", election), {"tracker": tracker, "hash": "0" * 64})
    assert "does NOT match" in wrong.content.decode()
    missing = client.post(url("election-check", election), {"tracker": "0000-0000-0000-0000-0000"})
    assert "This tracker is not on the board." in missing.content.decode()


def test_results_page_chart_and_pdf(client, world):
    election, nominations = running_election(world, candidates=3, method="irv", office=False)
    prefs = [[0, 1], [0], [1, 0], [2, 1]]
    for member, order in zip(world.members, prefs, strict=True):
        vote_as(
            client,
            member,
            election,
            {f"rank-{nominations[i].candidate_key}": str(r + 1) for r, i in enumerate(order)},
        )
    services.election_close(actor=world.secretariat, election=election, shares=SHARES[election.pk])
    services.election_publish(actor=world.secretariat, election=election)
    client.logout()
    html = client.get(url("election-detail", election)).content.decode()
    assert "<svg" in html
    assert "Round 2" in html
    assert nominations[0].person.full_name in html
    pdf = client.get(url("election-result-pdf", election))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_public_list_query_budget(client, world):
    made = []

    def add_elections(n):
        for _ in range(n):
            election = make_election(world, title=f"E{len(made)}", office=False)
            made.append(
                services.election_open_nominations(actor=world.secretariat, election=election)
            )

    response = assert_page_budget(
        client,
        reverse("elections:election-list", args=[world.platform.slug]),
        add_elections,
        ceiling=6,
    )
    assert response.content.decode().count("Nominations open") == 9


def test_board_query_budget(client, db):
    """The board of an election with 3 ballots and of one with 9, in as many queries."""
    board = {}

    def closed_election_with_more_ballots(n):
        voters = board.get("voters", 0) + n
        world = make_world(f"board{voters}", members=voters)
        election, nominations = running_election(world, candidates=2, office=False)
        for member in world.members:
            services.ballot_cast(
                actor=member.user,
                election=election,
                organisation=member.organisation,
                choices=[nominations[0].candidate_key],
            )
        services.election_close(
            actor=world.secretariat, election=election, shares=SHARES[election.pk]
        )
        board.update(voters=voters, url=url("election-board", election))

    def render():
        response = client.get(board["url"])
        assert response.status_code == 200
        return response

    _, response = assert_constant_queries(
        render, closed_election_with_more_ballots, ceiling=4, what="the board"
    )
    assert response.content.decode().count('<code class="tracker">') == 9


def test_secretariat_runs_the_election(client, world):
    election = make_election(world)
    client.force_login(world.secretariat)
    transition = url("office-transition", election)
    client.post(transition, {"to": "nominations"})
    election.refresh_from_db()
    assert election.state == Election.State.NOMINATIONS
    member = world.members[0]
    client.post(
        url("office-nomination-add", election),
        {"person": member.person.pk, "organisation": member.organisation.pk},
    )
    nomination = election.nominations.get()
    page = client.get(url("office-detail", election)).content.decode()
    assert "Eligible" in page
    # The candidate accepts on the public page.
    client.force_login(member.user)
    client.post(url("nomination-answer", election, nomination.pk), {"accept": "1"})
    nomination.refresh_from_db()
    assert nomination.acceptance == "accepted"
    client.force_login(world.secretariat)
    # No tellers yet: voting does not open, and the page says why.
    response = client.post(transition, {"to": "voting"}, follow=True)
    assert "Appoint the tellers first" in response.content.decode()
    election.refresh_from_db()
    assert election.state == Election.State.NOMINATIONS
    # The secretariat appoints itself and a representative; both must take their share.
    teller = world.members[1].user
    response = client.post(
        url("office-tellers", election),
        {"users": [world.secretariat.pk, teller.pk], "needed": 2},
        follow=True,
    )
    assert "The tellers are appointed." in response.content.decode()
    assert Teller.objects.filter(election=election).count() == 2
    shares = [take_share_page(client, world.secretariat, election)]
    client.force_login(world.secretariat)
    response = client.post(transition, {"to": "voting"}, follow=True)
    assert "1 teller has not taken their share yet" in response.content.decode()
    election.refresh_from_db()
    assert election.state == Election.State.NOMINATIONS
    shares.append(take_share_page(client, teller, election))
    # The share is handed over once: the teller page will not give it again.
    again = client.post(url("teller-share", election), follow=True)
    assert again["Content-Type"].startswith("text/html")
    assert "cannot be shown again" in again.content.decode()
    client.force_login(world.secretariat)
    client.post(transition, {"to": "voting"})
    election.refresh_from_db()
    assert election.state == Election.State.VOTING
    response = client.post(transition, {"to": "closed", "share": shares}, follow=True)
    assert "have not voted yet" in response.content.decode()
    # Everyone voted: the closing form's share fields open the box (one share is too few).
    for voter in world.members:
        assert vote_as(client, voter, election, {"choice": "blank"}).status_code == 200
    client.force_login(world.secretariat)
    response = client.post(transition, {"to": "closed", "share": [shares[0], ""]}, follow=True)
    assert "2 tellers&#x27; shares are needed" in response.content.decode()
    election.refresh_from_db()
    assert election.state == Election.State.VOTING
    client.post(transition, {"to": "closed", "share": [shares[1], shares[0]]})
    election.refresh_from_db()
    assert election.state == Election.State.CLOSED
    assert election.board["ballots"] == election.board["voters"] == len(world.members)


def test_ineligible_nomination_is_refused_with_reasons(client, world):
    election = make_election(world)
    services.election_open_nominations(actor=world.secretariat, election=election)
    outsider = make_world("faraway", members=1).members[0]
    client.force_login(world.secretariat)
    response = client.post(
        url("office-nomination-add", election),
        {"person": world.members[0].person.pk, "organisation": world.members[1].organisation.pk},
        follow=True,
    )
    assert "does not currently represent" in response.content.decode()
    assert not election.nominations.exists()
    # Another platform's person and organisation: refused before any eligibility check.
    with pytest.raises(PermissionDenied, match="You do not manage the platform"):
        services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=outsider.person,
            organisation=outsider.organisation,
        )


@pytest.mark.parametrize("who", ["anonymous", "representative", "other_secretariat"])
def test_back_office_is_closed_to_others(client, world, who):
    election = make_election(world)
    pages = [
        reverse("elections:office-list", args=[world.platform.slug]),
        url("office-detail", election),
        url("office-paper", election),
    ]
    if who == "representative":
        client.force_login(world.members[0].user)
    elif who == "other_secretariat":
        client.force_login(make_world("otherplace", members=0).secretariat)
    for page in pages:
        response = client.get(page)
        if who == "anonymous":
            assert response.status_code == 302
        else:
            assert response.status_code == 404
    response = client.post(url("office-transition", election), {"to": "nominations"})
    assert response.status_code in (302, 404)
    election.refresh_from_db()
    assert election.state == Election.State.DRAFT


def test_an_organisation_number_in_other_digits_is_not_found(client, voting):
    world, election, _ = voting
    client.force_login(world.members[0].user)
    for value in ("²", "٣", "1x", ""):
        response = client.post(url("election-vote", election), {"organisation": value})
        assert response.status_code == 404, value


def test_the_office_reads_an_elections_times_in_the_platforms_time_zone(client, world):
    """The form says "Times in Asia/Baku" and means it: 10:00 there is 06:00 UTC."""
    import datetime
    import zoneinfo

    world.platform.time_zone = "Asia/Baku"
    world.platform.save()
    client.force_login(world.secretariat)
    office = reverse("elections:office-list", args=[world.platform.slug])
    assert "Times in Asia/Baku." in client.get(office).content.decode()
    response = client.post(
        office,
        {
            "title_en": "Election of the auditor",
            "body": world.body.pk,
            "method": "plurality",
            "seats": 1,
            "voting_opens_at": "2030-01-10T10:00",
            "voting_closes_at": "2030-01-10T18:00",
        },
    )
    election = Election.objects.get(title_en="Election of the auditor")
    assert response.status_code == 302
    utc = zoneinfo.ZoneInfo("UTC")
    assert election.voting_opens_at == datetime.datetime(2030, 1, 10, 6, 0, tzinfo=utc)
    assert election.voting_closes_at == datetime.datetime(2030, 1, 10, 14, 0, tzinfo=utc)


def test_the_benchmarks_floor_is_not_in_the_sites_urlconf(client, world, settings):
    """bench-whoami lives in config.urls_bench (PLATFORMA_BENCH=1): the site answers 404 there;
    under the bench URLconf it takes a logged-in POST only."""
    whoami = f"/en/{world.platform.slug}/elections/bench/whoami/"
    member = world.members[0]
    client.force_login(member.user)
    assert client.post(whoami).status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("bench-whoami", args=[world.platform.slug])
    settings.ROOT_URLCONF = "config.urls_bench"
    assert reverse("bench-whoami", args=[world.platform.slug]) == whoami
    assert client.get(whoami).status_code == 405
    response = client.post(whoami)
    assert response.status_code == 200
    assert response.content.decode() == member.user.get_username()
    client.logout()
    assert client.post(whoami).status_code == 403
    # The site's own pages are all still there.
    assert (
        client.get(reverse("elections:election-list", args=[world.platform.slug])).status_code
        == 200
    )
