"""The annual report editor: text in each language, saved before approving; approval and
publication confirmed on a page of their own; others find nothing."""

from __future__ import annotations

import pytest

from platforma.core.models import AuditEntry
from platforma.reports import services
from platforma.reports.models import AnnualReport, ReportNarrative
from platforma.testing.factories import PlatformFactory

from .conftest import WHO

pytestmark = pytest.mark.django_db

EDIT = "/en/azerbaijan/reports/2014/edit/"
APPROVE = "/en/azerbaijan/reports/2014/approve/"
PUBLISH = "/en/azerbaijan/reports/2014/publish/"


@pytest.fixture
def draft(demo_platform):
    return services.report_draft(platform=demo_platform, year=2014, **WHO)


@pytest.fixture
def office(client, demo_platform, secretariat_of):
    user = secretariat_of(demo_platform)
    client.force_login(user)
    client.user = user
    return client


def status(report) -> str:
    report.refresh_from_db()
    return report.status


def test_each_language_is_edited_on_its_own(office, draft):
    page = office.get(EDIT, {"language": "az"}).content.decode()
    assert 'name="language" value="az"' in page
    assert "?language=ru" in page  # the other languages are a click away
    response = office.post(EDIT, {"language": "az", "introduction": "Bizim il."})
    assert response.status_code == 302
    assert response.url == f"{EDIT}?language=az"
    office.post(EDIT, {"language": "ru", "introduction": "Наш год."})
    texts = dict(draft.narratives.values_list("language", "text"))
    assert texts == {"az": "Bizim il.", "ru": "Наш год."}
    entries = AuditEntry.objects.filter(action="reports.narratives.saved").order_by("pk")
    assert [e.data["language"] for e in entries] == ["az", "ru"]
    assert entries[0].actor == office.user
    assert entries[0].data["sections"]["introduction"] == {"before": "", "after": "Bizim il."}
    assert "Bizim il." in office.get(EDIT, {"language": "az"}).content.decode()


def test_save_and_approve_saves_first_then_asks(office, draft):
    response = office.post(
        EDIT, {"language": "en", "introduction": "Typed, not yet saved.", "then": "approve"}
    )
    assert response.status_code == 302
    assert response.url.startswith(APPROVE)
    # The text is kept; nothing is approved until the confirmation.
    assert draft.narratives.get().text == "Typed, not yet saved."
    assert status(draft) == AnnualReport.Status.DRAFT
    page = office.get(response.url).content.decode()
    assert "Approve the 2014 report?" in page
    assert "your text in 1 section" in page
    assert status(draft) == AnnualReport.Status.DRAFT
    done = office.post(APPROVE, {"confirm": "yes", "language": "en"})
    assert done.status_code == 302
    assert status(draft) == AnnualReport.Status.APPROVED
    assert AuditEntry.objects.get(action="reports.report.approved").actor == office.user


def test_save_and_approve_refuses_when_the_text_cannot_be_saved(office, draft):
    too_long = "x" * (services.MAX_NARRATIVE + 1)
    response = office.post(
        EDIT,
        {"language": "en", "introduction": "Kept.", "activities": too_long, "then": "approve"},
        follow=True,
    )
    page = response.content.decode()
    assert "The text is too long" in page
    assert "Nothing was approved: the text could not be saved." in page
    assert "Kept." in page  # what was typed is still in the form
    assert status(draft) == AnnualReport.Status.DRAFT
    assert not ReportNarrative.objects.exists()  # all or nothing
    assert not AuditEntry.objects.filter(action__startswith="reports.narrative").exists()


def test_approving_without_confirmation_writes_nothing(office, draft):
    page = office.post(APPROVE, {})  # an old form, a forged request: the question comes back
    assert page.status_code == 200
    assert "Yes, approve it" in page.content.decode()
    assert status(draft) == AnnualReport.Status.DRAFT
    assert not AuditEntry.objects.filter(action="reports.report.approved").exists()


def test_publishing_asks_for_confirmation(office, draft):
    services.report_approve(report=draft, **WHO)
    page = office.get(EDIT).content.decode()
    assert f"{PUBLISH}?language=en" in page
    question = office.get(PUBLISH).content.decode()
    assert "Publish the 2014 report?" in question
    assert "can be read by everyone" in question
    office.post(PUBLISH, {})
    assert status(draft) == AnnualReport.Status.APPROVED
    office.post(PUBLISH, {"confirm": "yes"})
    assert status(draft) == AnnualReport.Status.PUBLISHED
    assert AuditEntry.objects.get(action="reports.report.published").actor == office.user


def test_a_refused_step_says_why(office, draft):
    response = office.post(PUBLISH, {"confirm": "yes"}, follow=True)
    assert "Only an approved report can be published" in response.content.decode()
    assert status(draft) == AnnualReport.Status.DRAFT
    question = office.get(PUBLISH).content.decode()
    assert "This cannot be done in the report" in question
    assert "Yes, publish it" not in question


def test_an_approved_report_is_not_edited(office, draft):
    services.report_approve(report=draft, **WHO)
    response = office.post(EDIT, {"language": "en", "introduction": "Late."}, follow=True)
    assert "Only a draft can be edited" in response.content.decode()
    assert not ReportNarrative.objects.exists()


def test_another_platforms_secretariat_finds_nothing(client, draft, secretariat_of):
    other = secretariat_of(PlatformFactory(slug="armenia"))
    client.force_login(other)
    for address in (EDIT, APPROVE, PUBLISH):
        assert client.get(address).status_code == 404
    assert client.post(EDIT, {"introduction": "Hacked", "then": "approve"}).status_code == 404
    assert client.post(APPROVE, {"confirm": "yes"}).status_code == 404
    # Their own platform in the address, our year: there is no such report there.
    assert client.get("/en/armenia/reports/2014/approve/").status_code == 404
    assert status(draft) == AnnualReport.Status.DRAFT
    assert not ReportNarrative.objects.exists()


def test_the_services_refuse_another_platforms_secretariat(draft, secretariat_of):
    from django.core.exceptions import ValidationError

    other = secretariat_of(PlatformFactory(slug="armenia"))
    with pytest.raises(ValidationError, match="Only the platform's secretariat"):
        services.narratives_save(
            actor=other, report=draft, language="en", texts={"introduction": "x"}
        )
    with pytest.raises(ValidationError, match="Only the platform's secretariat"):
        services.report_approve(actor=other, report=draft)
    assert status(draft) == AnnualReport.Status.DRAFT
