"""``manage.py backup`` and ``manage.py restore``: the round trip and the refusals.

The round trips run as an operator would: ``manage.py`` in subprocesses, each installation with
its own ``PLATFORMA_VAR_DIR`` (database file, uploads, secret key) or its own PostgreSQL
database on 127.0.0.1:5432. After a restore, every row of every model (read through Django's
own serializer, not the backup's code), every uploaded file, the secret key and what
``verify_audit`` and ``verify_election`` print are the same as at the source.

The refusals run in the test process against the test database: each gives its message and
leaves the database, the uploads and the secret key as they were.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import tarfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from platforma.core.models import AuditEntry, Platform

ROOT = Path(settings.BASE_DIR)
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"

# Every row of every model, as Django's serializer gives it (many-to-many lists sorted, since
# their order is the database's), and the SHA-256 of every uploaded file.
SNAPSHOT = r"""
import hashlib, json, os, django
django.setup()
from pathlib import Path
from django.apps import apps
from django.conf import settings
from django.core import serializers
rows = {}
for model in apps.get_models():
    if model._meta.proxy or not model._meta.managed:
        continue
    many = {field.name for field in model._meta.many_to_many}
    objects = serializers.serialize("python", model._base_manager.order_by("pk"))
    for obj in objects:
        for name in many & obj["fields"].keys():
            obj["fields"][name] = sorted(obj["fields"][name])
    rows[model._meta.label] = objects
root = Path(settings.MEDIA_ROOT)
files = {
    str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
    for path in sorted(root.rglob("*")) if path.is_file()
}
elections = sorted(
    row["pk"] for row in rows.get("elections.Election", []) if row["fields"].get("board")
)
print(json.dumps({"rows": rows, "files": files, "elections": elections}, default=str,
                 sort_keys=True))
