import pytest

from platforma.core.services import platform_role_grant
from platforma.testing.factories import PlatformFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def platform(db):
    return PlatformFactory(slug="testland")


@pytest.fixture
def secretariat(platform, django_user_model):
    user = django_user_model.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    return user


@pytest.fixture(autouse=True)
def _english_first():
    """A request leaves its language active in the thread; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def other(django_user_model):
    """Another platform with its own secretariat: ``(platform, user)``."""
    platform = PlatformFactory(slug="otherland")
    user = django_user_model.objects.create_user("other-sec", "o@example.org", "pw-sec-12345")
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    return platform, user


@pytest.fixture
def office(client, secretariat):
    """A client logged in as the platform's secretariat."""
    client.force_login(secretariat)
    return client


# A working group's coordinator (tests of the coordinators' pages).
from platforma.testing.coordinators import coord, coordinator, groups  # noqa: E402, F401
