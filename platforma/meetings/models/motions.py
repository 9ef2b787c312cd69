"""Motions put to a meeting, the votes on them, and the decisions adopted ones become."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform, TimeStampedModel
from platforma.governance.models import Body, Mandate
from platforma.members.models import Membership

from .meeting import AgendaItem, Meeting


class Motion(TimeStampedModel):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", pgettext_lazy("motion kind", "Ordinary motion")
        STATUTE_CHANGE = "statute_change", _("Statute change")
        ADMISSION = "admission", _("Admission of a member")
        SUSPENSION = "suspension", _("Suspension of a member")
        EXPULSION = "expulsion", _("Expulsion of a member")
        NO_CONFIDENCE = "no_confidence", _("No confidence in an office holder")
        REPORT_APPROVAL = "report_approval", _("Approval of a report")
        BUDGET_APPROVAL = "budget_approval", _("Approval of a budget")

    class Majority(models.TextChoices):
        SIMPLE = "simple", _("simple majority of votes cast")
        SIMPLE_PRESENT = "simple_present", _("majority of members present")
        ABSOLUTE_MEMBERS = "absolute_members", _("absolute majority of members")
        TWO_THIRDS_CAST = "two_thirds_cast", _("two thirds of votes cast")
        TWO_THIRDS_PRESENT = "two_thirds_present", _("two thirds of members present")
        TWO_THIRDS_MEMBERS = "two_thirds_members", _("two thirds of members")
        UNANIMITY = "unanimity", _("unanimity")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("motion status", "Open for voting")
        DECIDED = "decided", pgettext_lazy("motion status", "Decided")
        WITHDRAWN = "withdrawn", pgettext_lazy("motion status", "Withdrawn")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="motions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="motions",
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    proposer = models.ForeignKey(
        Membership,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motions_proposed",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    majority = models.CharField(
        _("required majority"),
        max_length=20,
        choices=Majority.choices,
        help_text=_("Taken from the statute in force for the motion's kind."),
    )
    abstentions_count_as_cast = models.BooleanField(_("abstentions count as votes cast"))
    is_secret = models.BooleanField(_("secret vote"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # What the decision acts on, for motions that have effects.
    subject_membership = models.ForeignKey(
        Membership,
        verbose_name=_("member concerned"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motions_about",
    )
    subject_mandate = models.ForeignKey(
        Mandate,
        verbose_name=_("mandate concerned"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motions_about",
    )
    new_statute = models.JSONField(
        _("new statute version"),
        null=True,
        blank=True,
        help_text=_("For a statute change: title, effective_from (YYYY-MM-DD) and rules."),
    )
    # The result, kept with the numbers that explain it.
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("for"), default=0)
    votes_against = models.PositiveIntegerField(_("against"), default=0)
    votes_abstain = models.PositiveIntegerField(_("abstentions"), default=0)
    votes_cast = models.PositiveIntegerField(_("votes cast"), default=0)
    members_count = models.PositiveIntegerField(_("members"), default=0)
    present_count = models.PositiveIntegerField(_("present and represented"), default=0)
    basis_count = models.PositiveIntegerField(_("basis of the majority"), default=0)
    votes_needed = models.PositiveIntegerField(_("votes needed"), default=0)
    # Voting from the floor: delegates vote from their own devices while it is on the floor.
    floor_opened_at = models.DateTimeField(_("put on the floor at"), null=True, blank=True)
    floor_closed_at = models.DateTimeField(_("closed on the floor at"), null=True, blank=True)

    # Set by minutes_record: the outcome in words (not a field).
    explanation: str

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=models.Q(floor_opened_at__isnull=False, floor_closed_at__isnull=True),
                name="motion_one_on_the_floor",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def on_the_floor(self) -> bool:
        return self.floor_opened_at is not None and self.floor_closed_at is None


class Vote(models.Model):
    """One organisation's vote on an open motion; ``by_proxy`` when its proxy holder cast it."""

    class Choice(models.TextChoices):
        FOR = "for", pgettext_lazy("vote", "For")
        AGAINST = "against", pgettext_lazy("vote", "Against")
        ABSTAIN = "abstain", pgettext_lazy("vote", "Abstain")

    motion = models.ForeignKey(
        Motion, verbose_name=_("motion"), on_delete=models.CASCADE, related_name="votes"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("member organisation"),
        on_delete=models.PROTECT,
        related_name="motion_votes",
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    by_proxy = models.BooleanField(_("cast by proxy"), default=False)
    cast_at = models.DateTimeField(_("cast at"))

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["motion", "membership__organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "membership"], name="vote_one_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.membership.organisation}: {self.get_choice_display()}"


class Decision(TimeStampedModel):
    """An adopted motion in the body's register, numbered per body and year (GA-2014-03)."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="decisions"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="decisions"
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="decisions"
    )
    motion = models.OneToOneField(
        Motion,
        verbose_name=_("motion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"))
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    decided_on = models.DateField(_("decided on"))
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown in the public register of decisions.")
    )
    effects_carried_out_at = models.DateTimeField(
        _("effects carried out at"), null=True, blank=True
    )
    effects = models.JSONField(_("effects"), default=list, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="decision_unique_number"
            ),
            models.UniqueConstraint(
                fields=["platform", "reference"], name="decision_unique_reference"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"
