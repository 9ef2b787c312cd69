"""The one way a built document reaches a browser, for the pages that own a PDF link.

The owning view checks who asks exactly as it did when it rendered the PDF itself, then hands
over to :func:`pdf_response`: a ready document with the current fingerprint is served at once;
otherwise the build is queued (once) and a page says the PDF is being prepared, reloading itself
(``<meta http-equiv="refresh">``: no script, so the Content-Security-Policy holds) until the same
address delivers the file. A failed build shows what went wrong and a button to try again.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from platforma.core.models import Platform

from . import selectors, services
from .models import RenderedDocument
from .registry import kind_named

REFRESH_SECONDS = 2


def pdf_response(
    request: HttpRequest,
    *,
    kind: str,
    platform: Platform | None,
    key: str,
    show_error: bool = False,
    context: dict[str, object] | None = None,
) -> HttpResponseBase:
    """Serve, prepare or offer to rebuild the PDF ``key`` of ``kind``; ``show_error``: the
    failure's text is shown (to those who manage the platform, never to the public)."""
    if request.method == "POST":
        document = selectors.document_for(
            platform, kind, key, selectors.fingerprint(kind, platform, key)
        )
        if document is not None:
            services.document_retry(document=document)
        return redirect(request.get_full_path())
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    document = services.document_request(kind=kind, platform=platform, key=key)
    if document.status == RenderedDocument.Status.READY:
        # A few hundred kilobytes at most: read whole, as the PDF views always answered.
        with document.file.open("rb") as stored:
            response = HttpResponse(stored.read(), content_type="application/pdf")
        name = kind_named(kind).filename(platform, key)
        response["Content-Disposition"] = f'inline; filename="{name}"'
        # Private documents (drafts, minutes) must not be kept by a shared cache.
        response["Cache-Control"] = "private, no-cache"
        return response
    failed = document.status == RenderedDocument.Status.FAILED or selectors.is_stale(document)
    since = document.started or document.created
    page = render(
        request,
        "documents/preparing.html",
        {
            **(context or {}),
            "document": document,
            "failed": failed,
            "stale": failed and document.status != RenderedDocument.Status.FAILED,
            "error": document.error if show_error else "",
            "seconds": max(0, int((timezone.now() - since).total_seconds())),
            "refresh": REFRESH_SECONDS,
        },
        status=200 if failed else 202,
    )
    page["Cache-Control"] = "no-store"
    return page
