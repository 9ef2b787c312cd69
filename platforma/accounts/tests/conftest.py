import pytest
from django.urls import reverse

from platforma.core import services
from platforma.core.models import PlatformRole
from platforma.testing.factories import PlatformFactory
from platforma.testing.second_factor import totp_code, totp_device

PASSWORD = "a-long-pass-phrase-42"


def log_in(client, username, password=PASSWORD, code=None, **extra):
    """The login page, then the code page when it asks (with ``code``, or the device's)."""
    from django.contrib.auth.models import User

    response = client.post(reverse("login"), {"username": username, "password": password}, **extra)
    if response.status_code == 302 and response["Location"] == reverse("accounts:second-factor"):
        if code is None:
            code = totp_code(totp_device(User.objects.get(username=username)))
        response = client.post(reverse("accounts:second-factor"), {"code": code}, **extra)
    return response


@pytest.fixture
def armenia(db):
    return PlatformFactory(slug="armenia")


@pytest.fixture
def make_secretariat(django_user_model):
    def make(platform, name="sec", device=True):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
        services.platform_role_grant(
            actor=None, user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
        )
        if device:
            totp_device(user)
        return user

    return make


@pytest.fixture
def make_representative(django_user_model):
    def make(platform, name="rep"):
        from platforma.members.services import representative_assign
        from platforma.testing.factories import MembershipFactory, PersonFactory

        membership = MembershipFactory(platform=platform)
        user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
        representative_assign(
            actor=None, organisation=membership.organisation, person=PersonFactory(user=user)
        )
        return user

    return make
