"""A person's request about their data: a copy (export) or erasure (docs/privacy.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform


class DataRequest(models.Model):
    """Made on one platform's site for one address, from the link mailed to it.

    ``export`` requests are the link itself (the copy is downloaded with it, as long as it is
    valid); ``erasure`` requests go to the secretariat, who approve or refuse them. Only the
    SHA-256 of the link's token is stored; the address is kept until the erasure is done, then
    only its keyed hash (``core.personal_data.address_hash``).
    """

    class Kind(models.TextChoices):
        EXPORT = "export", pgettext_lazy("data request", "Copy")
        ERASURE = "erasure", pgettext_lazy("data request", "Erasure")

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("data request", "Link sent")
        CONFIRMED = "confirmed", pgettext_lazy("data request", "Confirmed by the person")
        APPROVED = "approved", pgettext_lazy("data request", "Approved")
        REFUSED = "refused", pgettext_lazy("data request", "Refused")
        DONE = "done", pgettext_lazy("data request", "Done")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    email_hash = models.CharField(_("address (keyed hash)"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    counts = models.JSONField(_("what was done"), default=dict, blank=True)

    class Meta:
        verbose_name = _("request about personal data")
        verbose_name_plural = _("requests about personal data")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["platform", "kind", "status"])]

    def __str__(self) -> str:
        # No address: this is what the audit log's entries name.
        return f"{self.get_kind_display()} #{self.pk}"
