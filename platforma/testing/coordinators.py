"""Fixtures of a working group's coordinator, shared by the apps' tests of coordinators' pages
(imported by their conftest.py). They use the requesting tests' ``platform`` fixture."""

import pytest
from django.test import Client

from .factories import WorkingGroupFactory, coordinator_of


@pytest.fixture
def groups(platform):
    """Two working groups of ``platform``: the coordinator's (WG1) and another (WG2)."""
    return (
        WorkingGroupFactory(platform=platform, slug="wg1", name_en="Economy"),
        WorkingGroupFactory(platform=platform, slug="wg2", name_en="Environment"),
    )


@pytest.fixture
def coordinator(groups, django_user_model):
    """A user whose person holds WG1's coordinator mandate, in force today."""
    user = django_user_model.objects.create_user("coord", password="pw-coord-12345")
    coordinator_of(groups[0], user)
    return user


@pytest.fixture
def coord(coordinator) -> Client:
    """A client logged in as the coordinator."""
    client = Client()
    client.force_login(coordinator)
    return client
