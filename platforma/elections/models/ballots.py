"""Who voted, the sealed box of what was voted, the opened ballots, and the tellers.

Secrecy rests on what these tables do not hold (docs/elections.md, "Secrecy"):
- while the vote is open, ballots exist only sealed to the election's public key, all in one
  value (``BallotBox.sealed``) in an order that is a uniformly random permutation of the
  order of casting; the private key is split among the tellers (``Teller``) and never kept;
- a voter record has a random id and no time; nothing links it to a ballot;
- at closing the box is opened with the tellers' shares, its ballots written in a fresh
  random order (``Ballot.position``) with the board's hash chain, and the box deleted.
"""

from __future__ import annotations

import secrets
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


def random_id() -> int:
    """A primary key drawn at random (below 2**53, safe in JavaScript), not from a sequence."""
    return secrets.randbelow(2**53 - 1) + 1


class VoterRecord(models.Model):
    """An organisation has voted in an election (online or on paper). One per organisation.

    Its id is drawn at random (``random_id``), and it carries no time, so neither the ids nor,
    on SQLite, the table's own order (the rowid is the id) follows the order of voting.
    """

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

    def save(self, *args, **kwargs):
        if self.pk is None:
            self.pk = random_id()
        super().save(*args, **kwargs)


class Teller(models.Model):
    """A person who holds one share of an election's key; ``needed`` of them open the box."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="tellers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("share number"))
    # The share itself waits here only until its teller takes it; then it is blanked.
    pending_share = models.CharField(max_length=100, blank=True, editable=False)
    share_digest = models.CharField(_("SHA-256 of the share"), max_length=64, editable=False)
    share_taken_at = models.DateTimeField(_("share taken at"), null=True, blank=True)

    class Meta:
        verbose_name = _("teller")
        verbose_name_plural = _("tellers")
        ordering = ["election", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "user"], name="teller_once"),
            models.UniqueConstraint(fields=["election", "number"], name="teller_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.election}"


class BallotBox(models.Model):
    """The sealed ballots of an open vote, in one value, in a random order; gone at closing."""

    election = models.OneToOneField(
        Election,
        verbose_name=_("election"),
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="box",
    )
    record_size = models.PositiveIntegerField(_("bytes per sealed ballot"))
    sealed = models.BinaryField(_("sealed ballots"), default=b"", editable=False)
    count = models.PositiveIntegerField(_("ballots"), default=0)

    class Meta:
        verbose_name = _("ballot box")
        verbose_name_plural = _("ballot boxes")

    def __str__(self) -> str:
        return f"{self.election} ({self.count})"


class InsertOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Ballots are never changed.")

    def delete(self):
        raise PermissionError("Ballots are never deleted.")


class Ballot(models.Model):
    """One opened ballot on the board: its place, tracker, content, hash and chain hash.

    Written once, at closing, in the order drawn then (``position``); never changed (the
    ORM refuses, and on PostgreSQL a trigger refuses ``UPDATE`` and ``DELETE``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.PROTECT, related_name="ballots"
    )
    position = models.PositiveIntegerField(_("place on the board"))
    tracker = models.CharField(_("tracker"), max_length=32, unique=True)
    content = models.TextField(_("content (canonical JSON)"))
    content_hash = models.CharField(_("SHA-256 of the content"), max_length=64)
    chain = models.CharField(_("chain hash"), max_length=64)

    objects = InsertOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["election", "position"]
        constraints = [
            models.UniqueConstraint(fields=["election", "position"], name="ballot_position_once")
        ]

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
    # While the vote is open the reading is sealed to the election's key, and two readings are
    # compared by ``digest`` (an HMAC keyed with a secret of the server's, never a plain hash:
    # the readings are few enough to guess). ``content`` is written when the box is opened.
    sealed = models.BinaryField(_("sealed reading"), default=b"", editable=False)
    digest = models.CharField(_("keyed digest of the reading"), max_length=64, blank=True)
    content = models.TextField(_("content (canonical JSON)"), blank=True)
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
