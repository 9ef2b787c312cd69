"""The Forum's working-group themes, each platform's WGs and sub-groups, and enrolments."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from platforma.core.models import Platform, TimeStampedModel
from platforma.members.models import Membership


def wg_code(number: int) -> str:
    """The short code of a working group in the active language: WG1, İQ1, РГ1."""
    return pgettext("working group code", "WG%(number)d") % {"number": number}


class ForumWorkingGroup(models.Model):
    """One of the Forum's working groups (WG1..WG5); national WGs mirror them."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    established_in = models.PositiveSmallIntegerField(
        _("established in (year)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("Forum working group")
        verbose_name_plural = _("Forum working groups")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def code(self) -> str:
        return wg_code(self.number)


class WorkingGroup(TimeStampedModel):
    """A platform's working group, or a sub-group of one (``parent`` set)."""

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        related_name="working_groups",
    )
    forum_group = models.ForeignKey(
        ForumWorkingGroup,
        verbose_name=_("Forum working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="national_groups",
        help_text=_("The Forum working group this one mirrors."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subgroups",
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["platform", "position", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "slug"], name="workinggroup_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def code(self) -> str:
        if not self.parent_id and self.forum_group is not None:
            return wg_code(self.forum_group.number)
        return ""


class Enrolment(TimeStampedModel):
    """A member organisation taking part in a working group."""

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["working_group", "membership__organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "membership"],
                condition=models.Q(until__isnull=True),
                name="enrolment_unique_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership.organisation} in {self.working_group}"
