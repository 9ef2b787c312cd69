"""Backups that restore everything: the database, the uploaded files and the secret key.

``create_backup(path)`` writes one ``.tar.gz`` (mode 0600) holding:

- ``database/rows.jsonl``: every row of every table, one JSON array a line, table by table
  (a header line names the model and its columns). Portable: it restores into SQLite or
  PostgreSQL, whichever made it. It is read from the same snapshot as the native copy.
- ``database/platforma.sqlite3`` (SQLite's online backup API, never a file copy) or
  ``database/platforma.pgdump`` (``pg_dump --format=custom`` in the very snapshot of the
  portable copy): the database in its own engine's form, for its own tools.
- ``media/...``: every uploaded file (``MEDIA_ROOT``, private documents included).
- ``secret_key``: ``settings.SECRET_KEY``; paper-ballot digests and other HMACs depend on it.
- ``manifest.json`` (last): format and version, Platforma's version and commit, when, the
  engine, the applied migrations, the rows per table, and the size and SHA-256 of every member.

``restore_backup(path)`` checks the whole archive (readable, ours, a known format version,
every member present with its checksum and nothing else, migrations this code knows) and that
the installation is empty, before it writes anything; then it migrates an unmigrated database
to the archive's state, inserts every row in one transaction (sequences reset on PostgreSQL),
moves the files (extracted to a folder beside ``MEDIA_ROOT``) into place, writes the secret
key to ``PLATFORMA_VAR_DIR/secret_key`` and, for an archive older than the code, migrates the
rest of the way. Rows are written as they were read (``raw``): ``auto_now`` fields keep their
times, and no model's ``save()`` or signal runs; the append-only tables accept the INSERTs.

Both sides work with the historical models of the migration state (``MigrationLoader``), so
the columns read are the columns the database has, whatever the code's models say.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import decimal
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import tomllib
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps.registry import Apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.duration import duration_string

FORMAT = "platforma-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ROWS = "database/rows.jsonl"
NATIVE_SQLITE = "database/platforma.sqlite3"
NATIVE_POSTGRESQL = "database/platforma.pgdump"
SECRET = "secret_key"
MEDIA = "media"
# Rows that ``migrate`` itself writes (post_migrate): an empty installation has them, and a
# restore replaces them by the archive's, whose ids the other tables refer to.
MIGRATE_FILLS = ("django_content_type", "auth_permission")
BATCH = 500
CHUNK = 1024 * 1024

Migration = tuple[str, str]


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


@dataclasses.dataclass(frozen=True)
class BackupReport:
    path: Path
    engine: str
    tables: int
    rows: int
    files: int
    size: int
    seconds: float


@dataclasses.dataclass(frozen=True)
class RestoreReport:
    engine: str
    source_engine: str
    created_at: str
    tables: int
    rows: int
    files: int
    migrated_after: int
    seconds: float
    warnings: list[str]


# --- reading the database ------------------------------------------------------------------


def _leaves(loader: MigrationLoader, applied: set[Migration]) -> list[Migration]:
    """The applied migrations that no other applied one depends on: the state's tips."""
    graph = loader.graph
    return sorted(
        key
        for key in applied
        if not any(child.key in applied for child in graph.node_map[key].children)
    )


def _state_apps(loader: MigrationLoader, applied: set[Migration]) -> Apps:
    state = loader.project_state(_leaves(loader, applied), at_end=True)
    return state.apps


