"""Writes to annual reports. Each service records one audit entry.

draft -> approved -> published; ``report_reopen`` takes an approved or published report back
to draft so that it can be corrected. The narrative is edited only in a draft.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Platform, today_in
from platforma.core.services import StaleEdit, version_digest
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from .builder import forum_has_records, has_records
from .models import SECTION_CHOICES, SECTION_KEYS, AnnualReport, ReportNarrative
from .permissions import can_manage_reports

MAX_NARRATIVE = 20_000
FIRST_YEAR = 2009  # the Forum was founded in 2009


def _check_rights(
    actor: Actor, platform: Platform | None, report: AnnualReport | None = None
) -> None:
    """The platform's secretariat (the Forum's for the Forum-wide report); deny by default."""
    if actor is not None and not can_manage_reports(actor, platform):
        raise ValidationError(_("Only the platform's secretariat may change its annual report."))
    require_manage(actor, report if report is not None else platform)


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def report_draft(
    *, actor: Actor, platform: Platform | None, year: int, actor_label: str = ""
) -> AnnualReport:
    """Start the report of a year (``platform`` None: the Forum's); one per platform and year."""
    _check_rights(actor, platform)
    # The Forum's report has no platform: its year is the project's (settings.TIME_ZONE).
    this_year = (today_in(platform) if platform else timezone.localdate()).year
    if not FIRST_YEAR <= year <= this_year:
        raise ValidationError(
            _("A report covers a year from %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": this_year}
        )
    reports = AnnualReport.objects.filter(platform=platform, year=year)
    if platform is None:
        reports = AnnualReport.objects.filter(platform__isnull=True, year=year)
    if reports.exists():
        raise ValidationError(_("The report for %(year)s already exists.") % {"year": year})
    found = forum_has_records(year) if platform is None else has_records(platform, year)
    if not found:
        raise ValidationError(_("Nothing is recorded for %(year)s.") % {"year": year})
    report = AnnualReport.objects.create(platform=platform, year=year)
    audit.record(
        "reports.report.drafted",
        actor=actor,
        actor_label=actor_label,
        target=report,
        platform=platform,
        forum=platform is None,  # the Forum-wide report
        data={"after": audit.snapshot(report)},
    )
    return report


@transaction.atomic
def narrative_save(
    *,
    actor: Actor,
    report: AnnualReport,
    language: str,
    section: str,
    text: str,
    actor_label: str = "",
) -> ReportNarrative | None:
    """Keep the secretariat's text for one section in one language (empty text removes it)."""
    report = _locked(report)
    _check_rights(actor, report.platform, report)
    _check_editable(report, language)
    text = _clean_text(text)
    if section not in SECTION_KEYS:
        raise ValidationError(
            _("“%(section)s” is not a section of the report.") % {"section": section}
        )
    before = _write_narrative(report, actor, language, section, text)
    if before is None:
        return ReportNarrative.objects.filter(
            report=report, language=language, section=section
        ).first()
    audit.record(
        "reports.narrative.saved",
        actor=actor,
        actor_label=actor_label,
        target=report,
        platform=report.platform,
        forum=report.platform is None,
        data={
            "language": language,
            "section": section,
            "text": {"before": before, "after": text},
        },
    )
    return ReportNarrative.objects.filter(report=report, language=language, section=section).first()


def _check_editable(report: AnnualReport, language: str) -> None:
    if report.status != AnnualReport.Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited: reopen the report first."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("“%(language)s” is not a language of the site.") % {"language": language}
        )


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_NARRATIVE:
        raise ValidationError(
            _("The text is too long: at most %(max)s characters.") % {"max": MAX_NARRATIVE}
        )
    return text


def _write_narrative(
    report: AnnualReport, actor: Actor, language: str, section: str, text: str
) -> str | None:
    """Store one section's text; the text it replaces, or None when nothing changed."""
    existing = ReportNarrative.objects.filter(
        report=report, language=language, section=section
    ).first()
    before = existing.text if existing else ""
    if before == text:
        return None
    editor = actor if getattr(actor, "is_authenticated", False) else None
    if existing is None:  # (no text before and none now returned above)
        ReportNarrative.objects.create(
            report=report, language=language, section=section, text=text, edited_by=editor
        )
    elif not text:
        existing.delete()
    else:
        existing.text, existing.edited_by = text, editor
        existing.save(update_fields=["text", "edited_by", "updated_at"])
    return before


