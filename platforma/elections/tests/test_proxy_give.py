"""A primary representative gives their organisation's vote to another member, on the page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Election, ElectionProxy

from .factories import make_election, make_world, running_election

pytestmark = pytest.mark.django_db

FORM = "Give the proxy"


def url(name, election, *args):
    return reverse(f"elections:{name}", args=[election.platform.slug, election.pk, *args])


def give(client, member, election, holder, grantor=None):
    client.force_login(member.user)
    return client.post(
        url("proxy-give", election),
        {"grantor": (grantor or member.organisation).pk, "holder": holder.organisation.pk},
        follow=True,
    )


def test_representative_gives_the_proxy_and_the_holder_votes_for_it(client, voting):
    world, election, _ = voting
    grantor, holder = world.members[0], world.members[1]
    client.force_login(grantor.user)
    page = client.get(url("election-detail", election)).content.decode()
    assert FORM in page
    response = give(client, grantor, election, holder)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url("election-detail", election)
    message = f"{grantor.organisation} gives its vote in this election to {holder.organisation}."
    assert message in html
    assert FORM not in html  # its only organisation has given its vote
    proxy = ElectionProxy.objects.get()
    assert (proxy.grantor, proxy.holder, proxy.recorded_by) == (
        grantor.organisation,
        holder.organisation,
        grantor.user,
    )
    assert AuditEntry.objects.filter(action="elections.proxy.granted").count() == 1

    # The holder's voting page now carries the grantor's ballot, marked as by proxy.
    client.force_login(holder.user)
    ballot_page = client.get(url("election-vote", election))
    assert ballot_page.status_code == 200
    ballot_html = ballot_page.content.decode()
    assert str(grantor.organisation) in ballot_html
    assert f"Cast the ballot of {grantor.organisation}" in ballot_html
    assert "by proxy" in ballot_html
    # The grantor no longer votes itself.
    client.force_login(grantor.user)
    assert client.get(url("election-vote", election)).status_code == 404


def test_proxy_during_nominations(client, world):
    election = make_election(world)
    services.election_open_nominations(actor=world.secretariat, election=election)
    response = give(client, world.members[2], election, world.members[3])
    assert "gives its vote in this election to" in response.content.decode()
    assert ElectionProxy.objects.filter(election=election).count() == 1


def test_the_statutes_checks_still_apply(client, voting):
    world, election, nominations = voting
    a, b, c, d = world.members
    give(client, a, election, b)
    before = (ElectionProxy.objects.count(), AuditEntry.objects.count())
    # At most one proxy per holder (the statute of the test world).
    response = give(client, c, election, b)
    assert "already carries 1 proxies; the statute allows 1" in response.content.decode()
    # An organisation that gave its vote away cannot carry one.
    response = give(client, c, election, a)
    assert "has given its own vote away" in response.content.decode()
    # Nor give another organisation's vote.
    response = give(client, c, election, d, grantor=d.organisation)
    assert "Choose your organisation" in response.content.decode()
    assert (ElectionProxy.objects.count(), AuditEntry.objects.count()) == before
    # Once its ballot is cast, an organisation cannot give its vote.
    services.ballot_cast(
        actor=d.user,
        election=election,
        organisation=d.organisation,
        choices=[nominations[0].candidate_key],
    )
    client.force_login(d.user)
    assert FORM not in client.get(url("election-detail", election)).content.decode()
    response = give(client, d, election, c)
    assert "has already voted in this election" in response.content.decode()
    assert (ElectionProxy.objects.count(), AuditEntry.objects.count()) == (
        before[0],
        before[1] + 1,  # the ballot's record
    )


def test_no_proxy_after_the_vote(client, voting):
    world, election, _ = voting
    Election.objects.filter(pk=election.pk).update(
        voting_opens_at=timezone.now() - datetime.timedelta(days=2),
        voting_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(world.members[0].user)
    assert FORM not in client.get(url("election-detail", election)).content.decode()
    response = give(client, world.members[0], election, world.members[1])
    assert "Proxies are given while nominations are open" in response.content.decode()
    assert not ElectionProxy.objects.exists()


def test_no_proxy_when_the_statute_allows_none(client, db):
    world = make_world("noproxy", rules={"proxies": {"allowed": False}})
    election, _ = running_election(world, candidates=2, office=False)
    client.force_login(world.members[0].user)
    assert FORM not in client.get(url("election-detail", election)).content.decode()
    response = give(client, world.members[0], election, world.members[1])
    assert "The statute does not allow proxies." in response.content.decode()
    assert not ElectionProxy.objects.exists()


def test_who_finds_no_door(client, voting, django_user_model):
    world, election, _ = voting
    proxy_url = url("proxy-give", election)
    data = {"grantor": world.members[0].organisation.pk, "holder": world.members[1].organisation.pk}
    assert "/accounts/login/" in client.post(proxy_url, data)["Location"]
    stranger = django_user_model.objects.create_user("nobody", password="x-12345678")
    client.force_login(stranger)
    assert client.post(proxy_url, data).status_code == 404
    client.force_login(world.members[0].user)
    assert client.get(proxy_url).status_code == 405
    assert not ElectionProxy.objects.exists()
