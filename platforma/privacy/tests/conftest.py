import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from platforma.activities.models import Registration
from platforma.activities.tests.factories import EventFactory
from platforma.core.models import PlatformRole
from platforma.elections.tests.factories import make_world
from platforma.members.models import Application, ApplicationDocument, Membership
from platforma.publications.models import Stakeholder
from platforma.testing.factories import MembershipFactory, PlatformFactory

ADDRESS = "Anna3@Example.org"  # member 3 of the world: a representative, not a candidate


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def register(event, name, email, **fields):
    return Registration.objects.create(
        event=event,
        name=name,
        email=email,
        status=fields.pop("status", Registration.Status.CONFIRMED),
        registered_at=fields.pop("registered_at", timezone.now()),
        **fields,
    )


@pytest.fixture
def world(db):
    """A platform with four members (their representatives anna0..anna3@example.org, with
    accounts) and a secretariat; anna3 also registered for an event, is a stakeholder, and is
    the contact person of an application with a document. bob@example.org registered too."""
    world = make_world("testland")
    person = world.members[3].person
    person.email = ADDRESS.lower()
    person.save()
    event = EventFactory(platform=world.platform)
    register(event, "Anna Three", "anna3@example.org", person=person)
    register(event, "Bob Other", "bob@example.org")
    Stakeholder.objects.create(
        platform=world.platform,
        kind=Stakeholder.Kind.PERSON,
        name="Anna Three",
        category="think_tank",
        email="ANNA3@example.org",
        phone="+994 12 000 00 00",
        consent_to_contact=True,
    )
    Stakeholder.objects.create(
        platform=world.platform,
        name="Bob's Institute",
        category="university",
        email="bob@example.org",
    )
    membership = MembershipFactory(platform=world.platform, status=Membership.Status.APPLIED)
    application = Application.objects.create(
        platform=world.platform,
        organisation=membership.organisation,
        membership=membership,
        contact_name="Anna Three",
        contact_email="anna3@example.org",
        contact_phone="+994 50 000 00 00",
    )
    document = ApplicationDocument(
        application=application,
        kind=ApplicationDocument.Kind.STATUTE,
        original_name="statute.pdf",
        content_type="application/pdf",
        size=13,
        sha256="0" * 64,
    )
    document.file.save("statute.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    world.event = event
    world.application = application
    return world


@pytest.fixture
def other_secretariat(db):
    user = get_user_model().objects.create_user("elsewhere-office", password="pw-office-12345")
    PlatformRole.objects.create(
        user=user, platform=PlatformFactory(slug="elsewhere"), role="secretariat"
    )
    return user


def link_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S*/privacy/link/[\w-]+/)", message.body)
    assert match, message.body
    return match.group(1)


def ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
