import pytest

from .factories import make_world, running_election


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def voting(world):
    """(world, election, nominations): a plurality election open for voting, office-filling."""
    election, nominations = running_election(world, candidates=3, office=False)
    return world, election, nominations


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
