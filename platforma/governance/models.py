"""Bodies, offices and mandates. Meetings, motions and decisions come with the governance issue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Person, Platform, TimeStampedModel
from platforma.members.models import Organisation
from platforma.workinggroups.models import WorkingGroup


class Body(TimeStampedModel):
    """A collegial body of a platform: the General Assembly, the Board of Governance, ..."""

    class Kind(models.TextChoices):
        GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
        BOARD = "board", _("Board of Governance")
        STEERING_COMMITTEE = "steering_committee", _("Steering Committee")
        ANNUAL_ASSEMBLY = "annual_assembly", _("Annual Assembly")
        OTHER = "other", pgettext_lazy("body kind", "Other body")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="bodies"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["platform", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "kind"],
                condition=~models.Q(kind="other"),
                name="body_one_per_kind",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Office(TimeStampedModel):
    """A post in a platform: platform coordinator, a WG's coordinator, auditor, ..."""

    class Kind(models.TextChoices):
        PLATFORM_COORDINATOR = "platform_coordinator", _("Platform coordinator")
        WG_COORDINATOR = "wg_coordinator", _("Working group coordinator")
        SUBGROUP_COORDINATOR = "subgroup_coordinator", _("Sub-group coordinator")
        BOARD_MEMBER = "board_member", _("Board member")
        AUDITOR = "auditor", _("Auditor")
        ETHICS_COUNCIL_MEMBER = "ethics_council_member", _("Ethics council member")
        CO_CHAIR = "co_chair", _("Co-chair")
        OTHER = "other", pgettext_lazy("office kind", "Other office")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="offices"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        help_text=_("The body that elects or appoints to this office."),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["platform", "kind", "working_group__position", "name"]

    def __str__(self) -> str:
        return self.name


class Mandate(TimeStampedModel):
    """One person's tenure of an office, for an organisation, from a decision."""

    class EndReason(models.TextChoices):
        TERM_END = "term_end", _("end of term")
        RESIGNATION = "resignation", _("resignation")
        NO_CONFIDENCE = "no_confidence", _("no confidence")
        MEMBERSHIP_LOST = "membership_lost", _("loss of membership")
        DEATH = "death", _("death")
        OTHER = "other", pgettext_lazy("end reason", "other")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="mandates"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="mandates"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="mandates",
        help_text=_("The member organisation the holder comes from."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Planned end of term, or the day it ended."),
    )
    ended_early = models.BooleanField(_("ended before term"), default=False)
    end_reason = models.CharField(
        _("end reason"), max_length=20, choices=EndReason.choices, blank=True
    )
    decision_reference = models.CharField(
        _("decision"),
        max_length=200,
        blank=True,
        help_text=_("The decision or election that gave the mandate, e.g. “GA-2013-04”."),
    )

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["office", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="mandate_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.office}"
