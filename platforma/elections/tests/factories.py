"""Building blocks for election tests: a platform with members, representatives and users."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import Person, Platform, PlatformRole
from platforma.governance.models import Body, Office
from platforma.members.models import Organisation, Representative
from platforma.testing.factories import (
    BodyFactory,
    MembershipFactory,
    OfficeFactory,
    PersonFactory,
    PlatformFactory,
    StatuteFactory,
)

from .. import sealing, services
from ..models import BallotBox, Election


@dataclass
class Member:
    organisation: Organisation
    person: Person
    user: User


@dataclass
class World:
    platform: Platform
    body: Body
    office: Office
    secretariat: User
    members: list[Member] = field(default_factory=list)


def make_member(platform, index: int, *, role=Representative.Role.PRIMARY) -> Member:
    User = get_user_model()
    membership = MembershipFactory.create(platform=platform)
    user = User.objects.create_user(f"{platform.slug}-rep{index}", password="pw-rep-12345")
    person = PersonFactory.create(user=user)
    Representative.objects.create(
        organisation=membership.organisation,
        person=person,
        role=role,
        since=datetime.date(2010, 1, 1),
    )
    return Member(membership.organisation, person, user)


def make_world(slug: str = "testland", members: int = 4, rules: dict | None = None) -> World:
    platform = PlatformFactory.create(slug=slug)
    StatuteFactory(platform=platform, rules=rules or {"proxies": {"max_per_delegate": 1}})
    body = BodyFactory.create(platform=platform)
    office = OfficeFactory.create(platform=platform, body=body, seats=1)
    User = get_user_model()
    secretariat = User.objects.create_user(f"{slug}-office", password="pw-office-12345")
    PlatformRole.objects.create(user=secretariat, platform=platform, role="secretariat")
    world = World(platform, body, office, secretariat)
    world.members = [make_member(platform, i) for i in range(members)]
    return world


def make_election(world: World, *, method="plurality", seats=1, office=True, **fields):
    now = timezone.now()
    defaults: dict[str, Any] = {
        "title": "Election of the platform coordinator",
        "voting_opens_at": now - datetime.timedelta(hours=1),
        "voting_closes_at": now + datetime.timedelta(hours=2),
        "term_starts_on": datetime.date.today() + datetime.timedelta(days=30),
    }
    defaults.update(fields)
    if not office:
        defaults.pop("term_starts_on")
    return services.election_create(
        actor=world.secretariat,
        platform=world.platform,
        body=world.body,
        office=world.office if office else None,
        method=method,
        seats=seats,
        **defaults,
    )


def running_election(world: World, *, candidates: int = 3, **kwargs):
    """An election in its voting state with ``candidates`` accepted candidates (members 0..)."""
    election = make_election(world, **kwargs)
    services.election_open_nominations(actor=world.secretariat, election=election)
    nominations = []
    for member in world.members[:candidates]:
        nomination = services.nomination_create(
            actor=world.secretariat,
            election=election,
            person=member.person,
            organisation=member.organisation,
        )
        services.nomination_answer(actor=member.user, nomination=nomination, accept=True)
        nominations.append(nomination)
    appoint_tellers(world, election)
    election = services.election_open_voting(actor=world.secretariat, election=election)
    return election, nominations


# The shares each test election's tellers took, by election id: what they bring to the closing.
SHARES: dict[int, list[str]] = {}


def appoint_tellers(world: World, election, *, users=None, needed: int = 1) -> list[str]:
    """Appoint tellers (the secretariat by default), have each take their share; return them."""
    users = users or [world.secretariat]
    services.election_tellers_appoint(
        actor=world.secretariat, election=election, users=users, needed=needed
    )
    SHARES[election.pk] = [
        services.teller_share_take(actor=user, election=election) for user in users
    ]
    return SHARES[election.pk]


def close(world: World, election, *, actor=None, shares=None):
    """Close the vote with the tellers' shares (all of them unless ``shares`` says otherwise)."""
    return services.election_close(
        actor=actor or world.secretariat,
        election=election,
        shares=SHARES[election.pk] if shares is None else shares,
    )


def end_vote(election) -> None:
    """Move the end of the vote into the past (so it may close with voters missing)."""
    Election.objects.filter(pk=election.pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    election.refresh_from_db()


def box_contents(election) -> list[str]:
    """The ballots sealed in the election's box, in the box's order, opened with the tellers'
    shares: what the tellers could read, and only what they could read, during the vote."""
    box = BallotBox.objects.get(pk=election.pk)
    private = sealing.combine(
        [sealing.parse_share(s) for s in SHARES[election.pk]], election.tellers_needed
    )
    assert sealing.opens(private, election.public_key)
    return [
        sealing.unseal(private, record)
        for record in sealing.records(bytes(box.sealed), box.record_size)
    ]


SHARE_LINE = re.compile(r"^PS1-\d+-\d+-[0-9a-f]{64}$", re.MULTILINE)


def take_share_page(client, user, election) -> str:
    """``user`` takes their share on the teller page (the POST answers a text file): the share."""
    client.force_login(user)
    page = reverse("elections:teller-share", args=[election.platform.slug, election.pk])
    response = client.post(page)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment;")
    (share,) = SHARE_LINE.findall(response.content.decode())
    return share
