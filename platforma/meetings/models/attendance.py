"""Who attended a meeting, who gave a proxy to whom, and when the quorum came and went."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from platforma.core.models import Person, TimeStampedModel
from platforma.members.models import Membership

from .meeting import Meeting


class Attendance(TimeStampedModel):
    """One member organisation's delegate at a meeting (one per organisation)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("member organisation"),
        on_delete=models.PROTECT,
        related_name="meeting_attendances",
    )
    delegate = models.ForeignKey(
        Person,
        verbose_name=_("delegate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_attendances",
    )
    delegate_name = models.CharField(_("delegate (if not on file)"), max_length=200, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"))
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["meeting", "checked_in_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="attendance_one_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership.organisation} @ {self.meeting}"

    @property
    def is_present(self) -> bool:
        return self.left_at is None

    @property
    def arrived_late(self) -> bool:
        return self.checked_in_at > self.meeting.starts_at

    @property
    def left_early(self) -> bool:
        if self.left_at is None:
            return False
        return self.meeting.ended_at is None or self.left_at < self.meeting.ended_at

    @property
    def delegate_display(self) -> str:
        return str(self.delegate) if self.delegate_id else self.delegate_name


class Proxy(TimeStampedModel):
    """Organisation A (giver) gives its vote at this meeting to organisation B's delegate."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="proxies"
    )
    giver = models.ForeignKey(
        Membership,
        verbose_name=_("gives its vote"),
        on_delete=models.PROTECT,
        related_name="proxies_given",
    )
    holder = models.ForeignKey(
        Membership,
        verbose_name=_("to the delegate of"),
        on_delete=models.PROTECT,
        related_name="proxies_held",
    )
    given_at = models.DateTimeField(_("given at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        ordering = ["meeting", "given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "giver"],
                condition=models.Q(revoked_at__isnull=True),
                name="proxy_one_active_per_giver",
            ),
            models.CheckConstraint(
                condition=~models.Q(giver=models.F("holder")), name="proxy_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.giver.organisation} → {self.holder.organisation}"


class QuorumEvent(models.Model):
    """A moment the quorum was reached or lost, with the counts then."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="quorum_events"
    )
    at = models.DateTimeField(_("at"))
    reached = models.BooleanField(_("quorum reached"))
    members = models.PositiveIntegerField(_("members"))
    present = models.PositiveIntegerField(_("present"))
    represented = models.PositiveIntegerField(_("represented"))
    required = models.PositiveIntegerField(_("required"))

    class Meta:
        verbose_name = _("quorum event")
        verbose_name_plural = _("quorum events")
        ordering = ["meeting", "at", "id"]

    def __str__(self) -> str:
        return f"{self.meeting} {self.at:%H:%M} {'+' if self.reached else '-'}"
