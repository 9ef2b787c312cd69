"""A cover image from a PDF's first page, made by poppler's pdftoppm."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


def cover_png(pdf_path: str, *, timeout: int = 30) -> bytes | None:
    """PNG bytes of page one scaled to 400 px, or None when that cannot be done (logged)."""
    if not shutil.which("pdftoppm"):
        logger.warning("pdftoppm is not installed; no cover made for %s", pdf_path)
        return None
    with tempfile.TemporaryDirectory(prefix="cover-") as tmp:
        prefix = Path(tmp) / "page"
        try:
            subprocess.run(  # noqa: S603 - fixed argument list, no shell
                [
                    "pdftoppm",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-scale-to",
                    "400",
                    pdf_path,
                    str(prefix),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            logger.warning("No cover for %s: %s", pdf_path, exc)
            return None
        pages = sorted(Path(tmp).glob("page*.png"))
        return pages[0].read_bytes() if pages else None
