"""The tellers, through the pages they use: appointed in the office, a share taken once, the
vote opened only when every share is out, the box opened at closing with enough of them."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Election, Teller

from .factories import make_election, make_world

pytestmark = pytest.mark.django_db


def url(name, election):
    return reverse(f"elections:{name}", args=[election.platform.slug, election.pk])


@pytest.fixture
def nominating(db):
    world = make_world("tellerland", members=4)
    election = make_election(world, office=False)
    services.election_open_nominations(actor=world.secretariat, election=election)
    for member in world.members[:2]:
        nomination = services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=member.person,
            organisation=member.organisation,
        )
        services.nomination_answer(actor=member.user, nomination=nomination, accept=True)
    for member in world.members:
        member.user.email = f"{member.user.username}@example.org"
        member.user.save()
    return world, election


def appoint(client, world, election, users, needed):
    client.force_login(world.secretariat)
    return client.post(
        url("office-tellers", election),
        {"users": [u.pk for u in users], "needed": needed},
        follow=True,
    )


def take_share(client, user, election):
    client.force_login(user)
    response = client.post(url("teller-share", election))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode()
    return re.search(r"PS1-\d+-\d+-[0-9a-f]{64}", text)[0]


def test_the_office_appoints_tellers_and_each_is_told(
    client, nominating, mailoutbox, django_capture_on_commit_callbacks
):
    world, election = nominating
    tellers = [world.members[2].user, world.members[3].user]
    with django_capture_on_commit_callbacks(execute=True):
        response = appoint(client, world, election, tellers, 2)
    assert "The tellers are appointed" in response.content.decode()
    election.refresh_from_db()
    assert election.tellers_needed == 2
    assert len(election.public_key) == 64
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in tellers)
    assert url("teller-share", election) in mailoutbox[0].body
    assert election.key_fingerprint[:4] in mailoutbox[0].body
    record = AuditEntry.objects.get(action="elections.tellers.appointed")
    assert "PS1-" not in str(record.data)  # the audit log never holds a share
    # The public page shows the key's fingerprint.
    assert election.key_fingerprint in client.get(url("election-detail", election)).content.decode()


@pytest.mark.parametrize(
    ("who", "needed", "message"),
    [
        ("outsider", 1, "Select a valid choice"),
        ("members", 3, "between 1 and the number of tellers"),
        ("members", 0, "greater than or equal to 1"),
    ],
)
def test_bad_appointments_are_refused_and_change_nothing(client, nominating, who, needed, message):
    world, election = nominating
    other = make_world("elsewhere", members=1)
    users = [other.members[0].user] if who == "outsider" else [m.user for m in world.members[:2]]
    response = appoint(client, world, election, users, needed)
    assert message in response.content.decode()
    assert not Teller.objects.filter(election=election).exists()
    election.refresh_from_db()
    assert election.public_key == ""


def test_a_share_is_handed_over_once_and_only_to_its_teller(client, nominating):
    world, election = nominating
    teller, stranger = world.members[2].user, world.members[3].user
    appoint(client, world, election, [teller, world.secretariat], 1)
    client.logout()
    assert client.get(url("teller-share", election)).status_code == 302  # log in first
    client.force_login(stranger)
    assert client.get(url("teller-share", election)).status_code == 404
    assert client.post(url("teller-share", election)).status_code == 404
    client.force_login(teller)
    assert "Take my share" in client.get(url("teller-share", election)).content.decode()
    share = take_share(client, teller, election)
    stored = Teller.objects.get(election=election, user=teller)
    assert stored.pending_share == ""
    assert stored.share_taken_at is not None
    again = client.post(url("teller-share", election)).content.decode()
    assert "PS1-" not in again
    assert "cannot be shown again" in again
    assert share not in str(list(AuditEntry.objects.values_list("data", flat=True)))


def test_voting_opens_only_when_every_share_is_taken_then_enough_shares_close(client, nominating):
    world, election = nominating
    first, second = world.members[2].user, world.members[3].user
    appoint(client, world, election, [first, second, world.secretariat], 2)
    shares = [take_share(client, first, election)]
    client.force_login(world.secretariat)
    response = client.post(url("office-transition", election), {"to": "voting"}, follow=True)
    html = response.content.decode()
    assert "2 tellers have not taken their share yet" in html
    assert "tellerland-office" in html
    assert second.username in html
    shares.append(take_share(client, second, election))
    shares.append(take_share(client, world.secretariat, election))
    client.force_login(world.secretariat)
    client.post(url("office-transition", election), {"to": "voting"})
    election.refresh_from_db()
    assert election.state == Election.State.VOTING
    # Appointing again once the vote is open is refused.
    assert "before voting opens" in appoint(client, world, election, [first], 1).content.decode()
    client.force_login(world.members[0].user)
    client.post(
        url("election-vote", election),
        {"organisation": world.members[0].organisation.pk, "choice": "blank"},
    )
    now = timezone.now()
    Election.objects.filter(pk=election.pk).update(
        voting_opens_at=now - datetime.timedelta(hours=2),
        voting_closes_at=now - datetime.timedelta(minutes=1),
    )
    client.force_login(world.secretariat)
    detail = client.get(url("office-detail", election)).content.decode()
    assert detail.count('name="share"') == 3
    # One share of the two needed: nothing opens, and the page says so.
    html = client.post(
        url("office-transition", election),
        {"to": "closed", "share": [shares[0], "", ""]},
        follow=True,
    ).content.decode()
    assert "2 tellers&#x27; shares are needed" in html or "2 tellers' shares are needed" in html
    election.refresh_from_db()
    assert election.state == Election.State.VOTING
    client.post(
        url("office-transition", election), {"to": "closed", "share": ["", shares[1], shares[2]]}
    )
    election.refresh_from_db()
    assert election.state == Election.State.CLOSED
    assert election.board["ballots"] == 1
