"""Minutes: generated from the record; the secretary's narrative is kept apart."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import TimeStampedModel

from .meeting import Meeting


class Minutes(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("minutes status", "Draft")
        APPROVED = "approved", pgettext_lazy("minutes status", "Approved")

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes"
    )
    narrative = models.TextField(
        _("secretary's narrative"),
        blank=True,
        help_text=_("Discussion and remarks; the record of votes is generated, not typed."),
    )
    secretary = models.CharField(_("secretary"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    approved_at_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("approved at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_approved",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.APPROVED
