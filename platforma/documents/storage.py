"""Where built documents are kept: under MEDIA_ROOT/private, with no public URL."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateDocumentStorage(FileSystemStorage):
    """Reads MEDIA_ROOT at each use, so a test (or a restore) pointing it elsewhere is obeyed."""

    @property
    def base_location(self) -> Path:
        return Path(settings.MEDIA_ROOT) / "private"

    @property
    def location(self) -> str:
        return str(self.base_location.resolve())


def document_storage() -> PrivateDocumentStorage:
    return PrivateDocumentStorage()
