"""Asking for a document: the ready one, or one queued for the worker (once per fingerprint).

Built documents are a cache of what the records say, not records: these writes make no audit
entry, because an entry would move the audit chain that the fingerprint reads and no document
would ever be current. Who may ask is checked by the page that calls them.
"""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from platforma.core.models import Platform

from . import selectors
from .models import RenderedDocument

logger = logging.getLogger(__name__)


def _enqueue(document: RenderedDocument) -> None:
    # Outside any transaction of ours: with the immediate backend (development, tests) the PDF
    # is built here and now, and it must not hold SQLite's write lock while it is.
    from .tasks import build_document

    try:
        result = build_document.enqueue(document.pk)
    except Exception as exc:  # the queue itself is down: say so on the page, allow a retry
        logger.exception("Could not queue document %s", document.pk)
        RenderedDocument.objects.filter(pk=document.pk).update(
            status=RenderedDocument.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished=timezone.now(),
        )
        return
    RenderedDocument.objects.filter(pk=document.pk, task_id="").update(task_id=str(result.id))


def document_request(*, kind: str, platform: Platform | None, key: str) -> RenderedDocument:
    """The document of the records as they are now: built, being built, or failed.

    When there is none yet it is queued, once: of two requests at the same moment one creates
    the row (unique per platform, kind, key and fingerprint) and queues the task, the other
    finds that row."""
    fingerprint = selectors.fingerprint(kind, platform, key)
    document = selectors.document_for(platform, kind, key, fingerprint)
    if document is not None:
        return document
    try:
        with transaction.atomic():
            document = RenderedDocument.objects.create(
                platform=platform, kind=kind, key=key, fingerprint=fingerprint
            )
    except IntegrityError:
        found = selectors.document_for(platform, kind, key, fingerprint)
        if found is None:
            raise
        return found
    _enqueue(document)
    document.refresh_from_db()
    return document


def document_retry(*, document: RenderedDocument) -> RenderedDocument:
    """Queue a failed (or lost) build again; a document already ready or in hand is left."""
    if document.status != RenderedDocument.Status.FAILED and not selectors.is_stale(document):
        return document
    claimed = RenderedDocument.objects.filter(
        pk=document.pk, status=document.status, created=document.created
    ).update(
        status=RenderedDocument.Status.QUEUED,
        error="",
        task_id="",
        started=None,
        finished=None,
        created=timezone.now(),
    )
    if claimed:
        _enqueue(document)
    document.refresh_from_db()
    return document
