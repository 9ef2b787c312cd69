"""HTML to PDF with WeasyPrint, reading only the project's own static files.

A PDF view must never make HTTP requests: with sync workers a request to the server itself
waits for a free worker (and may wait for ever), and fetching arbitrary URLs named in a page
is a way to reach other hosts. Stylesheets and images under STATIC_URL are read from disk
through the staticfiles finders; ``data:`` URLs are decoded; everything else is refused.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders

BASE_URL = "https://platforma.invalid/"


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

    pdf: bytes = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()
    return pdf
