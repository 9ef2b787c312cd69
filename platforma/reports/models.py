"""Annual reports: a report per platform and year (or the Forum's), and the secretariat's text.

The report's facts are drafted from the records every time it is shown; only the status and
the narrative the secretariat writes (per language and per section) are stored, so a
correction to a record appears in the report while the edited text stays.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform, TimeStampedModel

# The sections of a report, in their order; the Forum-wide report adds the comparison.
SECTION_KEYS = (
    "introduction",
    "comparison",
    "membership",
    "governance",
    "activities",
    "publications",
    "distribution",
    "statements",
    "working_groups",
)
SECTION_CHOICES = [
    ("introduction", _("Introduction")),
    ("comparison", _("The platforms compared")),
    ("membership", _("Membership")),
    ("governance", _("Governance")),
    ("activities", _("Activities")),
    ("publications", _("Publications")),
    ("distribution", _("Distribution of publications")),
    ("statements", _("Statements and position papers")),
    ("working_groups", _("Working groups")),
]


class AnnualReport(TimeStampedModel):
    """The report of a platform (or, with no platform, of the whole Forum) for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("report status", "Draft")
        APPROVED = "approved", pgettext_lazy("report status", "Approved")
        PUBLISHED = "published", pgettext_lazy("report status", "Published")

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annual_reports",
        help_text=_("Empty: the Forum-wide report."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["platform", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "year"],
                condition=models.Q(platform__isnull=False),
                name="annualreport_unique_platform_year",
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(platform__isnull=True),
                name="annualreport_unique_forum_year",
            ),
        ]

    def __str__(self) -> str:
        owner = self.platform.name if self.platform is not None else _("Forum")
        return f"{owner} {self.year}"

    @property
    def platform_slug(self) -> str:
        return self.platform.slug if self.platform is not None else "forum"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ReportNarrative(TimeStampedModel):
    """The secretariat's own text for one section of a report, in one language."""

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("annual report"),
        on_delete=models.CASCADE,
        related_name="narratives",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    section = models.CharField(_("section"), max_length=20, choices=SECTION_CHOICES)
    text = models.TextField(_("text"), blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report narrative")
        verbose_name_plural = _("report narratives")
        ordering = ["report", "language", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language", "section"], name="reportnarrative_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.language} · {self.section}"

    @property
    def platform(self) -> Platform | None:
        return self.report.platform
