"""Upload checks for activities and publications, on top of ``platforma.core.uploads``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.uploads import MAX_UPLOAD_BYTES, PDF_ONLY, check_upload


def validate_pdf(upload) -> str:
    """A PDF of at most 10 MB, recognised by its content (whatever the file is called).

    Returns its content type."""
    return check_upload(upload, allowed=PDF_ONLY)


def _check_size(upload) -> None:
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


IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def validate_image(upload) -> str:
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


def file_snapshot(obj, fields=None) -> dict:
    """``audit.snapshot``, which records file fields as their stored names."""
    return audit.snapshot(obj, fields)
