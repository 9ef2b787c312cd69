"""``AppendOnly("table")``: a migration operation that makes a table append-only on PostgreSQL.

Forwards, it creates a trigger function and two triggers on the table: ``BEFORE UPDATE OR
DELETE`` (each row) and ``BEFORE TRUNCATE`` (the statement), which raise "<table> is
append-only". Backwards, it drops them. On SQLite (or any other database) it does nothing:
there ``verify_audit`` / ``verify_election`` find the change instead.

    operations = [AppendOnly("core_auditentry")]

What it stops: the application itself, a mistaken ``UPDATE`` in a shell, an ORM path that
forgets the queryset's guard. What it cannot stop: the database's owner, who may drop the
trigger. That is what the hash chains and their published heads are for.

``manage.py flush`` (and so the test runner, which flushes between transactional tests)
empties every table at once with ``TRUNCATE``: ``platforma.core`` replaces the command with one
that says so to the trigger (``SET platforma.flush = 'on'`` for its session). A TRUNCATE of
the audit table alone, by anyone else, is refused.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ProjectState

FLUSH_SETTING = "platforma.flush"


def _function(table: str) -> str:
    return f"{table}_append_only"


def create_sql(table: str) -> list[str]:
    function = _function(table)
    return [
        f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'TRUNCATE'
               AND coalesce(current_setting('{FLUSH_SETTING}', true), '') = 'on' THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$
        """,
        f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}",
        f"""
        CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {function}()
        """,
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        f"""
        CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {function}()
        """,
    ]


def drop_sql(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        f"DROP FUNCTION IF EXISTS {_function(table)}()",
    ]


class AppendOnly(Operation):
    """Refuse ``UPDATE``, ``DELETE`` and ``TRUNCATE`` on ``table_name`` (PostgreSQL only)."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, table_name: str) -> None:
        if not table_name.replace("_", "").isalnum():
            raise ValueError(f"not a table name: {table_name!r}")
        self.table_name = table_name

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__name__, [self.table_name], {})

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        pass  # the models do not change; only the database's rules do

    def _run(self, schema_editor: BaseDatabaseSchemaEditor, statements: list[str]) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql, params=None)

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        self._run(schema_editor, create_sql(self.table_name))

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        self._run(schema_editor, drop_sql(self.table_name))

    def describe(self) -> str:
        return f"Make {self.table_name} append-only (PostgreSQL triggers)"

    @property
    def migration_name_fragment(self) -> str:
        return f"append_only_{self.table_name}"
