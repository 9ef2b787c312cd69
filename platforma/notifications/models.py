"""What representatives are told when an election moves, and what they want by e-mail.

- :class:`Notice`: one per person, election and event, kept on the person's page (unread until
  they mark it read). The unique constraint is what makes a rerun (the reminder command every
  15 minutes, a retried task) tell nobody twice: the e-mail is queued with the notice, in the
  same transaction, or not at all.
- :class:`NotificationPreference`: which events a person wants by e-mail (all by default) and
  the language of those e-mails. The notice on the page is always kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Person, Platform
from platforma.elections.models import Election


class Event(models.TextChoices):
    NOMINATIONS_OPENED = "nominations_opened", pgettext_lazy("notice", "Nominations opened")
    VOTING_OPENED = "voting_opened", pgettext_lazy("notice", "Voting opened")
    VOTING_CLOSING = "voting_closing", pgettext_lazy("notice", "Voting closes within a day")
    RESULT_PUBLISHED = "result_published", pgettext_lazy("notice", "Result published")


class Notice(models.Model):
    """A person was told that ``event`` happened to ``election``."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="notices"
    )
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="notices"
    )
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    emailed = models.BooleanField(_("sent by e-mail"), default=False)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "election", "event"], name="notice_once_per_person_and_event"
            )
        ]
        indexes = [models.Index(fields=["person", "read_at"], name="notice_person_unread")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_event_display()} ({self.election})"


class NotificationPreference(models.Model):
    """Which notices ``person`` also gets by e-mail, and in which language."""

    person = models.OneToOneField(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    nominations_opened = models.BooleanField(Event.NOMINATIONS_OPENED.label, default=True)
    voting_opened = models.BooleanField(Event.VOTING_OPENED.label, default=True)
    voting_closing = models.BooleanField(Event.VOTING_CLOSING.label, default=True)
    result_published = models.BooleanField(Event.RESULT_PUBLISHED.label, default=True)
    language = models.CharField(
        _("language of the e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the language you last chose for the platform's mail, or the site's."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.person)

    def wants_email(self, event: str) -> bool:
        return bool(getattr(self, event, True))
