"""Organisations, their representatives and their memberships of a platform."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Person, Platform, TimeStampedModel


class Organisation(TimeStampedModel):
    """A civil-society organisation (member, applicant, or former member)."""

    legal_name = models.CharField(_("legal name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fields_of_work = models.CharField(_("fields of work"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    active_since = models.DateField(
        _("active in its field since"),
        null=True,
        blank=True,
        help_text=_("When the organisation started its work in the platform's thematic fields."),
    )
    # What the organisation agrees to show in the public directory (nothing unless it says so).
    public_email = models.BooleanField(_("show e-mail publicly"), default=False)
    public_phone = models.BooleanField(_("show phone publicly"), default=False)
    public_website = models.BooleanField(_("show website publicly"), default=True)
    public_address = models.BooleanField(_("show address publicly"), default=False)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Fictional organisation of the demo data set.")
    )

    LEGAL_FIELDS = ("legal_name", "registration_number", "registration_date")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["legal_name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.short_name or self.legal_name

    def public_contacts(self) -> dict[str, str]:
        """The contact details the organisation agreed to publish, and only those."""
        shown = {
            "email": self.email if self.public_email else "",
            "phone": self.phone if self.public_phone else "",
            "website": self.website if self.public_website else "",
            "address": self.address if self.public_address else "",
        }
        return {key: value for key, value in shown.items() if value}


class Membership(TimeStampedModel):
    """An organisation's membership of one platform; status changes are kept in the history."""

    class Status(models.TextChoices):
        APPLIED = "applied", pgettext_lazy("membership status", "Applied")
        UNDER_REVIEW = "under_review", pgettext_lazy("membership status", "Under review")
        ADMITTED = "admitted", pgettext_lazy("membership status", "Admitted")
        REJECTED = "rejected", pgettext_lazy("membership status", "Rejected")
        SUSPENDED = "suspended", pgettext_lazy("membership status", "Suspended")
        WITHDRAWN = "withdrawn", pgettext_lazy("membership status", "Withdrawn")
        EXPELLED = "expelled", pgettext_lazy("membership status", "Expelled")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["platform", "organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "organisation"], name="membership_unique_per_platform"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.platform}"


class MembershipChange(models.Model):
    """One status change of a membership: the history the secretariat reads."""

    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="changes", verbose_name=_("membership")
    )
    from_status = models.CharField(
        _("previous status"), max_length=20, choices=Membership.Status.choices, blank=True
    )
    to_status = models.CharField(_("new status"), max_length=20, choices=Membership.Status.choices)
    effective_on = models.DateField(_("effective on"))
    decided_by = models.CharField(
        _("decided by"), max_length=200, blank=True, help_text=_("Body, e.g. “General Assembly”.")
    )
    decision_reference = models.CharField(_("decision"), max_length=100, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # The change undoes a decision because an appeal against it was upheld.
    via_appeal = models.BooleanField(_("on appeal"), default=False)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["membership", "effective_on", "id"]

    def __str__(self) -> str:
        return f"{self.membership}: {self.from_status or '—'} → {self.to_status}"


class Representative(TimeStampedModel):
    """A person who speaks (and, when primary, votes) for an organisation."""

    class Role(models.TextChoices):
        PRIMARY = "primary", pgettext_lazy("representative role", "Primary")
        ALTERNATE = "alternate", pgettext_lazy("representative role", "Alternate")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="representatives",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="representations"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PRIMARY)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        ordering = ["organisation", "role", "person__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(role="primary", until__isnull=True),
                name="one_current_primary_representative",
            ),
            models.UniqueConstraint(
                fields=["organisation", "person"],
                condition=models.Q(until__isnull=True),
                name="representative_unique_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.organisation})"
