"""Drafting, editing (kept through regeneration), approving and publishing, with audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from platforma.activities import services as activities
from platforma.activities.models import Event
from platforma.core.models import AuditEntry
from platforma.reports import services
from platforma.reports.models import AnnualReport
from platforma.reports.render import report_document

from .conftest import WHO


@pytest.fixture
def draft(demo_platform):
    return services.report_draft(platform=demo_platform, year=2014, **WHO)


def test_edited_text_survives_a_correction_of_the_records(demo_platform, draft):
    services.narrative_save(
        report=draft,
        language="en",
        section="introduction",
        text="In 2014 the platform organised a series of open workshops.\n\nSecond paragraph.",
        **WHO,
    )
    services.narrative_save(
        report=draft, language="az", section="introduction", text="2014-cü ildə ...", **WHO
    )
    event = Event.objects.get(platform=demo_platform, title_en__startswith="Workshop on comm")
    activities.event_update(event=event, recorded_count=28, **WHO)  # a correction

    doc = report_document(demo_platform, 2014, language="en")
    intro = doc.section("introduction")
    assert intro.narrative_paragraphs == [
        "In 2014 the platform organised a series of open workshops.",
        "Second paragraph.",
    ]
    assert intro.paragraphs[0].startswith("The Azerbaijan National Platform was established")
    assert "representatives of 28 CSOs took part" in doc.section("activities").paragraphs[0]
    assert (
        report_document(demo_platform, 2014, language="az").section("introduction").narrative
        == "2014-cü ildə ..."
    )
    assert (
        report_document(demo_platform, 2014, language="ru").section("introduction").narrative == ""
    )


def test_workflow_and_audit(draft, forum_secretariat):
    S = AnnualReport.Status
    services.narrative_save(
        report=draft, language="en", section="activities", text="x", actor=forum_secretariat
    )
    with pytest.raises(ValidationError, match="Only an approved report can be published"):
        services.report_publish(report=draft, **WHO)
    report = services.report_approve(report=draft, actor=forum_secretariat)
    assert report.status == S.APPROVED
    assert report.approved_at
    with pytest.raises(ValidationError, match="Only a draft can be edited"):
        services.narrative_save(report=report, language="en", section="activities", text="y", **WHO)
    report = services.report_publish(report=report, actor=forum_secretariat)
    assert report.status == S.PUBLISHED
    assert report.published_at
    report = services.report_reopen(report=report, **WHO)
    assert report.status == S.DRAFT
    assert report.published_at is None
    actions = list(
        AuditEntry.objects.filter(target_type="reports.annualreport")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "reports.report.drafted",
        "reports.narrative.saved",
        "reports.report.approved",
        "reports.report.published",
        "reports.report.reopened",
    ]
    saved = AuditEntry.objects.get(action="reports.narrative.saved")
    assert saved.data["text"] == {"before": "", "after": "x"}


def test_bad_input_changes_nothing(draft, demo_platform, secretariat_of):
    with pytest.raises(ValidationError, match="already exists"):
        services.report_draft(platform=demo_platform, year=2014, **WHO)
    with pytest.raises(ValidationError, match="Nothing is recorded for 2016"):
        services.report_draft(platform=demo_platform, year=2016, **WHO)
    with pytest.raises(ValidationError, match="not a section"):
        services.narrative_save(report=draft, language="en", section="nope", text="x", **WHO)
    with pytest.raises(ValidationError, match="not a language"):
        services.narrative_save(report=draft, language="de", section="activities", text="x", **WHO)
    with pytest.raises(ValidationError, match="too long"):
        services.narrative_save(
            report=draft, language="en", section="activities", text="x" * 20_001, **WHO
        )
    from platforma.testing.factories import PlatformFactory

    stranger = secretariat_of(PlatformFactory(slug="belarus"))
    with pytest.raises(ValidationError, match="Only the platform's secretariat"):
        services.narrative_save(
            report=draft, language="en", section="activities", text="x", actor=stranger
        )
    with pytest.raises(ValidationError, match="Only the platform's secretariat"):
        services.report_draft(platform=None, year=2014, actor=stranger)
    assert not draft.narratives.exists()


def test_clearing_a_text_removes_it(draft):
    services.narrative_save(report=draft, language="en", section="activities", text="x", **WHO)
    services.narrative_save(report=draft, language="en", section="activities", text="  ", **WHO)
    assert not draft.narratives.exists()
