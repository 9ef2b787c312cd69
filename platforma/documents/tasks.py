"""The worker's side: build one document and keep it; drop the ones it replaces."""

from __future__ import annotations

import logging
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from .models import RenderedDocument
from .registry import kind_named

logger = logging.getLogger(__name__)


def _drop_replaced(document: RenderedDocument) -> None:
    """Older builds of the same document (other fingerprints), finished: their records changed."""
    older = (
        RenderedDocument.objects.filter(
            kind=document.kind,
            key=document.key,
            platform=document.platform_id,
            created__lt=document.created,
            status__in=[RenderedDocument.Status.READY, RenderedDocument.Status.FAILED],
        )
        .exclude(pk=document.pk)
        .only("pk", "file")
    )
    for old in older:
        if old.file:
            old.file.delete(save=False)
        old.delete()


# Below e-mail (priority 0): a reader waits for a PDF, but a convocation must not wait for one.
@task(priority=-10)
def build_document(document_id: int) -> str:
    claimed = RenderedDocument.objects.filter(
        pk=document_id, status=RenderedDocument.Status.QUEUED
    ).update(status=RenderedDocument.Status.BUILDING, started=timezone.now())
    if not claimed:  # built already, or taken by another worker
        return "skipped"
    document = RenderedDocument.objects.select_related("platform").get(pk=document_id)
    try:
        pdf = kind_named(document.kind).render(document.platform, document.key)
        document.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(pdf), save=False)
    except Exception as exc:
        logger.exception("Building %s failed", document)
        document.status = RenderedDocument.Status.FAILED
        document.error = f"{type(exc).__name__}: {exc}"[:2000]
        document.finished = timezone.now()
        document.save(update_fields=["status", "error", "finished"])
        raise  # the queue records the failure too
    document.status = RenderedDocument.Status.READY
    document.finished = timezone.now()
    document.save(update_fields=["status", "file", "finished"])
    _drop_replaced(document)
    return "ready"
