import datetime

import pytest
from django.core.exceptions import ValidationError

from platforma.core import services as core
from platforma.governance import services
from platforma.governance.models import Office
from platforma.governance.selectors import board_of_governance, country_facilitator
from platforma.members import services as members
from platforma.testing.factories import (
    MembershipFactory,
    OfficeFactory,
    PersonFactory,
    PlatformFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def platform():
    platform = PlatformFactory()
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute",
        effective_from=D(2009, 1, 1),
        rules={
            "offices": {
                "platform_coordinator": {"term_years": 2, "max_consecutive_terms": 2},
                "wg_coordinator": {"term_years": 2, "max_consecutive_terms": None},
            },
            "max_coordinator_posts_per_organisation": 1,
        },
    )
    return platform


def start(office, membership, person=None, day=None, **kwargs):
    return services.mandate_start(
        actor=None,
        office=office,
        person=person or PersonFactory(),
        organisation=membership.organisation,
        starts_on=day or D(2013, 1, 1),
        **kwargs,
    )


def test_a_mandate_runs_one_statutory_term(platform):
    office = OfficeFactory(platform=platform)
    mandate = start(office, MembershipFactory(platform=platform), day=D(2013, 11, 16))
    assert mandate.ends_on == D(2015, 11, 15)


def test_only_members_in_good_standing_hold_office(platform):
    office = OfficeFactory(platform=platform)
    outsider = MembershipFactory()  # a member of another platform
    with pytest.raises(ValidationError, match="not a member in good standing"):
        start(office, outsider)
    suspended = MembershipFactory(platform=platform)
    members.membership_transition(
        actor=None, membership=suspended, to_status="suspended", effective_on=D(2012, 1, 1)
    )
    with pytest.raises(ValidationError, match="not a member in good standing"):
        start(office, suspended)
    assert not office.mandates.exists()


def test_seats_are_not_overfilled(platform):
    office = OfficeFactory(platform=platform)
    start(office, MembershipFactory(platform=platform))
    with pytest.raises(ValidationError, match="Every seat"):
        start(office, MembershipFactory(platform=platform))


def test_one_coordinator_post_per_organisation(platform):
    membership = MembershipFactory(platform=platform)
    wg1 = OfficeFactory(
        platform=platform,
        kind=Office.Kind.WG_COORDINATOR,
        working_group=WorkingGroupFactory(platform=platform),
    )
    wg2 = OfficeFactory(
        platform=platform,
        kind=Office.Kind.WG_COORDINATOR,
        working_group=WorkingGroupFactory(platform=platform),
    )
    start(wg1, membership)
    with pytest.raises(ValidationError, match="allows 1 per organisation"):
        start(wg2, membership)


def test_consecutive_term_limit(platform):
    office = OfficeFactory(platform=platform)
    membership, person = MembershipFactory(platform=platform), PersonFactory()
    start(office, membership, person, day=D(2011, 1, 1))
    start(office, membership, person, day=D(2013, 1, 1))
    with pytest.raises(ValidationError, match="2 consecutive terms"):
        start(office, membership, person, day=D(2015, 1, 1))
    # After a break of one term the person may stand again.
    start(office, membership, person, day=D(2017, 1, 1))


def test_ending_a_mandate_early(platform):
    office = OfficeFactory(platform=platform)
    mandate = start(office, MembershipFactory(platform=platform), day=D(2013, 1, 1))
    services.mandate_end(actor=None, mandate=mandate, ended_on=D(2013, 6, 30), reason="resignation")
    assert country_facilitator(platform, D(2013, 6, 30)) == mandate
    assert country_facilitator(platform, D(2013, 7, 1)) is None
    with pytest.raises(ValidationError, match="already ended"):
        services.mandate_end(actor=None, mandate=mandate, ended_on=D(2013, 7, 1), reason="other")


def test_board_is_derived_from_mandates_by_the_statute_in_force(platform):
    coordinator = OfficeFactory(platform=platform)
    group = WorkingGroupFactory(platform=platform)
    wg_office = OfficeFactory(
        platform=platform, kind=Office.Kind.WG_COORDINATOR, working_group=group
    )
    auditor = OfficeFactory(platform=platform, kind=Office.Kind.AUDITOR, name_en="Auditor")
    c = start(coordinator, MembershipFactory(platform=platform))
    w = start(wg_office, MembershipFactory(platform=platform))
    a = start(auditor, MembershipFactory(platform=platform))
    assert board_of_governance(platform, D(2013, 6, 1)) == [c, w]
    # A statute that puts the auditor on the Board changes the Board from its first day.
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute, 2014 revision",
        effective_from=D(2014, 1, 1),
        rules={"board_composition": ["platform_coordinator", "wg_coordinator", "auditor"]},
    )
    assert board_of_governance(platform, D(2013, 12, 31)) == [c, w]
    assert board_of_governance(platform, D(2014, 1, 1)) == [c, w, a]
    assert board_of_governance(platform, D(2016, 1, 1)) == []  # every term has ended
