"""Checks for uploaded files: by content, not by name, and by size. Shared with publications."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def _check_size(upload) -> None:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is 10 MB.") % {"size": size / 1024 / 1024}
        )
    if size == 0:
        raise ValidationError(_("The file is empty."))


def validate_pdf(upload) -> None:
    """A PDF of at most 10 MB, recognised by its first bytes (whatever the file is called)."""
    _check_size(upload)
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("This file is not a PDF document (it does not start with %PDF-)."))


def validate_image(upload) -> None:
    """A JPEG, PNG, GIF or WebP image of at most 10 MB that Pillow can read."""
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
    if kind not in {"JPEG", "PNG", "GIF", "WEBP"}:
        raise ValidationError(
            _("Images must be JPEG, PNG, GIF or WebP (this one is %(kind)s).") % {"kind": kind}
        )


def file_snapshot(obj, fields=None) -> dict:
    """``audit.snapshot`` with file fields as their stored names (it cannot serialise them yet)."""
    from django.db.models.fields.files import FieldFile

    from platforma.core import audit

    values = {}
    for f in obj._meta.concrete_fields:
        if fields is not None and f.name not in fields:
            continue
        value = getattr(obj, f.attname)
        if isinstance(value, FieldFile):
            values[f.attname] = value.name or ""
    snap = audit.snapshot(
        obj, [f.name for f in obj._meta.concrete_fields if f.attname not in values]
    )
    return {**snap, **values}
