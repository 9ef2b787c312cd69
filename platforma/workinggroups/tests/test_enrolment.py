import datetime

import pytest
from django.core.exceptions import ValidationError

from platforma.members import services as members
from platforma.testing.factories import MembershipFactory, PlatformFactory, WorkingGroupFactory
from platforma.workinggroups import services
from platforma.workinggroups.models import Enrolment

pytestmark = pytest.mark.django_db
D = datetime.date


def test_enrolment_rules():
    platform = PlatformFactory()
    group = WorkingGroupFactory(platform=platform)
    member = MembershipFactory(platform=platform)
    services.enrolment_add(actor=None, working_group=group, membership=member, since=D(2011, 1, 1))
    with pytest.raises(ValidationError, match="already in"):
        services.enrolment_add(
            actor=None, working_group=group, membership=member, since=D(2012, 1, 1)
        )
    with pytest.raises(ValidationError, match="not a member of this working group's platform"):
        services.enrolment_add(
            actor=None, working_group=group, membership=MembershipFactory(), since=D(2011, 1, 1)
        )
    suspended = MembershipFactory(platform=platform)
    members.membership_transition(
        actor=None, membership=suspended, to_status="suspended", effective_on=D(2011, 1, 1)
    )
    with pytest.raises(ValidationError, match="good standing"):
        services.enrolment_add(
            actor=None, working_group=group, membership=suspended, since=D(2011, 2, 1)
        )
    assert Enrolment.objects.count() == 1


def test_ending_and_rejoining():
    platform = PlatformFactory()
    group = WorkingGroupFactory(platform=platform)
    member = MembershipFactory(platform=platform)
    enrolment = services.enrolment_add(
        actor=None, working_group=group, membership=member, since=D(2011, 1, 1)
    )
    with pytest.raises(ValidationError, match="before it started"):
        services.enrolment_end(actor=None, enrolment=enrolment, until=D(2010, 1, 1))
    services.enrolment_end(actor=None, enrolment=enrolment, until=D(2012, 1, 1))
    services.enrolment_add(actor=None, working_group=group, membership=member, since=D(2013, 1, 1))
    assert Enrolment.objects.filter(membership=member).count() == 2


def test_subgroups_stay_one_level_deep_and_in_their_platform():
    platform = PlatformFactory()
    wg1 = WorkingGroupFactory(platform=platform)
    media = services.working_group_create(
        actor=None, platform=platform, parent=wg1, slug="media", name_en="Media"
    )
    assert list(wg1.subgroups.all()) == [media]
    with pytest.raises(ValidationError, match="cannot have sub-groups"):
        services.working_group_create(
            actor=None, platform=platform, parent=media, slug="tv", name_en="TV"
        )
    with pytest.raises(ValidationError, match="same platform"):
        services.working_group_create(
            actor=None, platform=PlatformFactory(), parent=wg1, slug="x", name_en="X"
        )
