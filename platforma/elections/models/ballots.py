"""Who voted and what was voted, stored apart; and the tellers' entries of paper ballots.

Secrecy rests on what these tables do not hold: no key between ``VoterRecord`` and ``Ballot``,
no timestamp on a ballot, a random UUID as a ballot's primary key and a random tracker, so
neither the ids nor the listing order (by tracker) follows the order of casting.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.members.models import Organisation

from .election import Election


class Elector(models.Model):
    """An organisation on the election's roll: a member in good standing when voting opened.

    The roll is taken once, by the service that opens the vote, so the right to vote is read
    from one row instead of from every organisation's membership history on each ballot.
    Membership is public, and the roll says nothing about who voted.
    """

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="roll"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("elector")
        verbose_name_plural = _("electoral roll")
        ordering = ["election", "organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["election", "organisation"], name="elector_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.election}"


class VoterRecord(models.Model):
    """An organisation has voted in an election (online or on paper). One per organisation."""

    class Channel(models.TextChoices):
        ONLINE = "online", pgettext_lazy("voting channel", "Online")
        PAPER = "paper", pgettext_lazy("voting channel", "On paper")

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="voters"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=6, choices=Channel.choices)
    by_proxy = models.BooleanField(_("by proxy"), default=False)

    class Meta:
        verbose_name = _("voter record")
        verbose_name_plural = _("voter records")
        ordering = ["election", "organisation__legal_name"]
        constraints = [
            # What makes double voting impossible, even for two requests at the same instant.
            models.UniqueConstraint(
                fields=["election", "organisation"], name="one_vote_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.election}"


class InsertOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Ballots are never changed.")

    def delete(self):
        raise PermissionError("Ballots are never deleted.")


class Ballot(models.Model):
    """One secret ballot: its tracker, its content as canonical JSON and that content's hash."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="ballots"
    )
    tracker = models.CharField(_("tracker"), max_length=32, unique=True)
    content = models.TextField(_("content (canonical JSON)"))
    content_hash = models.CharField(_("SHA-256 of the content"), max_length=64)

    objects = InsertOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["election", "tracker"]

    def __str__(self) -> str:
        return self.tracker

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Ballots are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Ballots are never deleted.")


class PaperBallotEntry(models.Model):
    """One teller's reading of one paper ballot; two tellers enter each ballot independently."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="paper_entries"
    )
    teller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teller"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who read the ballot: the teller's user name, or a label when the system enters a record.
    teller_label = models.CharField(_("teller"), max_length=150)
    batch = models.CharField(_("batch"), max_length=30, help_text=_("e.g. the ballot box."))
    sequence = models.PositiveIntegerField(_("number in the batch"))
    content = models.TextField(_("content (canonical JSON)"))
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    # Set by the tellers' page (not a field): the choices read, in words; None while sealed.
    reading: list[str] | None

    class Meta:
        verbose_name = _("paper ballot entry")
        verbose_name_plural = _("paper ballot entries")
        ordering = ["election", "batch", "sequence", "teller_label"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "batch", "sequence", "teller_label"],
                name="paper_entry_once_per_teller",
            )
        ]

    def __str__(self) -> str:
        return f"{self.batch}/{self.sequence} ({self.teller_label})"
