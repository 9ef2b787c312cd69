"""Uploaded files: recognised by their content (never by name), limited in size, kept private.

Private files live under ``MEDIA_ROOT/private`` with no public URL; views that check who asks
stream them (``FileResponse``).
"""

from __future__ import annotations

import hashlib
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
JPEG = "image/jpeg"
PNG = "image/png"
# Accepted types and the names messages give them.
DOCUMENT_TYPES = {PDF: "PDF", ODT: "ODT", DOCX: "DOCX", JPEG: "JPEG", PNG: "PNG"}


def private_storage() -> FileSystemStorage:
    """Storage outside the web root; a callable so tests can point MEDIA_ROOT elsewhere."""
    return FileSystemStorage(location=settings.MEDIA_ROOT / "private", base_url=None)


def detect_type(upload) -> str | None:
    """The document type by the file's first bytes (and, for ZIP-based formats, its contents)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                    return ODT
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    return DOCX
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            upload.seek(0)
    return None


PDF_ONLY = {PDF: "PDF"}


def check_upload(upload, *, allowed=DOCUMENT_TYPES, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """Return the detected content type, or raise a message the uploader can act on."""
    size = getattr(upload, "size", None)
    if size is None:  # a plain file object
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    if size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(size),
                "max": filesizeformat(max_bytes),
            }
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": upload.name})
    content_type = detect_type(upload)
    if content_type not in allowed:
        raise ValidationError(
            _("“%(name)s” is not of an accepted type (%(kinds)s), judged by its content.")
            % {"name": upload.name, "kinds": ", ".join(allowed.values())}
        )
    return content_type


def sha256_of(upload) -> str:
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
