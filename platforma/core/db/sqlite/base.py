"""Django's SQLite backend, with writers queued on a file lock instead of polling.

SQLite lets one writer in at a time. A second one that finds the database locked sleeps and
tries again, in steps that grow to 100 ms (sqlite3_busy_timeout), so under a few concurrent
writers most of the time goes to sleeping while the lock is in fact free. Here every
transaction (``BEGIN IMMEDIATE``, the project's mode) first takes an exclusive ``flock`` on a
file beside the database; waiting writers sleep in the kernel and the next one wakes the
moment the lock is released at commit or rollback. SQLite's own lock and busy timeout stay as
they are, for writers outside this code (a ``sqlite3`` shell, another program).

Measured with bench/bench_activities.py (registrations, 4 workers): see docs/performance.md.
"""

from __future__ import annotations

import fcntl
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    _writer_lock_fd: int | None = None  # the lock file, open for the connection's life
    _writer_lock_held = False

    def _lock_path(self) -> str | None:
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        return f"{name}.writer-lock"

    def _start_transaction_under_autocommit(self):
        path = self._lock_path()
        if path is not None and not self._writer_lock_held:
            if self._writer_lock_fd is None:
                self._writer_lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._writer_lock_fd, fcntl.LOCK_EX)
            self._writer_lock_held = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    def _release_writer_lock(self) -> None:
        if self._writer_lock_held:
            self._writer_lock_held = False
            fcntl.flock(self._writer_lock_fd, fcntl.LOCK_UN)

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._release_writer_lock()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._release_writer_lock()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._release_writer_lock()
            if self._writer_lock_fd is not None:
                os.close(self._writer_lock_fd)
                self._writer_lock_fd = None
