"""A meeting of a body, its agenda and its convocation."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform, TimeStampedModel, validate_time_zone
from platforma.core.uploads import private_storage
from platforma.governance.models import Body


class Meeting(TimeStampedModel):
    """One sitting of a body (or a remote written vote), with its time, place and language."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", pgettext_lazy("meeting kind", "Ordinary")
        EXTRAORDINARY = "extraordinary", pgettext_lazy("meeting kind", "Extraordinary")
        WRITTEN = "written", pgettext_lazy("meeting kind", "Remote written vote")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="meetings"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    ends_at = models.DateTimeField(_("ends at (planned)"), null=True, blank=True)
    opened_at = models.DateTimeField(
        _("sitting opened at"),
        null=True,
        blank=True,
        help_text=_("Check-in, votes and decisions are recorded only once the sitting is open."),
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    vote_deadline = models.DateTimeField(_("deadline for written votes"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(
        _("language of the minutes"), max_length=10, choices=settings.LANGUAGES, default="en"
    )

    # Set by meeting_update: whether the change calls for a new convocation (not a field).
    needs_new_convocation: bool

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["platform", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.tz)

    @property
    def is_sitting(self) -> bool:
        """Opened and not yet closed: check-in, votes and decisions happen now."""
        return self.opened_at is not None and self.ended_at is None

    @property
    def date(self):
        """The meeting's day in its own time zone: the day whose statute and members count."""
        return self.local_start.date()


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_unique_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class AgendaDocument(TimeStampedModel):
    """A document for an agenda item: an uploaded file or a link."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    # Private: served only through the office's view, as an attachment (core.uploads).
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="meetings/documents/%Y/", blank=True
    )

    class Meta:
        verbose_name = _("agenda document")
        verbose_name_plural = _("agenda documents")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.title


class Convocation(TimeStampedModel):
    """The invitation sent to those entitled to attend; a late one is flagged, not refused."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="convocations"
    )
    sent_at = models.DateTimeField(_("sent at"))
    notice_days_required = models.PositiveSmallIntegerField(_("notice required (days)"))
    notice_days_given = models.IntegerField(_("notice given (days)"))
    is_late = models.BooleanField(_("late"), default=False)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    without_address = models.JSONField(
        _("organisations without an e-mail address"), default=list, blank=True
    )
    delivered = models.BooleanField(
        _("e-mailed"), default=True, help_text=_("False when only recorded (sent by other means).")
    )

    class Meta:
        verbose_name = _("convocation")
        verbose_name_plural = _("convocations")
        ordering = ["meeting", "-sent_at"]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.sent_at:%Y-%m-%d}"
