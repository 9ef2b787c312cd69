"""A secret vote from the floor, kept in two tables that cannot be joined.

Who has voted (``SecretBallotMark``: the organisation, no choice) is stored apart from what was
chosen (``SecretTally``: three counters per motion, nothing else). A choice is never stored as a
row of its own: a row per ballot would carry the order in which ballots came (a database's
hidden row number, a transaction id), and that order, set beside the marks or the audit log,
would tell who chose what. Counters tell nobody anything beyond the totals.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from platforma.members.models import Membership

from .motions import Motion


class SecretBallotMark(models.Model):
    """That an organisation has voted in a secret vote from the floor (never what it chose)."""

    motion = models.ForeignKey(
        Motion, verbose_name=_("motion"), on_delete=models.CASCADE, related_name="ballot_marks"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("member organisation"),
        on_delete=models.PROTECT,
        related_name="secret_ballot_marks",
    )
    by_proxy = models.BooleanField(_("cast by proxy"), default=False)

    class Meta:
        verbose_name = _("secret ballot cast")
        verbose_name_plural = _("secret ballots cast")
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "membership"], name="secret_ballot_one_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.membership_id}"


class SecretTally(models.Model):
    """The running totals of a secret vote from the floor: counts only, no voter, no time."""

    motion = models.OneToOneField(
        Motion,
        verbose_name=_("motion"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="secret_tally",
    )
    votes_for = models.PositiveIntegerField(_("for"), default=0)
    votes_against = models.PositiveIntegerField(_("against"), default=0)
    votes_abstain = models.PositiveIntegerField(_("abstentions"), default=0)

    class Meta:
        verbose_name = _("secret tally")
        verbose_name_plural = _("secret tallies")

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.votes_for}/{self.votes_against}/{self.votes_abstain}"

    @property
    def totals(self) -> tuple[int, int, int]:
        return (self.votes_for, self.votes_against, self.votes_abstain)