"""


def _env(var_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SECRET_KEY", "PLATFORMA_VAR_DIR")
    }
    env["PLATFORMA_VAR_DIR"] = str(var_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


class Site:
    """One installation: a var folder and, optionally, a PostgreSQL database."""

    def __init__(self, var_dir: Path, database_url: str | None = None) -> None:
        var_dir.mkdir(parents=True, exist_ok=True)
        self.var_dir = var_dir
        self.env = _env(var_dir, database_url)

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if ok:
            assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
        return done

    def manage(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("manage.py", *args, ok=ok)

    def snapshot(self) -> dict:
        return json.loads(self.run("-c", SNAPSHOT).stdout)

    def verifications(self, elections: list[int]) -> list[str]:
        said = [self.manage("verify_audit").stdout]
        said += [self.manage("verify_election", str(pk)).stdout for pk in elections]
        return said

    def with_demo(self) -> Site:
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo")
        return self


@contextmanager
def pg_database():
    name = f"platforma_backup_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _assert_same(source: Site, source_state: dict, target: Site) -> None:
    state = target.snapshot()
    assert state["rows"].keys() == source_state["rows"].keys()
    for label, rows in source_state["rows"].items():
        assert state["rows"][label] == rows, label
    assert state["files"] == source_state["files"]
    assert len(source_state["files"]) >= 3  # the demo's private application documents
    assert source_state["elections"]  # the demo's closed election, with its board
    assert target.verifications(state["elections"]) == source.verifications(
        source_state["elections"]
    )
    key = target.var_dir / "secret_key"
    assert key.read_bytes() == (source.var_dir / "secret_key").read_bytes()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        found = {}
        for member in tar:
            if member.isfile():
                data = tar.extractfile(member)
                assert data is not None
                found[member.name] = data.read()
        return found


def _pack(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture(scope="module")
def sqlite_source(tmp_path_factory):
    """The demo on SQLite, and its backup."""
    folder = tmp_path_factory.mktemp("sqlite-source")
    site = Site(folder / "var").with_demo()
    archive = folder / "demo.tar.gz"
    said = site.manage("backup", "--output", str(archive)).stdout
    assert "Backup written to" in said
    return site, site.snapshot(), archive


def test_archive_holds_everything_and_is_private(sqlite_source, tmp_path):
    site, state, archive = sqlite_source
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    members = _members(archive)
    manifest = json.loads(members.pop("manifest.json"))
    assert manifest["format"] == "platforma-backup"
    assert manifest["format_version"] == 1
    assert manifest["engine"] == "sqlite"
    assert ["core", "0001_initial"] in manifest["migrations"]
    assert set(manifest["files"]) == set(members)
    for name, data in members.items():
        assert hashlib.sha256(data).hexdigest() == manifest["files"][name]["sha256"], name
    assert members["secret_key"] == (site.var_dir / "secret_key").read_bytes()
    uploads = {n.removeprefix("media/") for n in members if n.startswith("media/")}
    assert uploads == set(state["files"])
    # The native copy is a whole SQLite database (the online backup API's), not a WAL-less
    # half: it opens on its own and holds the rows the manifest counts.
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(members["database/platforma.sqlite3"])
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for table in ("core_auditentry", "elections_ballot", "members_membership"):
            (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            assert count == manifest["tables"][table] > 0
    assert manifest["tables"]["core_auditentry"] == sum(1 for _ in state["rows"]["core.AuditEntry"])


def test_backup_refuses_to_overwrite(sqlite_source):
    site, _state, archive = sqlite_source
    before = archive.read_bytes()
    done = site.manage("backup", "--output", str(archive), ok=False)
    assert done.returncode == 1
    assert "exists already" in done.stderr
    assert archive.read_bytes() == before


def test_round_trip_sqlite_to_sqlite(sqlite_source, tmp_path):
    source, state, archive = sqlite_source
    target = Site(tmp_path / "var")
    said = target.manage("restore", str(archive)).stdout
    assert "Restored the sqlite backup" in said
    _assert_same(source, state, target)


def test_round_trip_through_postgresql(sqlite_source, tmp_path):
    """SQLite to PostgreSQL (unmigrated), then PostgreSQL to PostgreSQL (migrated first)."""
    source, state, archive = sqlite_source
    with pg_database() as first_url, pg_database() as second_url:
        first = Site(tmp_path / "first", first_url)
        said = first.manage("restore", str(archive)).stdout
        assert "Restored the sqlite backup" in said
        assert "into postgresql" in said
        _assert_same(source, state, first)

        pg_archive = tmp_path / "pg.tar.gz"
        first.manage("backup", "-o", str(pg_archive))
        members = _members(pg_archive)
        assert json.loads(members["manifest.json"])["engine"] == "postgresql"
        # pg_dump's own copy, taken in the snapshot the rows were read in, for pg_restore.
        dump = tmp_path / "dump"
        dump.write_bytes(members["database/platforma.pgdump"])
        listed = subprocess.run(
            ["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=True
        ).stdout
        assert "TABLE DATA public core_auditentry" in listed

        # An installation migrated beforehand (the usual way) takes it as well.
        second = Site(tmp_path / "second", second_url)
        second.manage("migrate", "--no-input", "-v0")
        said = second.manage("restore", str(pg_archive)).stdout
        assert "Restored the postgresql backup" in said
        _assert_same(first, state, second)
        assert second.verifications(state["elections"]) == source.verifications(state["elections"])

        # The sequences follow the restored ids: a new row gets the next one, not id 1.
        second.env["DJANGO_SUPERUSER_PASSWORD"] = "a-long-pass-phrase-1"
        second.manage(
            "createsuperuser", "--no-input", "--username", "after", "--email", "a@example.org"
        )
        newest = second.snapshot()["rows"]["auth.User"][-1]
        assert newest["fields"]["username"] == "after"
        assert newest["pk"] == max(u["pk"] for u in state["rows"]["auth.User"]) + 1


# --- refusals, in the test process -------------------------------------------------------


@pytest.fixture
def empty_site(db, settings, tmp_path):
    """This process's installation: the test database, uploads and var folder of its own."""
    settings.VAR_DIR = tmp_path / "var"
    settings.VAR_DIR.mkdir()
    settings.MEDIA_ROOT = settings.VAR_DIR / "media"
    return settings.VAR_DIR


def _unchanged(var_dir: Path, users: int = 0) -> None:
    assert get_user_model().objects.count() == users
    assert not AuditEntry.objects.exists()
    assert not Platform.objects.exists()
    assert not (var_dir / "secret_key").exists()
    assert not list(var_dir.rglob("*.pdf"))
    assert not list(var_dir.glob(".restore-*"))


def _refused(archive: Path) -> str:
    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(archive), verbosity=0)
    return str(refusal.value)


