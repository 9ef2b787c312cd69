"""Uploaded files: recognised by their content (never by name), limited in size, kept private.

Private files live under ``MEDIA_ROOT/private`` with no public URL; views that check who asks
stream them (``FileResponse``).
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Mapping
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
JPEG = "image/jpeg"
PNG = "image/png"
# Accepted types and the names messages give them.
DOCUMENT_TYPES = {PDF: "PDF", ODT: "ODT", DOCX: "DOCX", JPEG: "JPEG", PNG: "PNG"}


class PrivateStorage(FileSystemStorage):
    """``MEDIA_ROOT/private``, read from the settings when first used and again whenever
    ``MEDIA_ROOT`` changes (Django's ``setting_changed`` clears the cached location), so a test
    that points ``MEDIA_ROOT`` at its own folder keeps private uploads there too."""

    @cached_property
    def base_location(self) -> str:
        return os.path.join(settings.MEDIA_ROOT, "private")


def private_storage() -> FileSystemStorage:
    """Storage outside the web root (no URL: files are served only by views that check)."""
    return PrivateStorage(base_url=None)


def detect_type(upload: File[Any] | IO[bytes]) -> str | None:
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
            with zipfile.ZipFile(cast(IO[bytes], upload)) as archive:
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


def check_upload(
    upload: File[Any],
    *,
    allowed: Mapping[str, str] = DOCUMENT_TYPES,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> str:
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
    if content_type is None or content_type not in allowed:
        raise ValidationError(
            _("“%(name)s” is not of an accepted type (%(kinds)s), judged by its content.")
            % {"name": upload.name, "kinds": ", ".join(allowed.values())}
        )
    return content_type


def validate_pdf(upload: File[Any]) -> str:
    """A PDF of at most 10 MB, recognised by its content (whatever the file is called).

    Returns its content type."""
    return check_upload(upload, allowed=PDF_ONLY)


def _check_size(upload: File[Any]) -> None:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s; files may be at most %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    if size == 0:
        raise ValidationError(_("The file is empty."))


IMAGE_TYPES = {"JPEG": JPEG, "PNG": PNG, "GIF": "image/gif", "WEBP": "image/webp"}


def validate_image(upload: File[Any]) -> str:
    """A JPEG, PNG, GIF or WebP image of at most 10 MB that Pillow can read.

    Returns its content type, judged by Pillow from the content (an SVG is never one)."""
    from PIL import Image, UnidentifiedImageError

    _check_size(upload)
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError(_("This file is not an image that can be read.")) from exc
    finally:
        upload.seek(0)
    if kind not in IMAGE_TYPES:
        raise ValidationError(
            _("Images must be JPEG, PNG, GIF or WebP (this one is %(kind)s).") % {"kind": kind}
        )
    return IMAGE_TYPES[kind]


def sha256_of(upload: File[Any]) -> str:
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


# The stored name's extension follows the content, never the uploader's name.
EXTENSIONS = {
    PDF: ".pdf",
    ODT: ".odt",
    DOCX: ".docx",
    JPEG: ".jpg",
    PNG: ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


def stored_name(original: str, content_type: str) -> str:
    """A safe file name for ``original`` whose extension says what the content is."""
    import os

    from django.utils.text import get_valid_filename

    stem = os.path.splitext(os.path.basename(original.replace("\\", "/")))[0] or "file"
    try:
        stem = get_valid_filename(stem)
    except Exception:  # noqa: BLE001 - SuspiciousFileOperation for names like ".."
        stem = "file"
    return f"{stem[:80]}{EXTENSIONS.get(content_type, '.bin')}"


def content_type_of(field: FieldFile) -> str:
    """The type of a stored file, judged again from its first bytes when it is served."""
    with field.open("rb") as handle:
        kind = detect_type(handle)
        if kind is None:
            handle.seek(0)
            head = handle.read(12)
            if head.startswith((b"GIF87a", b"GIF89a")):
                kind = "image/gif"
            elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
                kind = "image/webp"
    return kind or "application/octet-stream"


def attachment_response(
    field: FieldFile | None, *, filename: str | None = None, content_type: str | None = None
) -> FileResponse:
    """Serve a stored upload so that no browser ever runs it.

    Always an attachment (never shown inline from the site's origin), with the type judged from
    the content, ``nosniff``, and a ``sandbox`` policy in case a browser renders it anyway.
    """
    import os

    from django.http import Http404

    if not field or not field.name or not field.storage.exists(field.name):
        raise Http404("The file is missing")
    kind = content_type or content_type_of(field)
    name = stored_name(filename or os.path.basename(field.name), kind)
    response = FileResponse(field.open("rb"), as_attachment=True, filename=name, content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
