"""Nominations: who may nominate, eligibility with reasons, acceptance, seconders, demo."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from platforma.core.models import AuditEntry
from platforma.elections import services
from platforma.elections.models import Election
from platforma.governance.models import Mandate, Office
from platforma.testing.factories import OfficeFactory

from .factories import make_election

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_election(world):
    election = make_election(world)
    return services.election_open_nominations(actor=world.secretariat, election=election)


def test_self_nomination_and_nomination_by_a_member(world, open_election):
    a, b = world.members[0], world.members[1]
    own = services.nomination_create(
        actor=a.user, election=open_election, person=a.person, organisation=a.organisation
    )
    assert own.self_nominated
    by_b = services.nomination_create(
        actor=b.user,
        election=open_election,
        person=world.members[2].person,
        organisation=world.members[2].organisation,
        nominated_by=b.organisation,
    )
    assert by_b.nominated_by == b.organisation
    with pytest.raises(ValidationError, match="may not make this nomination"):
        services.nomination_create(
            actor=a.user,
            election=open_election,
            person=world.members[3].person,
            organisation=world.members[3].organisation,
        )
    with pytest.raises(ValidationError, match="already nominated"):
        services.nomination_create(
            actor=world.secretariat,
            election=open_election,
            person=a.person,
            organisation=a.organisation,
        )
    assert AuditEntry.objects.filter(action="elections.nomination.created").count() == 2


def test_only_the_candidate_answers(world, open_election):
    a = world.members[0]
    nomination = services.nomination_create(
        actor=world.secretariat,
        election=open_election,
        person=a.person,
        organisation=a.organisation,
    )
    with pytest.raises(ValidationError, match="Only the candidate"):
        services.nomination_answer(actor=world.members[1].user, nomination=nomination, accept=True)
    services.nomination_answer(actor=a.user, nomination=nomination, accept=False)
    nomination.refresh_from_db()
    assert nomination.acceptance == "declined"


def test_coordinator_post_limit_is_enforced_with_its_reason(world, open_election):
    a = world.members[0]
    wg_office = OfficeFactory(platform=world.platform, kind=Office.Kind.OTHER, name_en="Auditor")
    wg_office.kind = Office.Kind.SUBGROUP_COORDINATOR
    wg_office.save()
    Mandate.objects.create(
        office=wg_office,
        person=world.members[3].person,
        organisation=a.organisation,
        starts_on=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError, match="already holds 1 coordinator post"):
        services.nomination_create(
            actor=world.secretariat,
            election=open_election,
            person=a.person,
            organisation=a.organisation,
        )


def test_term_limit_is_enforced(db):
    from .factories import make_world

    world = make_world(
        "limits", rules={"offices": {"platform_coordinator": {"max_total_terms": 1}}}
    )
    a = world.members[0]
    Mandate.objects.create(
        office=world.office,
        person=a.person,
        organisation=a.organisation,
        starts_on=datetime.date(2015, 1, 1),
        ends_on=datetime.date(2016, 12, 31),
    )
    election = services.election_open_nominations(
        actor=world.secretariat, election=make_election(world)
    )
    with pytest.raises(ValidationError, match="already served 1 term"):
        services.nomination_create(
            actor=world.secretariat, election=election, person=a.person, organisation=a.organisation
        )


def test_nominations_only_in_their_window(world):
    election = make_election(world)
    a = world.members[0]
    with pytest.raises(ValidationError, match="not open"):
        services.nomination_create(
            actor=world.secretariat, election=election, person=a.person, organisation=a.organisation
        )


def test_seconding(world, open_election):
    a, b = world.members[0], world.members[1]
    nomination = services.nomination_create(
        actor=world.secretariat,
        election=open_election,
        person=a.person,
        organisation=a.organisation,
    )
    services.nomination_second(actor=b.user, nomination=nomination, organisation=b.organisation)
    with pytest.raises(ValidationError, match="already seconds"):
        services.nomination_second(actor=b.user, nomination=nomination, organisation=b.organisation)
    with pytest.raises(ValidationError, match="cannot second"):
        services.nomination_second(actor=a.user, nomination=nomination, organisation=a.organisation)


def test_demo_election_is_published_and_verifies(demo_platform):
    from platforma.elections import demo
    from platforma.elections.bulletin import verify

    mandates = Mandate.objects.count()
    election = demo.load(platform=demo_platform, who={"actor": None, "actor_label": "demo"})
    assert election.state == Election.State.PUBLISHED
    assert Mandate.objects.count() == mandates
    assert verify(election) == []
    names = {c["key"]: c["name"] for c in election.board["election"]["candidates"]}
    assert [names[k] for k in election.board["result"]["elected"]] == ["Nigar Huseynova"]
    assert election.board["ballots"] == election.board["voters"] == 38
