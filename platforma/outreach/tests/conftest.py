import datetime

import pytest
from django.utils import timezone

from platforma.activities.models import Registration
from platforma.activities.tests.factories import EventFactory
from platforma.core.services import platform_role_grant
from platforma.members.models import Representative
from platforma.publications.models import Stakeholder
from platforma.testing.factories import (
    MembershipFactory,
    PersonFactory,
    PlatformFactory,
    WorkingGroupFactory,
)
from platforma.workinggroups.models import Enrolment


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _mail_settings(settings):
    settings.PLATFORMA_BASE_URL = "https://platforma.example.org"
    settings.PLATFORMA_MAILING_RATE = 0
    settings.PLATFORMA_MAILING_BATCH = 50


@pytest.fixture
def platform(db):
    return PlatformFactory(slug="testland", email="office@testland.example.org")


@pytest.fixture
def secretariat(platform, django_user_model):
    user = django_user_model.objects.create_user(
        "sec", "sec@example.org", "pw-sec-12345", first_name="Sara", last_name="Sec"
    )
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    return user


@pytest.fixture
def office(client, secretariat):
    client.force_login(secretariat)
    return client


def stakeholder(platform, i, *, consent=True, email=None, category="media", **extra):
    return Stakeholder.objects.create(
        platform=platform,
        kind="organisation",
        name=f"Stakeholder {i}",
        category=category,
        email=f"s{i}@example.org" if email is None else email,
        consent_to_contact=consent,
        **extra,
    )


def member(platform, *, email, group=None):
    """An admitted member organisation with a current primary representative."""
    membership = MembershipFactory(platform=platform)
    person = PersonFactory(email=email)
    Representative.objects.create(
        organisation=membership.organisation, person=person, role="primary"
    )
    if group is not None:
        Enrolment.objects.create(
            working_group=group, membership=membership, since=datetime.date(2020, 1, 1)
        )
    return membership


def registrant(event, *, email, status="confirmed"):
    return Registration.objects.create(
        event=event,
        name=email.split("@")[0],
        email=email,
        status=status,
        registered_at=timezone.now(),
    )


@pytest.fixture
def group(platform):
    return WorkingGroupFactory(platform=platform)


@pytest.fixture
def event(platform):
    return EventFactory(platform=platform)
