"""Who sees and changes what: the public, another platform's secretariat, the platform's."""

from __future__ import annotations

import pytest

from platforma.reports import services
from platforma.reports.models import AnnualReport
from platforma.testing.factories import PlatformFactory

from .conftest import WHO


@pytest.fixture
def draft(demo_platform):
    return services.report_draft(platform=demo_platform, year=2014, **WHO)


def _login(client, user):
    client.force_login(user)
    return client


PAGES = [
    "/en/azerbaijan/reports/2014/",
    "/en/azerbaijan/reports/2014/report.pdf",
    "/en/azerbaijan/reports/2014/edit/",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_draft_is_not_found_by_the_public_or_another_secretariat(
    client, draft, url, secretariat_of
):
    assert client.get(url).status_code == 404
    other = secretariat_of(PlatformFactory(slug="armenia"))
    assert _login(client, other).get(url).status_code == 404


def test_others_cannot_draft_edit_or_publish(client, draft, secretariat_of):
    other = secretariat_of(PlatformFactory(slug="armenia"))
    for user in (None, other):
        if user:
            _login(client, user)
        assert client.post("/en/azerbaijan/reports/draft/", {"year": 2015}).status_code == 404
        assert (
            client.post("/en/azerbaijan/reports/2014/edit/", {"introduction": "hacked"}).status_code
            == 404
        )
        assert client.post("/en/azerbaijan/reports/2014/approve/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.DRAFT
    assert not draft.narratives.exists()
    assert not AnnualReport.objects.filter(year=2015).exists()


def test_the_secretariat_edits_approves_and_publishes(client, demo_platform, secretariat_of):
    _login(client, secretariat_of(demo_platform))
    response = client.post("/en/azerbaijan/reports/draft/", {"year": 2014})
    assert response.status_code == 302
    assert response.url == "/en/azerbaijan/reports/2014/edit/"
    page = client.get("/en/azerbaijan/reports/2014/edit/")
    assert "Drafted from the records" in page.content.decode()
    client.post("/ru/azerbaijan/reports/2014/edit/", {"introduction": "Вступление."})
    client.post("/en/azerbaijan/reports/2014/edit/", {"introduction": "Our year."})
    preview = client.get("/en/azerbaijan/reports/2014/")
    assert "Our year." in preview.content.decode()
    assert "Draft" in preview.content.decode()
    yes = {"confirm": "yes"}
    client.post("/en/azerbaijan/reports/2014/publish/", yes)  # not approved yet: refused
    assert AnnualReport.objects.get().status == AnnualReport.Status.DRAFT
    client.post("/en/azerbaijan/reports/2014/approve/", yes)
    client.post("/en/azerbaijan/reports/2014/publish/", yes)
    assert AnnualReport.objects.get().status == AnnualReport.Status.PUBLISHED
    assert client.post("/en/azerbaijan/reports/2014/delete/").status_code == 404

    client.logout()
    public = client.get("/ru/azerbaijan/reports/2014/").content.decode()
    assert "Вступление." in public
    assert "Our year." not in public
    assert "Аваз Гасанов" in public
    listing = client.get("/en/azerbaijan/reports/").content.decode()
    assert "/en/azerbaijan/reports/2014/" in listing
    assert "Draft the report" not in listing


def test_the_forum_report_is_for_the_forum_secretariat(
    client, demo_platform, forum_secretariat, secretariat_of
):
    _login(client, secretariat_of(demo_platform))
    assert client.post("/en/forum/reports/draft/", {"year": 2014}).status_code == 404
    _login(client, forum_secretariat)
    client.post("/en/forum/reports/draft/", {"year": 2014})
    report = AnnualReport.objects.get(platform__isnull=True)
    client.logout()
    assert client.get("/en/forum/reports/2014/").status_code == 404
    services.report_approve(report=report, **WHO)
    services.report_publish(report=report, **WHO)
    page = client.get("/en/forum/reports/2014/").content.decode()
    assert "Activities of the national platforms of the Forum in 2014" in page
    assert "The platforms compared" in page
    assert client.get("/en/nowhere/reports/2014/").status_code == 404


def test_bad_year_gives_a_message(client, demo_platform, secretariat_of):
    _login(client, secretariat_of(demo_platform))
    response = client.post("/en/azerbaijan/reports/draft/", {"year": "20x4"}, follow=True)
    assert "Give the year as four digits" in response.content.decode()
    response = client.post("/en/azerbaijan/reports/draft/", {"year": "2001"}, follow=True)
    assert "A report covers a year from 2009" in response.content.decode()
    assert not AnnualReport.objects.exists()