def _stored_models(apps: Apps) -> list[type[models.Model]]:
    """Every model with a table of its own, auto-created many-to-many tables included."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.label_lower)


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [field for field in model._meta.concrete_fields if not field.generated]


def _applied(connection: BaseDatabaseWrapper, loader: MigrationLoader) -> set[Migration]:
    """The applied migrations as the graph knows them (a squashed one counts when all it
    replaces are applied); ``set()`` for a database never migrated."""
    if not MigrationRecorder(connection).has_table():
        return set()
    applied = loader.applied_migrations or {}
    return {key for key in applied if key in loader.graph.nodes}


def _encode(value: Any) -> Any:
    """A column's value as JSON; ``Field.to_python`` reads every form back."""
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    if isinstance(value, datetime.timedelta):
        return duration_string(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise BackupError(f"cannot write a value of type {type(value).__name__} to a backup")


def _dump_rows(alias: str, apps: Apps, out: IO[str], existing: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for model in _stored_models(apps):
        table = model._meta.db_table
        if table not in existing:
            continue
        fields = _columns(model)
        names = [field.attname for field in fields]
        rows = model._base_manager.using(alias).order_by(model._meta.pk.attname)
        # Counted and read in the same snapshot (the copy's file, or the repeatable-read
        # transaction), then streamed: a large table is never held in memory.
        count = rows.count()
        header = {"model": model._meta.label_lower, "table": table, "columns": names}
        out.write(json.dumps({**header, "rows": count}, ensure_ascii=False) + "\n")
        written = 0
        for row in rows.values_list(*names).iterator(chunk_size=2000):
            out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
            written += 1
        if written != count:
            raise BackupError(f"{table} changed while it was read: the snapshot did not hold.")
        counts[table] = count
    return counts


@contextmanager
def _snapshot_alias(path: Path) -> Iterator[str]:
    """A Django connection to an SQLite file (the backup API's copy), closed afterwards."""
    alias = f"backup_snapshot_{uuid.uuid4().hex}"
    base = connections[DEFAULT_DB_ALIAS].settings_dict
    connections.settings[alias] = {
        **base,
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {},
        "CONN_MAX_AGE": 0,
        "TEST": {},
    }
    try:
        yield alias
    finally:
        local = connections._connections  # type: ignore[attr-defined]
        if hasattr(local, alias):
            connections[alias].close()
            delattr(local, alias)
        del connections.settings[alias]


def _sqlite_copy(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        # One self-contained file (no -wal beside it), rebuilt so that it carries no free
        # pages: those may still hold deleted rows, such as earlier versions of a ballot box
        # (docs/elections.md). Only the copy is vacuumed; the live database is not touched.
        copy.execute("PRAGMA journal_mode=DELETE")
        copy.execute("VACUUM")
    finally:
        copy.close()


def _pg_dump(connection: BaseDatabaseWrapper, snapshot: str, target: Path) -> None:
    executable = shutil.which("pg_dump")
    if executable is None:
        raise BackupError(
            "pg_dump was not found on PATH: install PostgreSQL's client (postgresql-client), "
            "of the server's major version or newer."
        )
    args, env = connection.client.settings_to_cmd_args_env(
        connection.settings_dict,
        [
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
            f"--file={target}",
        ],
    )
    done = subprocess.run(  # noqa: S603 - arguments, not a shell line
        [executable, *args[1:]],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")


def _version() -> tuple[str, str | None]:
    base = Path(settings.BASE_DIR)
    try:
        version = str(tomllib.loads((base / "pyproject.toml").read_text())["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        version = "unknown"
    commit = None
    if (base / ".git").exists() and shutil.which("git"):
        done = subprocess.run(
            ["git", "-C", str(base), "rev-parse", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            commit = done.stdout.strip()
    return version, commit


# --- writing the archive -------------------------------------------------------------------


class _Hashing(io.RawIOBase):
    """Reads a file while hashing what was read."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha.update(data)
        return data


class _Writer:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.files: dict[str, dict[str, Any]] = {}

    def _info(self, name: str, size: int, mtime: float) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(mtime)
        info.mode = 0o600
        return info

    def add_bytes(self, name: str, data: bytes) -> None:
        self.tar.addfile(self._info(name, len(data), time.time()), io.BytesIO(data))
        self.files[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    def add_file(self, name: str, path: Path) -> None:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            reader = _Hashing(handle)
            self.tar.addfile(self._info(name, stat.st_size, stat.st_mtime), reader)
        self.files[name] = {"size": stat.st_size, "sha256": reader.sha.hexdigest()}


def _media_files(root: Path) -> list[tuple[str, Path]]:
    if not root.is_dir():
        return []
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def create_backup(output: Path, *, using: str = DEFAULT_DB_ALIAS) -> BackupReport:
    """Write the archive to ``output`` (refused if it exists); see the module's docstring."""
    started = time.monotonic()
    output = output.resolve()
    if output.exists():
        raise BackupError(
            f"{output} exists already: choose a new name (backups are not overwritten)."
        )
    if not output.parent.is_dir():
        raise BackupError(f"{output.parent} is not a folder.")
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}.")
    version, commit = _version()
    partial = output.with_name(f".{output.name}.{uuid.uuid4().hex}.partial")
    with tempfile.TemporaryDirectory(prefix="platforma-backup-") as scratch:
        native = Path(scratch, "native")
        rows_path = Path(scratch, "rows.jsonl")
        if vendor == "sqlite":
            _sqlite_copy(connection, native)
            with _snapshot_alias(native) as alias:
                snap = connections[alias]
                loader = MigrationLoader(snap)
                applied = _applied(snap, loader)
                apps = _state_apps(loader, applied)
                with rows_path.open("w", encoding="utf-8") as out:
                    existing = set(snap.introspection.table_names())
                    counts = _dump_rows(alias, apps, out, existing)
            native_name = NATIVE_SQLITE
        else:
            connection.ensure_connection()
            with transaction.atomic(using=using):
                with connection.cursor() as cursor:
                    # The first statement of the transaction: one snapshot for everything read,
                    # handed to pg_dump so that both copies show the same moment.
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                _pg_dump(connection, snapshot, native)
                loader = MigrationLoader(connection)
                applied = _applied(connection, loader)
                apps = _state_apps(loader, applied)
                existing = set(connection.introspection.table_names())
                with rows_path.open("w", encoding="utf-8") as out:
                    counts = _dump_rows(using, apps, out, existing)
            native_name = NATIVE_POSTGRESQL
        media = _media_files(Path(settings.MEDIA_ROOT))
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                writer = _Writer(tar)
                writer.add_file(ROWS, rows_path)
                writer.add_file(native_name, native)
                for relative, path in media:
                    writer.add_file(f"{MEDIA}/{relative}", path)
                writer.add_bytes(SECRET, settings.SECRET_KEY.encode("utf-8"))
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "platforma_version": version,
                    "commit": commit,
                    "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                    "engine": vendor,
                    "native": native_name,
                    "portable": ROWS,
                    "migrations": sorted([app, name] for app, name in applied),
                    "tables": counts,
                    "files": writer.files,
                }
                data = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
                tar.addfile(writer._info(MANIFEST, len(data), time.time()), io.BytesIO(data))
                raw.flush()
                os.fsync(raw.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupReport(
        path=output,
        engine=vendor,
        tables=len(counts),
        rows=sum(counts.values()),
        files=len(media),
        size=output.stat().st_size,
        seconds=time.monotonic() - started,
    )


# --- reading an archive --------------------------------------------------------------------


@dataclasses.dataclass
class _Archive:
    folder: Path
    manifest: dict[str, Any]
    media: list[str]


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _keep(name: str) -> bool:
    """Members written to the scratch folder: the rows, the uploads, the secret and manifest."""
    return name in (ROWS, SECRET, MANIFEST) or name.startswith(f"{MEDIA}/")


def _read_archive(path: Path, folder: Path) -> _Archive:
    """Extract and check everything; raise BackupError naming the first problem found."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    seen: dict[str, str] = {}
    try:
        with tarfile.open(path, mode="r:*") as tar:
            for member in tar:
                name = member.name
                if member.isdir():
                    continue
                if not member.isfile() or not _safe_name(name) or name in seen:
                    raise BackupError(
                        f"{path} is not a Platforma backup: unexpected member {name!r}."
                    )
                source = tar.extractfile(member)
                assert source is not None  # a regular file
                sha = hashlib.sha256()
                target = folder / name if _keep(name) else None
                sink: IO[bytes] | None = None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    sink = target.open("wb")
                try:
                    while chunk := source.read(CHUNK):
                        sha.update(chunk)
                        if sink is not None:
                            sink.write(chunk)
                finally:
                    if sink is not None:
                        sink.close()
                seen[name] = sha.hexdigest()
    except tarfile.ReadError as error:
        if not seen:
            raise BackupError(
                f"{path} is not a Platforma backup (not a readable tar archive: {error})."
            ) from None
        raise BackupError(f"{path} is damaged (truncated or corrupt: {error}).") from None
    except (EOFError, zlib.error, OSError) as error:
        if isinstance(error, FileNotFoundError | PermissionError):
            raise BackupError(f"{path}: {error}") from None
        raise BackupError(f"{path} is damaged (truncated or corrupt: {error}).") from None
    if MANIFEST not in seen:
        if any(_keep(name) or name.startswith("database/") for name in seen):
            # Ours, but it ends early: tar stops quietly at a corrupt header.
            raise BackupError(
                f"{path} is damaged (truncated or corrupt: it ends before its {MANIFEST})."
            )
        raise BackupError(f"{path} is not a Platforma backup (it has no {MANIFEST}).")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except ValueError as error:
        raise BackupError(f"{path}: its {MANIFEST} is not JSON ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Platforma backup (its manifest is another's).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has backup format version {manifest.get('format_version')!r}; this "
            f"Platforma reads version {FORMAT_VERSION} only: restore it with the Platforma "
            "that made it."
        )
    listed: dict[str, Any] = manifest.get("files") or {}
    for name, entry in sorted(listed.items()):
        if name not in seen:
            raise BackupError(f"{path} is damaged: {name} is listed in its manifest but missing.")
        if seen[name] != entry.get("sha256"):
            raise BackupError(f"{path} is damaged: checksum mismatch for {name}.")
    extra = sorted(set(seen) - set(listed) - {MANIFEST})
    if extra:
        raise BackupError(f"{path} is damaged: {extra[0]} is not listed in its manifest.")
    for needed in (ROWS, SECRET, manifest.get("native")):
        if needed not in listed:
            raise BackupError(f"{path} is damaged: it lacks {needed}.")
    media = sorted(name for name in listed if name.startswith(f"{MEDIA}/"))
    return _Archive(folder=folder, manifest=manifest, media=media)


# --- restoring -----------------------------------------------------------------------------


def _check_migrations(archive: _Archive, loader: MigrationLoader) -> set[Migration]:
    recorded = {(str(app), str(name)) for app, name in archive.manifest.get("migrations", [])}
    unknown = sorted(key for key in recorded if key not in loader.graph.nodes)
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"The archive was made by a newer Platforma: its database has migrations this code "
            f"does not know ({shown}{', ...' if len(unknown) > 5 else ''}). Restore it with "
            "that version (or newer)."
        )
    return recorded


def _as_is(value: Any) -> Any:
    return value


def _reader(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        return None if value is None else field.to_python(value)

    return read


def _decoders(model: type[models.Model], columns: list[str]) -> list[Callable[[Any], Any]]:
    fields = _columns(model)
    names = [field.attname for field in fields]
    if names != columns:
        raise BackupError(
            f"The archive's table {model._meta.db_table} has columns {columns}; its migration "
            f"state gives {names}: the archive does not match its own manifest."
        )
    decoders: list[Callable[[Any], Any]] = []
    for field in fields:
        if isinstance(field, models.JSONField):
            decoders.append(_as_is)
        else:
            decoders.append(_reader(field))
    return decoders


def _table_headers(rows_path: Path) -> Iterator[tuple[dict[str, Any], Iterator[list[Any]]]]:
    with rows_path.open(encoding="utf-8") as lines:
        for line in lines:
            header = json.loads(line)
            count = int(header["rows"])
            yield header, (json.loads(next(lines)) for _ in range(count))


def _check_rows_file(archive: _Archive, apps: Apps) -> dict[str, type[models.Model]]:
    """Every table of the rows file: a model of the archive's state, its columns, its count."""
    by_label = {model._meta.label_lower: model for model in _stored_models(apps)}
    found: dict[str, type[models.Model]] = {}
    counts = archive.manifest.get("tables", {})
    try:
        for header, rows in _table_headers(archive.folder / ROWS):
            model = by_label.get(header["model"])
            if model is None:
                raise BackupError(
                    f"The archive holds rows of {header['model']}, a model unknown here."
                )
            _decoders(model, header["columns"])
            number = sum(1 for _ in rows)
            if number != counts.get(header["table"]):
                raise BackupError(
                    f"The archive's row count of {header['table']} is not its manifest's."
                )
            found[header["table"]] = model
        if set(found) != set(counts):
            raise BackupError("The archive's rows file lacks tables its manifest counts.")
    except (ValueError, KeyError, StopIteration, TypeError) as error:
        raise BackupError(f"The archive's rows cannot be read ({error}).") from None
    return found


def _occupied(connection: BaseDatabaseWrapper, apps: Apps) -> list[str]:
    existing = set(connection.introspection.table_names())
    occupied = []
    for model in _stored_models(apps):
        table = model._meta.db_table
        if (
            table in existing
            and table not in MIGRATE_FILLS
            and model._base_manager.using(connection.alias).exists()
        ):
            occupied.append(table)
    return occupied


def _move_media(archive: _Archive, root: Path) -> None:
    for name in archive.media:
        target = root / name.removeprefix(f"{MEDIA}/")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(archive.folder / name, target)


def _write_secret(secret: str) -> Path:
    path = Path(settings.VAR_DIR) / "secret_key"
    partial = path.with_name(f".secret_key.{uuid.uuid4().hex}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    os.replace(partial, path)
    return path


def restore_backup(
    path: Path, *, using: str = DEFAULT_DB_ALIAS, say: Callable[[str], None] = lambda _: None
) -> RestoreReport:
    """Restore ``path`` into this (empty) installation; see the module's docstring."""
    started = time.monotonic()
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    scratch_parent = media_root.parent
    scratch_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=scratch_parent) as scratch:
        say("Checking the archive ...")
        archive = _read_archive(path, Path(scratch))
        loader = MigrationLoader(connection, ignore_no_migrations=True)
        recorded = _check_migrations(archive, loader)
        apps = _state_apps(loader, recorded)
        tables = _check_rows_file(archive, apps)
        secret = (archive.folder / SECRET).read_text(encoding="utf-8")

        say("Checking that this installation is empty ...")
        applied = _applied(connection, loader)
        if applied and applied != recorded:
            raise BackupError(
                "This database is migrated to another state than the archive's "
                f"({len(applied)} migrations applied here, {len(recorded)} in the archive): "
                "restore into a new, unmigrated database."
            )
        occupied = _occupied(connection, apps)
        if occupied:
            raise BackupError(
                "This installation is not empty: "
                f"{', '.join(occupied[:5])}{' ...' if len(occupied) > 5 else ''} "
                "hold rows. A restore goes into a new, empty database; nothing was changed."
            )
        if _media_files(media_root):
            raise BackupError(
                f"This installation is not empty: {media_root} holds files. "
                "A restore goes into an empty one; nothing was changed."
            )
        warnings = []
        environment_key = os.environ.get("DJANGO_SECRET_KEY")
        if environment_key and environment_key != secret:
            warnings.append(
                "DJANGO_SECRET_KEY is set in the environment and differs from the archive's "
                "secret key: the site will run with the environment's key, and ballot digests, "
                "sessions and signed links made before the backup will not verify. Set "
                f"DJANGO_SECRET_KEY to the key now in {Path(settings.VAR_DIR) / 'secret_key'}, "
                "or unset it."
            )

        if not applied:
            say(f"Migrating the new database to the archive's state ({len(recorded)} steps) ...")
            executor = MigrationExecutor(connection)
            executor.migrate(_leaves(loader, recorded))

        say("Writing the rows ...")
        rows = 0
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                for table in MIGRATE_FILLS:
                    if table in tables:
                        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            for header, values in _table_headers(archive.folder / ROWS):
                model = tables[header["table"]]
                decoders = _decoders(model, header["columns"])
                fields = _columns(model)
                batch: list[models.Model] = []
                for row in values:
                    batch.append(
                        model(*[decode(v) for decode, v in zip(decoders, row, strict=True)])
                    )
                    if len(batch) >= BATCH:
                        model._base_manager._insert(batch, fields=fields, using=using, raw=True)  # type: ignore[attr-defined]
                        batch = []
                if batch:
                    model._base_manager._insert(batch, fields=fields, using=using, raw=True)  # type: ignore[attr-defined]
                rows += int(header["rows"])
            reset = connection.ops.sequence_reset_sql(no_style(), list(tables.values()))
            with connection.cursor() as cursor:
                for sql in reset:
                    cursor.execute(sql)
            connection.check_constraints(table_names=list(tables))
        say("Moving the files into place ...")
        _move_media(archive, media_root)
        key_path = _write_secret(secret)
        say(f"Secret key written to {key_path}.")

    migrated_after = 0
    if not set(loader.graph.leaf_nodes()).issubset(recorded):
        # An archive older than this code: its rows are in, now the code's own migrations.
        say("Migrating to this code's state ...")
        executor = MigrationExecutor(connection)
        migrated_after = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return RestoreReport(
        engine=connection.vendor,
        source_engine=str(archive.manifest.get("engine")),
        created_at=str(archive.manifest.get("created_at")),
        tables=len(tables),
        rows=rows,
        files=len(archive.media),
        migrated_after=migrated_after,
        seconds=time.monotonic() - started,
        warnings=warnings,
    )
