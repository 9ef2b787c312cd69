"""A document built by the worker from the records: the annual report's PDF, the minutes' PDF.

One row per platform, kind, key and fingerprint of the records it was built from: a change to
the records makes a new fingerprint, so a new row, built once however many ask at the same time.
Rows are a cache, not records: building one writes no audit entry (that would move the audit
chain the fingerprint reads, and no PDF would ever be current).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Platform

from .storage import document_storage


def _upload_to(document: RenderedDocument, filename: str) -> str:
    owner = document.platform.slug if document.platform is not None else "forum"
    return f"documents/{document.kind}/{owner}/{filename}"


class RenderedDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("document status", "Queued")
        BUILDING = "building", pgettext_lazy("document status", "Building")
        READY = "ready", pgettext_lazy("document status", "Ready")
        FAILED = "failed", pgettext_lazy("document status", "Failed")

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the Forum's."),
    )
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("key"), max_length=100)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(
        _("file"), storage=document_storage, upload_to=_upload_to, blank=True, max_length=200
    )
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("built document")
        verbose_name_plural = _("built documents")
        ordering = ["-created"]
        indexes = [models.Index(fields=["kind", "key"], name="renderdoc_kind_key")]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "kind", "key", "fingerprint"],
                condition=models.Q(platform__isnull=False),
                name="renderdoc_unique_platform",
            ),
            models.UniqueConstraint(
                fields=["kind", "key", "fingerprint"],
                condition=models.Q(platform__isnull=True),
                name="renderdoc_unique_forum",
            ),
        ]

    def __str__(self) -> str:
        owner = self.platform.slug if self.platform is not None else "forum"
        return f"{self.kind} {owner} {self.key} ({self.status})"
