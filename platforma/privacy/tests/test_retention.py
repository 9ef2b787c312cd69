"""Retention: registrations of events that ended long ago are pseudonymised, figures unchanged."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from platforma.activities.models import Attendance, Registration
from platforma.activities.tests.factories import EventFactory
from platforma.core.models import AuditEntry
from platforma.privacy.tasks import retention
from platforma.testing.factories import OrganisationFactory, PlatformFactory

from .conftest import ago, register

pytestmark = pytest.mark.django_db


def figures():
    """What the annual report counts: registrations by event, status and organisation."""
    return list(
        Registration.objects.values("event_id", "status", "organisation_id", "organisation_name")
        .annotate(n=Count("id"))
        .order_by("event_id", "status", "organisation_id", "organisation_name")
    ), list(Attendance.objects.values("event_id").annotate(n=Count("id")).order_by("event_id"))


def run():
    out = StringIO()
    call_command("privacy_retention", stdout=out)
    return out.getvalue()


def test_only_old_registrations_are_pseudonymised_once(settings):
    settings.PLATFORMA_REGISTRATION_RETENTION_DAYS = 730
    platform = PlatformFactory(slug="testland")
    old = EventFactory(platform=platform, starts_at=ago(800), ends_at=ago(799))
    recent = EventFactory(platform=platform, starts_at=ago(700), ends_at=ago(699))
    member = OrganisationFactory()
    kept = register(old, "Old One", "one@example.org", organisation=member)
    register(
        old,
        "Old Two",
        "two@example.org",
        organisation_name="Freelance",
        status=Registration.Status.CANCELLED,
    )
    Attendance.objects.create(
        event=old, registration=kept, name="Old One", organisation=member, checked_in_at=ago(799)
    )
    register(recent, "Recent", "recent@example.org")
    before = figures()

    said = run()

    assert "testland: 2 registrations pseudonymised" in said
    assert not Registration.objects.filter(event=old, name__startswith="Old").exists()
    assert not Registration.objects.filter(event=old, email__endswith="@example.org").exists()
    assert Attendance.objects.get().name.startswith("Erased")
    assert Registration.objects.get(event=recent).email == "recent@example.org"
    assert figures() == before
    entry = AuditEntry.objects.get(action="privacy.retention.registrations_pseudonymised")
    assert entry.platform == platform
    assert entry.data["registrations"] == 2
    assert entry.actor_label == "retention"

    # Again: nothing left to do, nothing recorded.
    assert "retention: 0 registrations" in run()
    assert AuditEntry.objects.filter(action__startswith="privacy.retention").count() == 1
    # The worker's task is the same.
    assert retention.call() == {}
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "ok" in out.getvalue()