def narratives_version(report: AnnualReport, language: str) -> str:
    """The version of a report's text in one language, as its editor reads it (every section's
    text): the page carries it, ``narratives_save`` compares it."""
    texts = dict(
        ReportNarrative.objects.filter(report=report, language=language).values_list(
            "section", "text"
        )
    )
    return version_digest({key: texts.get(key, "") for key in SECTION_KEYS})


@transaction.atomic
def narratives_save(
    *,
    actor: Actor,
    report: AnnualReport,
    language: str,
    texts: dict[str, str],
    actor_label: str = "",
    seen_version: str | None = None,
) -> dict[str, dict[str, str]]:
    """Keep the text of several sections in one language at once: all of them, or none.

    Every text is checked before anything is written; one audit entry lists what changed.
    Returns ``{section: {"before": ..., "after": ...}}`` for the sections that changed.
    ``seen_version``: the ``narratives_version`` the page was read at; when the text changed
    since, nothing is written (``core.services.StaleEdit``).
    """
    report = _locked(report)  # the report's row lock serialises its text's saves
    _check_rights(actor, report.platform, report)
    _check_editable(report, language)
    if seen_version:
        version = narratives_version(report, language)
        if version != seen_version:
            raise StaleEdit(report, version)
    unknown = sorted(set(texts) - set(SECTION_KEYS))
    if unknown:
        raise ValidationError(
            _("“%(section)s” is not a section of the report.") % {"section": unknown[0]}
        )
    problems: list[str] = []
    cleaned: dict[str, str] = {}
    for section, text in texts.items():
        try:
            cleaned[section] = _clean_text(text)
        except ValidationError as exc:
            label = dict(SECTION_CHOICES).get(section, section)
            problems.extend(f"{label}: {m}" for m in exc.messages)
    if problems:
        raise ValidationError(problems)
    changed = {}
    for section, text in cleaned.items():
        before = _write_narrative(report, actor, language, section, text)
        if before is not None:
            changed[section] = {"before": before, "after": text}
    if changed:
        audit.record(
            "reports.narratives.saved",
            actor=actor,
            actor_label=actor_label,
            target=report,
            platform=report.platform,
            forum=report.platform is None,
            data={"language": language, "sections": changed},
        )
    return changed


def _move(
    report: AnnualReport,
    *,
    actor: Actor,
    actor_label: str,
    to: str,
    allowed_from: set[str],
    action: str,
    message: str,
) -> AnnualReport:
    report = _locked(report)
    _check_rights(actor, report.platform, report)
    if report.status not in allowed_from:
        raise ValidationError(message % {"status": report.get_status_display()})
    before = audit.snapshot(report)
    report.status = to
    now = timezone.now()
    if to == AnnualReport.Status.APPROVED:
        report.approved_at = now
    elif to == AnnualReport.Status.PUBLISHED:
        report.published_at = now
    else:
        report.approved_at = report.published_at = None
    report.save()
    audit.record(
        f"reports.report.{action}",
        actor=actor,
        actor_label=actor_label,
        target=report,
        platform=report.platform,
        forum=report.platform is None,
        data=audit.diff(before, audit.snapshot(report)),
    )
    return report


@transaction.atomic
def report_approve(*, actor: Actor, report: AnnualReport, actor_label: str = "") -> AnnualReport:
    S = AnnualReport.Status
    return _move(
        report,
        actor=actor,
        actor_label=actor_label,
        to=S.APPROVED,
        allowed_from={S.DRAFT},
        action="approved",
        message=_("Only a draft can be approved; this report is “%(status)s”."),
    )


@transaction.atomic
def report_publish(*, actor: Actor, report: AnnualReport, actor_label: str = "") -> AnnualReport:
    S = AnnualReport.Status
    return _move(
        report,
        actor=actor,
        actor_label=actor_label,
        to=S.PUBLISHED,
        allowed_from={S.APPROVED},
        action="published",
        message=_("Only an approved report can be published; this report is “%(status)s”."),
    )


@transaction.atomic
def report_reopen(*, actor: Actor, report: AnnualReport, actor_label: str = "") -> AnnualReport:
    S = AnnualReport.Status
    return _move(
        report,
        actor=actor,
        actor_label=actor_label,
        to=S.DRAFT,
        allowed_from={S.APPROVED, S.PUBLISHED},
        action="reopened",
        message=_("This report is already a draft (“%(status)s”)."),
    )
