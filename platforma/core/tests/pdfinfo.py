"""What poppler's ``pdfinfo`` says of a PDF, and the language its catalogue names.

Shared by the tests that check every generated PDF kind is a tagged, titled PDF with a language.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest


def pdfinfo(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    """``pdfinfo``'s fields ("Tagged", "Title", ...); skips the test when poppler is missing."""
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed: cannot read the PDF's tags")
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, check=True
    ).stdout.decode()
    fields = {}
    for line in out.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def pdf_language(pdf: bytes) -> str | None:
    """The catalogue's ``/Lang``, read in plain objects and in compressed object streams."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for chunk in chunks:
        found = re.search(rb"/Lang\s*\(([^)]*)\)", chunk)
        if found:
            return found.group(1).decode("ascii")
    return None


def assert_accessible(pdf: bytes, tmp_path: Path, *, language: str, title: str) -> None:
    """Tagged (a structure tree), PDF/UA-1 identified, with the given language and title."""
    assert pdf.startswith(b"%PDF-")
    info = pdfinfo(pdf, tmp_path)
    assert info["Tagged"] == "yes", info
    assert title in info.get("Title", ""), info
    assert pdf_language(pdf) == language
    assert b"pdfuaid:part" in pdf or any(
        b"pdfuaid" in zlib.decompress(m.group(1))
        for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
        if _inflates(m.group(1))
    )


def _inflates(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True
