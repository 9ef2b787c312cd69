"""Documents of the join form kept across a validation error, so nobody uploads them twice.

A file that passed its checks (``core.uploads.check_upload``) on a form sent back for another
field's error is stored privately under ``MEDIA_ROOT/private/join-held/<token>/``, where
``<token>`` is random and made here (never a name the client chooses). The page carries the
token signed, with a time stamp, in a hidden field; it is honoured only when the signature holds,
it is less than ``MAX_AGE`` old, and the same browser session was given it. Anything else (a
forged, altered, expired or someone else's token) finds nothing: the form asks for the files
again. ``manage.py members_purge_held_uploads`` deletes what is older than ``MAX_AGE``; a
successful application deletes its own at once.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core import signing
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.http import HttpRequest
from django.utils import timezone

from platforma.core.uploads import check_upload, private_storage, stored_name

ROOT = "join-held"
MAX_AGE = datetime.timedelta(days=1)
SALT = "platforma.members.join.held-uploads"
SESSION_KEY = "members_join_held"
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
INDEX = "index.json"


@dataclass(frozen=True)
class HeldFile:
    kind: str
    name: str  # as the applicant's file was called
    size: int
    stored: str  # the storage name, under ROOT/<token>/


class HeldUploads:
    """The files one applicant's browser has on the join form, by document kind."""

    def __init__(self, request: HttpRequest, signed: str | None = None) -> None:
        self.request = request
        self.storage: FileSystemStorage = private_storage()
        self.token = self._verified(signed)
        self.files: dict[str, HeldFile] = self._read_index() if self.token else {}
        self._open: list[File[Any]] = []

    # The token ------------------------------------------------------------------------------

    def _verified(self, signed: str | None) -> str | None:
        if not signed:
            return None
        try:
            token = signing.TimestampSigner(salt=SALT).unsign(signed, max_age=MAX_AGE)
        except signing.BadSignature:  # forged, altered or expired (SignatureExpired)
            return None
        if not TOKEN.fullmatch(token):
            return None
        if token not in self.request.session.get(SESSION_KEY, []):
            return None  # given to another browser
        return token

    @property
    def signed(self) -> str:
        """The hidden field's value ("" while nothing is held)."""
        if not self.token or not self.files:
            return ""
        return signing.TimestampSigner(salt=SALT).sign(self.token)

    def _ensure_token(self) -> str:
        if self.token is None:
            self.token = secrets.token_urlsafe(24)
            given = [t for t in self.request.session.get(SESSION_KEY, []) if TOKEN.fullmatch(t)]
            self.request.session[SESSION_KEY] = [*given[-9:], self.token]
        return self.token

    # The files -----------------------------------------------------------------------------

    def _folder(self) -> str:
        assert self.token is not None
        return f"{ROOT}/{self.token}"

    def _read_index(self) -> dict[str, HeldFile]:
        path = f"{self._folder()}/{INDEX}"
        if not self.storage.exists(path):
            return {}
        if timezone.now() - self.storage.get_modified_time(path) > MAX_AGE:
            return {}
        try:
            with self.storage.open(path, "rb") as handle:
                rows = json.loads(handle.read().decode("utf-8"))
            files = {row["kind"]: HeldFile(**row) for row in rows}
        except (OSError, ValueError, TypeError, KeyError):
            return {}
        folder = self._folder() + "/"
        return {
            kind: held
            for kind, held in files.items()
            if held.stored.startswith(folder) and self.storage.exists(held.stored)
        }

    def _write_index(self) -> None:
        path = f"{self._folder()}/{INDEX}"
        if self.storage.exists(path):
            self.storage.delete(path)
        rows = [held.__dict__ for held in self.files.values()]
        self.storage.save(path, ContentFile(json.dumps(rows).encode("utf-8")))

    def keep(self, kind: str, upload: File[Any]) -> HeldFile:
        """Hold ``upload`` (already checked by the form) as the document of ``kind``."""
        self._ensure_token()
        self.drop(kind, write=False)
        content_type = check_upload(upload)
        name = stored_name(kind, content_type)
        upload.seek(0)
        stored = self.storage.save(f"{self._folder()}/{name}", upload)
        held = HeldFile(
            kind=kind,
            name=(upload.name or name)[:255],
            size=self.storage.size(stored),
            stored=stored,
        )
        self.files[kind] = held
        self._write_index()
        return held

    def drop(self, kind: str, *, write: bool = True) -> None:
        held = self.files.pop(kind, None)
        if held is not None:
            self.storage.delete(held.stored)
            if write:
                self._write_index()

    def open(self, kind: str) -> File[Any]:
        """The held document as a file, named as it was uploaded: used like a new upload."""
        held = self.files[kind]
        handle = File(self.storage.open(held.stored, "rb"), name=held.name)
        self._open.append(handle)
        return handle

    def discard(self) -> None:
        """Forget everything held (after a successful application)."""
        self.close()
        if self.token is None:
            return
        for kind in list(self.files):
            self.drop(kind, write=False)
        index = f"{self._folder()}/{INDEX}"
        if self.storage.exists(index):
            self.storage.delete(index)
        folder = self.storage.path(self._folder())
        with contextlib.suppress(OSError):
            os.rmdir(folder)
        given = self.request.session.get(SESSION_KEY, [])
        if self.token in given:
            self.request.session[SESSION_KEY] = [t for t in given if t != self.token]

    def close(self) -> None:
        for handle in self._open:
            handle.close()
        self._open = []


def purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete held files older than ``MAX_AGE``; return how many applicants' folders went."""
    storage = private_storage()
    if not storage.exists(ROOT):
        return 0
    now = now or timezone.now()
    removed = 0
    folders, _files = storage.listdir(ROOT)
    for token in folders:
        if not TOKEN.fullmatch(token):
            continue
        folder = Path(storage.path(f"{ROOT}/{token}"))
        newest = max((p.stat().st_mtime for p in [folder, *folder.iterdir()]), default=0.0)
        age = now - datetime.datetime.fromtimestamp(newest, tz=datetime.UTC)
        if age > MAX_AGE:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
