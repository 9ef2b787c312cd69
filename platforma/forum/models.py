"""The Forum's Annual Assembly and the selection of its delegates.

The Forum itself is a ``core.Platform`` row (``is_forum=True``): its statute, bodies, offices,
mandates, working groups and direct members use the platforms' machinery. What only the Forum
has lives here: the Annual Assembly of each year, its call for delegates, and the applications
member organisations send to it (through their platform; EU-side organisations through the
Forum's own row).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform, TimeStampedModel
from platforma.members.models import Organisation
from platforma.workinggroups.models import ForumWorkingGroup


class AnnualAssembly(TimeStampedModel):
    """The Forum's Annual Assembly of one year: when and where, and its published delegates."""

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("the Forum"),
        on_delete=models.PROTECT,
        related_name="annual_assemblies",
        limit_choices_to={"is_forum": True},
    )
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Set when the Forum secretariat publishes the list of delegates.
    delegates_published_at = models.DateTimeField(
        _("delegates published at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("Annual Assembly")
        verbose_name_plural = _("Annual Assemblies")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="annualassembly_dates_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


def default_criteria() -> list[dict[str, object]]:
    """The scoring sheet of a new call: each criterion's key, weight and highest mark."""
    return [
        {"key": "motivation", "weight": 3, "max": 10},
        {"key": "experience", "weight": 2, "max": 10},
        {"key": "relevance", "weight": 2, "max": 10},
    ]


class DelegateCall(TimeStampedModel):
    """The call for delegates to one Annual Assembly: open, ranked by the platforms, selected by
    the Forum secretariat with the quotas of the Forum statute, published."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("delegate call state", "Draft")
        OPEN = "open", pgettext_lazy("delegate call state", "Open for applications")
        RANKING = "ranking", pgettext_lazy("delegate call state", "Ranking by the platforms")
        SCORING = "scoring", pgettext_lazy("delegate call state", "Scoring and selection")
        SELECTED = "selected", pgettext_lazy("delegate call state", "Selected")
        PUBLISHED = "published", pgettext_lazy("delegate call state", "Published")

    assembly = models.OneToOneField(
        AnnualAssembly,
        verbose_name=_("Annual Assembly"),
        on_delete=models.PROTECT,
        related_name="call",
    )
    opens_at = models.DateTimeField(_("applications open at"))
    closes_at = models.DateTimeField(_("deadline for applications"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    criteria = models.JSONField(_("scoring sheet"), default=default_criteria)
    # Points an application gets for its platform's ranking: the first gets this many, the
    # last of n gets weight/n (see services).
    rank_weight = models.PositiveSmallIntegerField(
        _("points for the platform's ranking"), default=10
    )

    class Meta:
        verbose_name = _("call for delegates")
        verbose_name_plural = _("calls for delegates")
        ordering = ["-assembly__year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="delegatecall_window_order",
            )
        ]

    def __str__(self) -> str:
        return str(self.assembly)


class DelegateApplication(TimeStampedModel):
    """A member organisation's application to send one person to the Annual Assembly."""

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        OTHER = "other", _("Other or prefers not to say")

    class Outcome(models.TextChoices):
        PENDING = "pending", pgettext_lazy("delegate application", "Pending")
        SELECTED = "selected", pgettext_lazy("delegate application", "Selected")
        RESERVE = "reserve", pgettext_lazy("delegate application", "Reserve list")
        NOT_SELECTED = "not_selected", pgettext_lazy("delegate application", "Not selected")
        INELIGIBLE = "ineligible", pgettext_lazy("delegate application", "Not eligible")
        WITHDRAWN = "withdrawn", pgettext_lazy("delegate application", "Withdrawn")

    call = models.ForeignKey(
        DelegateCall,
        verbose_name=_("call for delegates"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    # The platform the organisation applies through (the Forum's row for EU-side members):
    # its secretariat ranks the application.
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        related_name="delegate_applications",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="delegate_applications",
    )
    working_group = models.ForeignKey(
        ForumWorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        related_name="delegate_applications",
    )
    motivation = models.TextField(_("motivation"))
    # The person who would go.
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    gender = models.CharField(_("gender"), max_length=5, choices=Gender.choices)
    # The language the application was sent in: the applicant is told the outcome in it.
    language = models.CharField(_("language"), max_length=10, default="en")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    platform_rank = models.PositiveSmallIntegerField(_("platform's ranking"), null=True, blank=True)
    scores = models.JSONField(_("marks"), default=dict, blank=True)
    # The total the solver maximises, in hundredths of a point (integers keep it exact).
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    reserve_rank = models.PositiveSmallIntegerField(
        _("place on the reserve list"), null=True, blank=True
    )
    reason = models.CharField(_("reason"), max_length=40, blank=True)
    reason_params = models.JSONField(_("reason details"), default=dict, blank=True)
    notified_at = models.DateTimeField(_("applicant told at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delegate application")
        verbose_name_plural = _("delegate applications")
        ordering = ["call", "platform", "platform_rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="delegateapplication_one_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.organisation})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
