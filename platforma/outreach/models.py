"""Mailings: a message written once (in one or more languages) and sent by the worker to an
audience chosen in the office, each recipient with a personal unsubscribe link.

- :class:`Mailing` and its :class:`MailingText` rows (subject and body per language);
- :class:`MailingRecipient`: the snapshot of who is written to, taken when sending starts (plain
  values, no link to the stakeholder or person: what was sent stays what it was);
- :class:`MailPreference`: the ledger of opt-outs (an unsubscribe link, a hard bounce) and of
  the language a person chose, per platform and address.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.activities.models import Event
from platforma.core.models import OutgoingMail, Platform, TimeStampedModel
from platforma.publications.models import Distribution, Publication
from platforma.workinggroups.models import WorkingGroup


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Audience(models.TextChoices):
    """Who a mailing goes to; also the "kind of mail" a person may opt out of."""

    STAKEHOLDERS = "stakeholders", pgettext_lazy("audience", "Stakeholders")
    MEMBERS = "members", pgettext_lazy("audience", "Member organisations' representatives")
    WORKING_GROUP = (
        "working_group",
        pgettext_lazy("audience", "A working group's members' representatives"),
    )
    EVENT = "event", pgettext_lazy("audience", "An event's registrants")


ALL_TOPICS = "all"


class Mailing(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("mailing status", "Draft")
        SENDING = "sending", pgettext_lazy("mailing status", "Being sent")
        SENT = "sent", pgettext_lazy("mailing status", "Sent")
        CANCELLED = "cancelled", pgettext_lazy("mailing status", "Cancelled")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.CASCADE, related_name="mailings"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For the office's list; recipients do not see it.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # The language of recipients whose own language has no text.
    language = models.CharField(
        _("main language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    audience = models.CharField(_("recipients"), max_length=20, choices=Audience.choices)
    categories = models.JSONField(_("stakeholder categories"), default=list, blank=True)
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailings",
    )
    organisations = models.JSONField(
        _("member organisations"),
        default=list,
        blank=True,
        help_text=_("None chosen: every member organisation."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailings",
    )
    publications: models.ManyToManyField[Publication, Any] = models.ManyToManyField(
        Publication, verbose_name=_("attached publications"), blank=True, related_name="mailings"
    )
    distributions: models.ManyToManyField[Distribution, Any] = models.ManyToManyField(
        Distribution, verbose_name=_("distributions recorded"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    total = models.PositiveIntegerField(_("recipients"), default=0)
    excluded = models.JSONField(_("not written to"), default=dict, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def group_ids(self) -> list[int]:
        return [self.working_group_id] if self.working_group_id else []


class MailingText(models.Model):
    mailing = models.ForeignKey(
        Mailing, verbose_name=_("mailing"), on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("mailing text")
        verbose_name_plural = _("mailing texts")
        ordering = ["mailing", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "language"], name="mailingtext_unique_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mailing} ({self.language})"

    @property
    def platform(self) -> Platform:
        return self.mailing.platform


class MailingRecipient(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("recipient status", "Waiting")
        QUEUED = "queued", pgettext_lazy("recipient status", "In the outbox")
        SKIPPED = "skipped", pgettext_lazy("recipient status", "Skipped (unsubscribed)")
        BOUNCED = "bounced", pgettext_lazy("recipient status", "Bounced")

    class Source(models.TextChoices):
        STAKEHOLDER = "stakeholder", pgettext_lazy("recipient source", "Stakeholder")
        REPRESENTATIVE = "representative", pgettext_lazy("recipient source", "Representative")
        REGISTRANT = "registrant", pgettext_lazy("recipient source", "Registrant")

    mailing = models.ForeignKey(
        Mailing, verbose_name=_("mailing"), on_delete=models.CASCADE, related_name="recipients"
    )
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_id = models.PositiveIntegerField(_("source id"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Written in the same transaction as the claim (pending -> queued): one outbox row each.
    mail = models.ForeignKey(
        OutgoingMail,
        verbose_name=_("outgoing e-mail"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    token = models.CharField(_("unsubscribe token"), max_length=64, unique=True, default=new_token)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["mailing", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mailing", "email"], name="recipient_unique_email")
        ]
        indexes = [models.Index(fields=["mailing", "status"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.mailing})"

    @property
    def platform(self) -> Platform:
        return self.mailing.platform


class MailPreference(models.Model):
    """One address's choice for one kind of mail (``topic``: an :class:`Audience` value, or
    ``all``) of one platform. No row: the audience's own rule applies (a stakeholder's consent,
    a member's notices allowed)."""

    class Source(models.TextChoices):
        LINK = "link", pgettext_lazy("preference source", "Unsubscribe link")
        ONE_CLICK = "one_click", pgettext_lazy("preference source", "One-click (mail program)")
        BOUNCE = "bounce", pgettext_lazy("preference source", "Hard bounce")
        OFFICE = "office", pgettext_lazy("preference source", "Recorded by the secretariat")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    topic = models.CharField(_("kind of mail"), max_length=20)
    subscribed = models.BooleanField(_("receives it"), default=False)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)

    class Meta:
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")
        ordering = ["platform", "email", "topic"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "email", "topic"], name="mailpreference_unique_topic"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.topic} {'+' if self.subscribed else '-'}"


class MailLanguage(models.Model):
    """The language a person chose, on their personal mailing page, for a platform's mail."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("mail language")
        verbose_name_plural = _("mail languages")
        constraints = [
            models.UniqueConstraint(fields=["platform", "email"], name="maillanguage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.language}"
