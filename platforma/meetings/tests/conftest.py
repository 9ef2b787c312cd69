"""Fixtures for the meetings tests: a small platform with a statute, bodies and members."""

import datetime
import zoneinfo

import pytest

from platforma.core import services as core
from platforma.core.models import PlatformRole
from platforma.governance.models import Body
from platforma.meetings import services
from platforma.members.models import Representative
from platforma.testing.factories import (
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    PlatformFactory,
)

BAKU = zoneinfo.ZoneInfo("Asia/Baku")
RULES = {
    "quorum": {"share": "1/2", "more_than": True, "count_proxies": True},
    "majorities": {
        "ordinary": "simple",
        "statute_change": "two_thirds_present",
        "expulsion": "two_thirds_present",
        "no_confidence": "absolute_members",
    },
    "admission": {"majority": "simple_present"},
    "abstentions_count_as_cast": False,
    "proxies": {"allowed": True, "max_per_delegate": 1},
    "notice_days": {"ordinary": 14, "extraordinary": 7},
}


def at(day, hour=10, minute=0):
    return datetime.datetime(2014, *day, hour, minute, tzinfo=BAKU)


@pytest.fixture
def platform(db):
    platform = PlatformFactory(slug="testland", time_zone="Asia/Baku", email="np@example.org")
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute",
        effective_from=datetime.date(2009, 1, 1),
        rules=RULES,
    )
    return platform


@pytest.fixture
def assembly(platform):
    return BodyFactory(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)


@pytest.fixture
def members(platform):
    """Nine members in good standing, each with a primary representative with an address."""
    return [new_member(platform) for _ in range(9)]


def new_member(platform):
    """A member in good standing with a primary representative."""
    membership = MembershipFactory(platform=platform)
    Representative.objects.create(
        organisation=membership.organisation,
        person=PersonFactory(),
        role=Representative.Role.PRIMARY,
    )
    return membership


@pytest.fixture
def meeting(assembly, members):
    return services.meeting_create(
        actor=None,
        actor_label="test",
        body=assembly,
        starts_at=at((3, 15)),
        title_en="General Assembly 2014",
        place_en="Baku",
    )


@pytest.fixture
def secretary(platform, django_user_model):
    user = django_user_model.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    PlatformRole.objects.create(user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT)
    return user


@pytest.fixture
def outsider(django_user_model):
    """A secretariat user of another platform."""
    other = PlatformFactory(slug="elsewhere")
    user = django_user_model.objects.create_user("other", "o@example.org", "pw-other-123")
    PlatformRole.objects.create(user=user, platform=other, role=PlatformRole.Role.SECRETARIAT)
    return user


def open_sitting(meeting, when=None):
    """Open the sitting (half an hour before the start unless told): check-in may begin."""
    meeting.refresh_from_db()
    if meeting.opened_at is None:
        services.meeting_open(
            actor=None,
            actor_label="test",
            meeting=meeting,
            at=when or meeting.starts_at - datetime.timedelta(minutes=30),
        )
        meeting.refresh_from_db()
    return meeting


def check_in(meeting, memberships, when=None):
    """Check in ``memberships`` (opening the sitting first, as the secretariat does)."""
    open_sitting(meeting)
    return [
        services.attendance_check_in(
            actor=None, actor_label="test", meeting=meeting, membership=m, at=when or at((3, 15))
        )
        for m in memberships
    ]
