"""Django's ``flush``, allowed past the append-only triggers (core.db.append_only).

Emptying the whole database is the operator's deliberate act (and the test runner's, between
transactional tests): the session says so to the triggers, which otherwise refuse a TRUNCATE of
the audit log (and of any other append-only table).
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import connections

from platforma.core.db.append_only import FLUSH_SETTING


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            return super().handle(**options)
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', false)", [FLUSH_SETTING])
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, '', false)", [FLUSH_SETTING])
