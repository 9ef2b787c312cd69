"""Fixtures for the report tests: users with roles, a published demo report, data builders."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import zoneinfo
from typing import Any

import pytest

from platforma.activities import services as activities
from platforma.activities.models import Event
from platforma.core.models import PlatformRole
from platforma.publications import services as publications
from platforma.publications.models import Publication
from platforma.reports import services
from platforma.testing.factories import MembershipFactory, PlatformFactory, WorkingGroupFactory

WHO: dict[str, Any] = {"actor": None, "actor_label": "test"}  # the system, as keywords


@pytest.fixture
def secretariat_of(django_user_model):
    def make(platform, username=None):
        user = django_user_model.objects.create_user(
            username or f"sec-{platform.slug}", password="pw-sec-123"
        )
        PlatformRole.objects.create(
            user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
        )
        return user

    return make


@pytest.fixture
def published_demo_report(demo_platform):
    report = services.report_draft(platform=demo_platform, year=2014, **WHO)
    services.report_approve(report=report, **WHO)
    return services.report_publish(report=report, **WHO)


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The text of a PDF as pdftotext reads it, with whitespace collapsed."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed"
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    text = " ".join(out.stdout.decode().split())
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a line broken after a hyphen


def add_activities(platform, year: int, count: int, groups=()) -> list[Event]:
    """``count`` events in ``year`` with WGs, a recorded count, and some check-ins."""
    tz = zoneinfo.ZoneInfo(platform.time_zone)
    events = []
    for i in range(count):
        start = datetime.datetime(year, 1 + i % 12, 1 + i % 27, 10, tzinfo=tz)
        event = activities.event_create(
            platform=platform,
            kind=Event.Kind.WORKSHOP,
            title_en=f"Workshop number {i}",
            aims_en="To test the report.",
            city_en="Tbilisi",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=3),
            recorded_count=10 + i,
            working_groups=[groups[i % len(groups)]] if groups else [],
            **WHO,
        )
        if i % 3 == 0:
            activities.attendance_check_in(
                event=event, name=f"Person {i}", organisation_name=f"Org {i}", at=start, **WHO
            )
        events.append(event)
    return events


def add_publications(platform, year: int, count: int, groups=()) -> None:
    for i in range(count):
        publication = publications.publication_create(
            platform=platform,
            kind=Publication.Kind.STATEMENT if i % 2 else Publication.Kind.POLICY_BRIEF,
            title_en=f"Paper {i}",
            published_on=datetime.date(year, 1 + i % 12, 1),
            working_group=groups[i % len(groups)] if groups else None,
            **WHO,
        )
        publications.distribution_record_aggregate(
            publication=publication,
            year=year,
            channel="",
            total=100 + i,
            total_precision="exact",
            breakdown={"university": 10, "library": None},
            **WHO,
        )


@pytest.fixture
def small_platform(db):
    """A platform with members and WGs, for building data of a chosen size."""
    platform = PlatformFactory(slug="georgia", name_en="Georgian National Platform")
    groups = [WorkingGroupFactory(platform=platform) for _ in range(3)]
    for _ in range(5):
        MembershipFactory(platform=platform)
    return platform, groups
