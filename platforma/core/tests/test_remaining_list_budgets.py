"""The last five list pages measured at two sizes (platforma.testing.budget): the same number of
queries with N and 3N rows, and a 200 both times. Each page's own behaviour is tested in its app;
here only that it does not grow with its rows."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from platforma.activities import services as activities
from platforma.core import services as core
from platforma.core.models import PlatformRole
from platforma.governance.models import Mandate
from platforma.reports import services as reports
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import (
    MembershipFactory,
    OfficeFactory,
    PersonFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform():
    return PlatformFactory(slug="testland", time_zone="Asia/Baku")


@pytest.fixture
def office_client(client, platform, django_user_model):
    user = django_user_model.objects.create_user("sec", password="pw-sec-123456")
    core.platform_role_grant(
        actor=None, user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
    )
    client.force_login(user)
    return client


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def test_event_kinds(office_client, platform):
    made = iter(range(1000))

    def add(n: int) -> None:
        for _ in range(n):
            i = next(made)
            activities.event_kind_create(
                actor=None, platform=platform, slug=f"kind-{i}", names={"en": f"Kind {i}"}
            )

    page = reverse("activities:office-eventkind-list", args=[platform.slug])
    response = assert_page_budget(office_client, page, add)
    assert "Kind 8" in response.content.decode()


def test_event_files(office_client, platform):
    start = timezone.now() + datetime.timedelta(days=3)
    event = activities.event_create(
        actor=None,
        platform=platform,
        kind="workshop",
        title_en="Workshop",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    made = iter(range(1000))

    def add(n: int) -> None:
        for _ in range(n):
            i = next(made)
            activities.event_file_add(
                actor=None,
                event=event,
                kind="photo",
                upload=SimpleUploadedFile(f"photo{i}.png", png()),
                caption=f"Photo {i}",
            )

    page = reverse("activities:office-event-files", args=[platform.slug, event.pk])
    response = assert_page_budget(office_client, page, add)
    assert "Photo 8" in response.content.decode()


def _mandates(office: Any, platform: Any, *, ending: bool) -> Any:
    """Past mandates of ``office`` (or, with ``ending``, new offices whose mandate ends soon)."""
    made = iter(range(1000))
    today = datetime.date.today()

    def add(n: int) -> None:
        for _ in range(n):
            i = next(made)
            where = (
                OfficeFactory.create(platform=platform, name_en=f"Auditor {i}")
                if ending
                else office
            )
            starts = today - datetime.timedelta(days=3000 - 100 * i) if not ending else today
            Mandate.objects.create(
                office=where,
                person=PersonFactory.create(last_name_en=f"Holder{i}"),
                organisation=MembershipFactory.create(platform=platform).organisation,
                starts_on=starts - datetime.timedelta(days=365) if ending else starts,
                ends_on=today + datetime.timedelta(days=30)
                if ending
                else starts + datetime.timedelta(days=90),
            )

    return add


def test_an_offices_mandates(office_client, platform):
    office = OfficeFactory.create(platform=platform)
    page = reverse("governance:office-office-detail", args=[platform.slug, office.pk])
    response = assert_page_budget(office_client, page, _mandates(office, platform, ending=False))
    assert "Holder8" in response.content.decode()


def test_vacancies_and_terms_ending(office_client, platform):
    page = reverse("meetings:mandate-dashboard", args=[platform.slug])
    response = assert_page_budget(office_client, page, _mandates(None, platform, ending=True))
    assert "Holder8" in response.content.decode()


def test_annual_reports(office_client, platform):
    years = iter(range(2009, 2027))

    def add(n: int) -> None:
        for _ in range(n):
            year = next(years)
            start = datetime.datetime(year, 6, 1, 10, tzinfo=datetime.UTC)
            activities.event_create(
                actor=None,
                platform=platform,
                kind="workshop",
                title_en=f"Workshop {year}",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
            )
            reports.report_draft(actor=None, platform=platform, year=year)

    page = reverse("reports:report-list", args=[platform.slug])
    response = assert_page_budget(office_client, page, add)
    assert "2017" in response.content.decode()