def test_restore_into_a_migrated_empty_database(sqlite_source, empty_site, monkeypatch):
    source, state, archive = sqlite_source
    monkeypatch.setenv("DJANGO_SECRET_KEY", "another key")
    out, err = io.StringIO(), io.StringIO()
    call_command("restore", str(archive), stdout=out, stderr=err)
    assert "WARNING: DJANGO_SECRET_KEY is set in the environment and differs" in err.getvalue()
    assert (empty_site / "secret_key").read_bytes() == (source.var_dir / "secret_key").read_bytes()
    assert AuditEntry.objects.count() == len(state["rows"]["core.AuditEntry"])
    said = io.StringIO()
    call_command("verify_audit", stdout=said)
    assert said.getvalue() == source.manage("verify_audit").stdout
    media = Path(settings.MEDIA_ROOT)
    restored = {
        str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in media.rglob("*")
        if p.is_file()
    }
    assert restored == state["files"]
    assert not list(empty_site.glob(".restore-*"))


def _changed(archive: Path, tmp_path: Path, change) -> Path:
    members = _members(archive)
    change(members)
    return _pack(tmp_path / "changed.tar.gz", members)


def _flip_upload(members):
    name = next(n for n in members if n.startswith("media/"))
    data = bytearray(members[name])
    data[len(data) // 2] ^= 0x01
    members[name] = bytes(data)


def _drop_upload(members):
    del members[next(n for n in members if n.startswith("media/"))]


def _manifest(**changes):
    def change(members):
        manifest = json.loads(members["manifest.json"])
        for key, value in changes.items():
            manifest[key] = value(manifest) if callable(value) else value
        members["manifest.json"] = json.dumps(manifest).encode()

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_flip_upload, "is damaged: checksum mismatch for media/"),
        (_drop_upload, "is listed in its manifest but missing"),
        (_manifest(format_version=99), "has backup format version 99"),
        (
            _manifest(migrations=lambda m: [*m["migrations"], ["core", "9999_from_the_future"]]),
            "made by a newer Platforma",
        ),
        (_manifest(format="something-else"), "is not a Platforma backup"),
    ],
    ids=["flipped-byte-in-a-file", "missing-file", "format-version", "newer-migrations", "foreign"],
)
def test_restore_refuses_a_bad_archive(sqlite_source, empty_site, tmp_path, change, message):
    _source, _state, archive = sqlite_source
    assert message in _refused(_changed(archive, tmp_path, change))
    _unchanged(empty_site)


def test_restore_refuses_a_corrupt_or_truncated_archive(sqlite_source, empty_site, tmp_path):
    _source, _state, archive = sqlite_source
    data = archive.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    (tmp_path / "flipped.tar.gz").write_bytes(bytes(flipped))
    assert "is damaged" in _refused(tmp_path / "flipped.tar.gz")
    (tmp_path / "cut.tar.gz").write_bytes(data[: len(data) * 2 // 3])
    assert "is damaged" in _refused(tmp_path / "cut.tar.gz")
    _unchanged(empty_site)


def test_restore_refuses_what_is_not_ours(empty_site, tmp_path):
    other = _pack(tmp_path / "other.tar.gz", {"hello.txt": b"hello"})
    assert "is not a Platforma backup (it has no manifest.json)" in _refused(other)
    text = tmp_path / "notes.txt"
    text.write_text("not an archive at all\n")
    assert "is not a Platforma backup (not a readable tar archive" in _refused(text)
    assert "no such file" in _refused(tmp_path / "absent.tar.gz")
    _unchanged(empty_site)


def test_restore_refuses_a_non_empty_installation(sqlite_source, empty_site):
    _source, _state, archive = sqlite_source
    get_user_model().objects.create_user("already-here")
    message = _refused(archive)
    assert "This installation is not empty: auth_user hold rows" in message
    assert "nothing was changed" in message
    _unchanged(empty_site, users=1)


def test_restore_refuses_when_uploads_are_present(sqlite_source, empty_site):
    _source, _state, archive = sqlite_source
    stray = Path(settings.MEDIA_ROOT) / "publications" / "old.bin"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"left over")
    assert "holds files" in _refused(archive)
    assert stray.read_bytes() == b"left over"
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == [stray]
    _unchanged(empty_site)
