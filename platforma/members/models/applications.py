"""Applications to join a platform, with their documents, recommendations and appeals."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform, TimeStampedModel
from platforma.core.uploads import private_storage

from .registry import Membership, MembershipChange, Organisation


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Application(TimeStampedModel):
    """What an organisation sent to join a platform; its membership carries the status."""

    class BoardOpinion(models.TextChoices):
        NONE = "", _("not given")
        ADMIT = "admit", _("recommends admission")
        REJECT = "reject", _("recommends rejection")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    membership = models.OneToOneField(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.PROTECT,
        related_name="application",
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    working_groups = models.ManyToManyField(
        "workinggroups.WorkingGroup", verbose_name=_("working groups"), related_name="+"
    )
    declarations = models.JSONField(_("declarations"), default=list, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    board_opinion = models.CharField(
        _("Board's opinion"), max_length=10, choices=BoardOpinion.choices, blank=True
    )
    board_opinion_on = models.DateField(_("Board's opinion given on"), null=True, blank=True)
    board_opinion_reference = models.CharField(_("Board's decision"), max_length=100, blank=True)

    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    decision_reference = models.CharField(_("decision"), max_length=100, blank=True)
    decision_reasons = models.TextField(_("reasons"), blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.platform}"


class ApplicationDocument(models.Model):
    class Kind(models.TextChoices):
        REGISTRATION_EXTRACT = "registration_extract", _("Extract from the register")
        STATUTE = "statute", _("Organisation's statute")
        ACTIVITY_REPORT = "activity_report", _("Latest activity report")
        RECOMMENDATION_LETTER = "recommendation_letter", _("Recommendation letter")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to="applications/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    issued_on = models.DateField(
        _("issued on"), null=True, blank=True, help_text=_("Date on the document, if it has one.")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class Recommendation(TimeStampedModel):
    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("recommendation status", "Requested")
        CONFIRMED = "confirmed", pgettext_lazy("recommendation status", "Confirmed")
        DECLINED = "declined", pgettext_lazy("recommendation status", "Declined")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="recommendations"
    )
    recommender = models.ForeignKey(
        Membership,
        verbose_name=_("recommending member"),
        on_delete=models.PROTECT,
        related_name="recommendations_given",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    responder_name = models.CharField(_("answered by"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "recommender"], name="one_recommendation_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommender.organisation} → {self.application.organisation}"


class Appeal(TimeStampedModel):
    """An appeal against a membership decision: the rejection of an application, or a
    suspension or expulsion (a membership change). Exactly one of the two is set."""

    class Status(models.TextChoices):
        LODGED = "lodged", pgettext_lazy("appeal status", "Lodged")
        UPHELD = "upheld", pgettext_lazy("appeal status", "Upheld")
        DISMISSED = "dismissed", pgettext_lazy("appeal status", "Dismissed")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="+"
    )
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="appeals", null=True, blank=True
    )
    membership_change = models.ForeignKey(
        MembershipChange,
        verbose_name=_("decision appealed"),
        on_delete=models.PROTECT,
        related_name="appeals",
        null=True,
        blank=True,
    )
    grounds = models.TextField(_("grounds"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.LODGED
    )
    lodged_at = models.DateTimeField(_("lodged at"), auto_now_add=True)
    received_on = models.DateField(
        _("received on"),
        null=True,
        blank=True,
        help_text=_("The day the appeal reached the platform (a letter's date of receipt)."),
    )
    lodged_by = models.CharField(_("lodged by"), max_length=200, blank=True)
    deadline = models.DateField(_("deadline for appealing"), null=True, blank=True)
    # The body the statute names (a governance body kind, or "other"), read when it was lodged.
    heard_by_body = models.CharField(_("body that hears it"), max_length=30, blank=True)
    heard_by = models.CharField(
        _("heard by"), max_length=200, blank=True, help_text=_("e.g. the Compliance Committee")
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision"), max_length=100, blank=True)
    outcome_reason = models.TextField(_("reasons"), blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-lodged_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(application__isnull=False, membership_change__isnull=True)
                    | models.Q(application__isnull=True, membership_change__isnull=False)
                ),
                name="appeal_of_one_decision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"

    @property
    def organisation(self) -> Organisation:
        if self.membership_change_id:
            assert self.membership_change is not None
            return self.membership_change.membership.organisation
        assert self.application is not None
        return self.application.organisation

    @property
    def decision(self) -> str:
        """What is appealed: ``rejection``, ``suspension`` or ``expulsion``."""
        if self.membership_change_id:
            assert self.membership_change is not None
            return DECISION_OF_STATUS[self.membership_change.to_status]
        return "rejection"

    @property
    def decision_label(self) -> str:
        return str(DECISION_LABELS.get(self.decision, self.decision))


# The statute's name (``appeals.<decision>``) of the decision a membership status comes from.
DECISION_OF_STATUS: dict[str, str] = {
    Membership.Status.REJECTED: "rejection",
    Membership.Status.SUSPENDED: "suspension",
    Membership.Status.EXPELLED: "expulsion",
}
# What an appeal is against, as the pages name it.
DECISION_LABELS = {
    "rejection": pgettext_lazy("decision appealed", "Rejection of the application"),
    "suspension": pgettext_lazy("decision appealed", "Suspension"),
    "expulsion": pgettext_lazy("decision appealed", "Expulsion"),
}


class ProfileChangeRequest(TimeStampedModel):
    """A representative's change to legal data, waiting for the secretariat's approval."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("change request status", "Pending")
        APPROVED = "approved", pgettext_lazy("change request status", "Approved")
        REJECTED = "rejected", pgettext_lazy("change request status", "Rejected")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="change_requests"
    )
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changes = models.JSONField(_("requested changes"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("change of legal data")
        verbose_name_plural = _("changes of legal data")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation}: {', '.join(self.changes)}"
