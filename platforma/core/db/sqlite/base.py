"""Django's SQLite backend, with writers queued on a file lock instead of polling.

SQLite lets one writer in at a time. A second one that finds the database locked sleeps and
tries again, in steps that grow to 100 ms (sqlite3_busy_timeout), so under a few concurrent
writers most of the time goes to sleeping while the lock is in fact free. Here every
transaction that ``atomic()`` opens (``BEGIN IMMEDIATE``, the project's mode) first takes an
exclusive ``flock`` on a file beside the database, so writers take turns as soon as the lock
is released at commit or rollback. Single statements outside ``atomic()`` (Django's autocommit)
and other programs (a ``sqlite3`` shell) still meet SQLite's own lock and busy timeout.

- Waiting is bounded by the database's ``timeout`` option (20 s in the settings), after which
  the transaction fails with "database is locked", as SQLite's own wait would.
- The lock file is created readable and writable by all (less the umask), like the database's
  own ``-wal`` and ``-shm`` files, so a command run by another user does not lock the site
  out. If it cannot be opened at all (a read-only directory), writers go without the queue.
- A connection carried across ``fork()`` opens a lock file of its own in the child: a shared
  open file would let one process release the other's lock.

Measured with bench/bench_activities.py: see docs/performance.md.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
import weakref
from typing import Any

from django.db import OperationalError
from django.db.backends.sqlite3 import base

logger = logging.getLogger(__name__)

POLL_FIRST, POLL_MOST = 0.0005, 0.002  # seconds between tries while another writer works


class DatabaseWrapper(base.DatabaseWrapper):
    _writer_lock_fd: int | None = None  # the lock file, open for the connection's life
    _writer_lock_pid: int | None = None  # the process that opened it
    _writer_lock_held = False
    _writer_lock_closer: weakref.finalize[Any, Any] | None = None  # closes the file if never closed

    def _lock_path(self) -> str | None:
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        return f"{name}.writer-lock"

    def _lock_file(self) -> int | None:
        if self._writer_lock_fd is not None and self._writer_lock_pid == os.getpid():
            return self._writer_lock_fd
        # First use, or a child after fork(): never close or unlock the parent's file here.
        if self._writer_lock_closer is not None:
            self._writer_lock_closer.detach()
        self._writer_lock_fd = self._writer_lock_closer = None
        path = self._lock_path()
        if path is None:
            return None
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            logger.warning("SQLite writer queue off: cannot open %s (%s)", path, error)
            return None
        self._writer_lock_fd, self._writer_lock_pid = fd, os.getpid()
        # A connection dropped without close() (a thread that ends) must not leak the file.
        self._writer_lock_closer = weakref.finalize(self, os.close, fd)
        return fd

    def _acquire_writer_lock(self, fd: int) -> None:
        deadline = time.monotonic() + float(self.settings_dict["OPTIONS"].get("timeout", 5))
        pause = POLL_FIRST
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OperationalError("database is locked") from None
                time.sleep(pause)
                pause = min(pause * 2, POLL_MOST)

    def _start_transaction_under_autocommit(self) -> None:
        if not self._writer_lock_held:
            fd = self._lock_file()
            if fd is not None:
                self._writer_lock_held = True  # set first: a failure below still releases it
                try:
                    self._acquire_writer_lock(fd)
                except BaseException:
                    self._writer_lock_held = False
                    raise
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private, not in django-stubs
        except BaseException:
            self._release_writer_lock()
            raise

    def _release_writer_lock(self) -> None:
        if self._writer_lock_held:
            self._writer_lock_held = False
            if self._writer_lock_fd is not None and self._writer_lock_pid == os.getpid():
                fcntl.flock(self._writer_lock_fd, fcntl.LOCK_UN)

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self._release_writer_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self._release_writer_lock()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self._release_writer_lock()
            if self._writer_lock_closer is not None and self._writer_lock_pid == os.getpid():
                self._writer_lock_closer()  # closes the file, once
            self._writer_lock_fd = self._writer_lock_closer = None
