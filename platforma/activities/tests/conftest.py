import pytest

from platforma.core.services import platform_role_grant
from platforma.testing.factories import PlatformFactory

from .factories import EventFactory


@pytest.fixture
def platform(db):
    return PlatformFactory(slug="testland", time_zone="Asia/Baku")


@pytest.fixture
def event(platform):
    return EventFactory(platform=platform)


@pytest.fixture
def secretariat(platform, django_user_model):
    user = django_user_model.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    return user


@pytest.fixture
def outsider(django_user_model):
    """A secretariat member of another platform."""
    user = django_user_model.objects.create_user("other", "o@example.org", "pw-other-12345")
    platform_role_grant(
        actor=None,
        actor_label="test",
        user=user,
        platform=PlatformFactory(slug="elsewhere"),
        role="secretariat",
    )
    return user


@pytest.fixture(autouse=True)
def _english_first():
    """A request leaves its language active in the thread; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


# A working group's coordinator (tests of the coordinators' pages).
from platforma.testing.coordinators import coord, coordinator, groups  # noqa: E402, F401

from .office_helpers import office  # noqa: E402, F401 - the logged-in secretariat's client
