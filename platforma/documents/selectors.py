"""Reads of built documents: the fingerprint of the records as they are now, and the row for it.

Who may read a document is decided by the page that asks (the same check as the page the PDF
belongs to); these functions only find the row for a platform, kind and key.
"""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from platforma.core.models import AuditChain, Platform

from .models import RenderedDocument
from .registry import kind_named

# A document queued or building for longer than this is taken as lost (a worker stopped in the
# middle): the page offers to build it again.
STALE_AFTER = datetime.timedelta(
    minutes=int(getattr(settings, "PLATFORMA_DOCUMENT_STALE_MINUTES", 15))
)


def chain_facts(platform: Platform | None) -> list[tuple[int, int, str]]:
    """Where the audit chains a document may draw on end: the platform's and the Forum's (every
    chain for a Forum-wide document). Every service writes an entry, so any change to the
    records moves one of them; one small query, no rendering."""
    chains = AuditChain.objects.order_by("pk")
    if platform is not None:
        chains = chains.filter(Q(platform=platform) | Q(forum=True))
    return list(chains.values_list("pk", "length", "head"))


def fingerprint(kind: str, platform: Platform | None, key: str) -> str:
    found = kind_named(kind)
    digest = hashlib.sha256()
    parts = [found.name, found.version, key, *chain_facts(platform), *found.facts(platform, key)]
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def documents_of(platform: Platform | None, kind: str, key: str) -> QuerySet[RenderedDocument]:
    rows = RenderedDocument.objects.filter(kind=kind, key=key)
    if platform is None:
        return rows.filter(platform__isnull=True)
    return rows.filter(platform=platform)


def document_for(
    platform: Platform | None, kind: str, key: str, fingerprint: str
) -> RenderedDocument | None:
    return documents_of(platform, kind, key).filter(fingerprint=fingerprint).first()


def is_stale(document: RenderedDocument) -> bool:
    if document.status not in (RenderedDocument.Status.QUEUED, RenderedDocument.Status.BUILDING):
        return False
    since = document.started or document.created
    return since < timezone.now() - STALE_AFTER
