"""A working group's page shows its members a hundred at a time, whatever the group's size."""

import datetime

import pytest
from django.test import Client

from platforma.testing.factories import MembershipFactory, PlatformFactory, WorkingGroupFactory
from platforma.workinggroups.models import Enrolment

pytestmark = pytest.mark.django_db


def test_a_large_group_is_paged():
    platform = PlatformFactory(slug="testland")
    group = WorkingGroupFactory(platform=platform, slug="wg1")
    for i in range(105):
        membership = MembershipFactory(
            platform=platform, organisation__legal_name_en=f"Organisation {i:03d}"
        )
        Enrolment.objects.create(
            working_group=group, membership=membership, since=datetime.date(2020, 1, 1)
        )
    first = Client().get("/en/testland/working-groups/wg1/").content.decode()
    assert "105 organisations" in first
    assert "Organisation 000" in first
    assert "Organisation 099" in first
    assert "Organisation 100" not in first
    second = Client().get("/en/testland/working-groups/wg1/?page=2").content.decode()
    assert "Organisation 104" in second
    assert "Organisation 000" not in second
