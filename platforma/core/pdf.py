"""HTML to PDF with WeasyPrint, reading only the project's own static files.

A PDF view must never make HTTP requests: with sync workers a request to the server itself
waits for a free worker (and may wait for ever), and fetching arbitrary URLs named in a page
is a way to reach other hosts. Stylesheets and images under STATIC_URL are read from disk
through the staticfiles finders; ``data:`` URLs are decoded; everything else is refused.

Every PDF is a tagged PDF/UA-1 document (WeasyPrint's ``pdf/ua-1`` variant): a structure tree
that screen readers follow, the document's language from ``<html lang>`` and its title from
``<title>`` (each print template sets both; a page without them is logged, not refused).
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders

BASE_URL = "https://platforma.invalid/"
# WeasyPrint's PDF/UA support: tags (the structure tree), PDF 1.7, the PDF/UA identification.
PDF_VARIANT = "pdf/ua-1"

logger = logging.getLogger(__name__)


def _static_path(url: str) -> Path | None:
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    path = unquote(urlparse(url).path)
    if not path.startswith(prefix):
        return None
    found = finders.find(path[len(prefix) :])
    return Path(found) if found else None


def _fetcher() -> Any:  # a weasyprint URLFetcher (weasyprint ships no types)
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):  # type: ignore[misc]  # URLFetcher is untyped (Any)
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _static_path(url)
            if path is None:
                raise ValueError(f"Not fetched while building a PDF: {url}")
            mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": mime_type}
            )

    return StaticOnlyFetcher()


def html_to_pdf(html: str) -> bytes:
    import weasyprint  # slow to import; only PDFs need it

    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).render(
        pdf_variant=PDF_VARIANT
    )
    missing = [name for name in ("lang", "title") if not getattr(document.metadata, name, None)]
    if missing:
        # An accessible PDF names its language and title; the print templates all do.
        logger.warning("PDF without %s: give the template <html lang> and <title>", missing)
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf
