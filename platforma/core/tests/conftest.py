"""The permission walk's world: the demo platform, another platform, and a user of each role."""

import pytest

from platforma.core.services import platform_role_grant
from platforma.members.models import Application, Membership
from platforma.members.services import representative_assign
from platforma.testing.factories import PersonFactory, PlatformFactory


@pytest.fixture
def world(demo_platform, django_user_model):
    users = {"anonymous": None}
    users["forum"] = django_user_model.objects.create_superuser(
        "forum", "f@example.org", "pw-1234567"
    )
    sec = django_user_model.objects.create_user("sec", password="pw-1234567")
    platform_role_grant(actor=None, user=sec, platform=demo_platform, role="secretariat")
    users["secretariat"] = sec
    other = django_user_model.objects.create_user("other", password="pw-1234567")
    platform_role_grant(
        actor=None, user=other, platform=PlatformFactory(slug="armenia"), role="secretariat"
    )
    users["other_secretariat"] = other
    rep = django_user_model.objects.create_user("rep", password="pw-1234567")
    membership = Membership.objects.get(platform=demo_platform, organisation__acronym="CCO")
    representative_assign(
        actor=None,
        organisation=membership.organisation,
        person=PersonFactory(user=rep),
        role="alternate",
    )
    users["representative"] = rep
    from platforma.activities.models import Event, Registration
    from platforma.elections.models import Election, Nomination
    from platforma.meetings.models import Meeting, Motion
    from platforma.publications.models import Publication
    from platforma.reports import services as reports

    report = reports.report_draft(actor=users["forum"], platform=demo_platform, year=2014)
    reports.report_approve(actor=users["forum"], report=report)
    reports.report_publish(actor=users["forum"], report=report)
    reports.report_draft(actor=users["forum"], platform=demo_platform, year=2015)
    election = Election.objects.get(platform=demo_platform)
    data = {
        "application": Application.objects.get(platform=demo_platform),
        "membership": membership,
        "event": Event.objects.filter(platform=demo_platform).first(),
        "registration": Registration.objects.filter(event__platform=demo_platform).first(),
        "publication": Publication.objects.filter(platform=demo_platform).first(),
        "meeting": Meeting.objects.filter(body__platform=demo_platform).first(),
        "motion": Motion.objects.filter(meeting__body__platform=demo_platform).first(),
        "election": election,
        "nomination": Nomination.objects.filter(election=election).first(),
    }
    data["platform"] = demo_platform
    data["other_platform"] = other.platform_roles.get().platform
    return users, data
