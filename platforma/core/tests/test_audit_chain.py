"""The audit log's hash chains, through ``manage.py verify_audit``: what a raw SQL change to the
table does (SQLite: verify names the entry; PostgreSQL: the trigger refuses it)."""

import datetime
import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from platforma.core import audit, audit_chain
from platforma.core.audit_verify import entries_without_chain, verify_chain
from platforma.core.models import AuditChain, AuditEntry
from platforma.testing.factories import PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"
sqlite_only = pytest.mark.skipif(
    ON_POSTGRESQL, reason="on PostgreSQL the triggers refuse the change (tests below)"
)
postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="triggers exist on PostgreSQL only: DATABASE_URL=postgresql://..."
)


def verify(*args):
    """Run the command as an operator would: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def chain():
    """A platform with five entries in its chain (and one in the Forum's)."""
    platform = PlatformFactory(slug="georgia")
    entries = [
        audit.record(f"test.step{n}", actor_label="test", platform=platform, data={"n": n})
        for n in range(1, 6)
    ]
    audit.record("test.forum", actor_label="test", forum=True)
    return platform, entries


def test_a_fresh_chain_verifies(chain):
    platform, entries = chain
    status, out, err = verify("--platform", "georgia")
    assert (status, err) == (0, "")
    assert out == f"ok: 5 entries, head {entries[-1].hash}\n"
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == audit_chain.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    stored = AuditChain.objects.get(platform=platform)
    assert (stored.length, stored.head) == (5, entries[-1].hash)


def test_every_chain_is_named_when_several_are_checked(chain):
    platform, entries = chain
    forum_head = AuditEntry.objects.get(forum=True).hash
    status, out, _err = verify()
    assert status == 0
    assert f"forum: ok: 1 entries, head {forum_head}" in out.splitlines()
    assert f"georgia: ok: 5 entries, head {entries[-1].hash}" in out.splitlines()
    assert verify("--forum")[1] == f"ok: 1 entries, head {forum_head}\n"


def test_an_unknown_platform_is_an_error():
    with pytest.raises(CommandError, match="No platform"):
        call_command("verify_audit", "--platform", "atlantis")


def test_a_head_published_earlier_is_checked(chain):
    _platform, entries = chain
    assert verify("--platform", "georgia", "--expect", f"3:{entries[2].hash}")[0] == 0
    status, _out, err = verify("--platform", "georgia", "--expect", f"3:{entries[1].hash}")
    assert status == 1
    assert f"FAILED: georgia: entry #3 (id {entries[2].pk}, test.step3): its hash" in err
    status, _out, err = verify("--platform", "georgia", "--expect", f"9:{entries[1].hash}")
    assert "entry #9 (no such entry): missing" in err


def test_an_entry_must_say_whose_it_is():
    with pytest.raises(ValueError, match="say whose record this is"):
        audit.record("test.nobody", actor_label="test")
    # A shared person has no platform of its own: the caller must say.
    with pytest.raises(ValueError, match="say whose record this is"):
        audit.record("test.person", target=PersonFactory())
    with pytest.raises(ValueError, match="not both"):
        audit.record("test.both", platform=PlatformFactory(), forum=True)
    assert not AuditEntry.objects.exists()
    entry = audit.record("test.forum", target=PersonFactory(), forum=True)
    assert (entry.platform, entry.forum, entry.seq) == (None, True, 1)


def test_the_hash_survives_the_database(chain):
    """What the database gives back hashes as what was written: jsonb reorders keys and turns
    1e16 into an integer, SQLite keeps the text; times keep their microseconds in UTC."""
    platform, _entries = chain
    data = {
        "z": "Əvəz Həsənov — «Баку»",
        "a": [1, 1.0, 0.1, 1e16, -2.5e-7, None, True, {"b": 2, "a": 1}],
        "date": datetime.date(2014, 4, 26),
        "nested": {"key with spaces": "", "10": 10, "2": 2},
    }
    written = audit.record("test.data", actor_label="test", platform=platform, data=data)
    read = AuditEntry.objects.get(pk=written.pk)
    assert read.at == written.at
    assert read.data == written.data
    assert verify("--platform", "georgia")[0] == 0


def test_the_format_is_frozen():
    """The hash of a known entry (docs/audit.md shows the same): changing the format breaks
    every chain ever written, so this value never changes."""
    entry = {
        "at": datetime.datetime(2014, 4, 26, 5, 30, tzinfo=datetime.UTC),
        "action": "members.membership.recorded",
        "actor_id": None,
        "actor_label": "system: load_demo",
        "target_type": "members.membership",
        "target_id": "7",
        "target_repr": "Azərbaycan Gənclər Birliyi",
        "data": {"status": "admitted", "admitted_on": "2009-11-20"},
    }
    text = audit_chain.canonical(platform_id=1, seq=1, entry=entry)
    assert text == (
        '{"action":"members.membership.recorded","actor_id":null,'
        '"actor_label":"system: load_demo","at":"2014-04-26T05:30:00.000000+00:00",'
        '"chain":"platform:1","data":{"admitted_on":"2009-11-20","status":"admitted"},'
        '"seq":1,"target_id":"7","target_repr":"Azərbaycan Gənclər Birliyi",'
        '"target_type":"members.membership"}'
    )
    assert audit_chain.link(audit_chain.GENESIS, platform_id=1, seq=1, entry=entry) == (
        "f529be343e2ac46574707b18b1abcbb5d4750d89f7a9bdce8d7d9d8406675353"
    )


# --- SQLite: raw SQL goes through; verify_audit names the entry ----------------------------


@sqlite_only
def test_a_changed_entry_is_named(chain):
    _platform, entries = chain
    sql("UPDATE core_auditentry SET data = %s WHERE id = %s", ['{"n": 99}', entries[2].pk])
    status, out, err = verify("--platform", "georgia")
    assert status == 1
    assert out == ""
    assert err == (
        f"FAILED: georgia: entry #3 (id {entries[2].pk}, test.step3): its content does not "
        "match its hash: it was changed\n"
    )


@sqlite_only
def test_a_changed_entry_with_its_hash_recomputed_is_named_by_the_next(chain):
    platform, entries = chain
    forged = {**{name: getattr(entries[2], name) for name in audit_chain.FIELDS}, "data": {}}
    digest = audit_chain.link(entries[1].hash, platform_id=platform.pk, seq=3, entry=forged)
    sql("UPDATE core_auditentry SET data = '{}', hash = %s WHERE id = %s", [digest, entries[2].pk])
    status, _out, err = verify("--platform", "georgia")
    assert status == 1
    assert err.startswith(
        f"FAILED: georgia: entry #4 (id {entries[3].pk}, test.step4): its prev_hash is not the "
        "hash of entry #3"
    )


@sqlite_only
def test_a_deleted_entry_is_named(chain):
    _platform, entries = chain
    sql("DELETE FROM core_auditentry WHERE id = %s", [entries[1].pk])
    status, _out, err = verify("--platform", "georgia")
    assert status == 1
    assert err == (
        f"FAILED: georgia: entry #3 (id {entries[2].pk}, test.step3): the entries before it "
        "are missing (#2): removed\n"
    )


@sqlite_only
def test_the_last_entry_deleted_is_named(chain):
    _platform, entries = chain
    sql("DELETE FROM core_auditentry WHERE id = %s", [entries[-1].pk])
    status, _out, err = verify("--platform", "georgia")
    assert status == 1
    assert "FAILED: georgia: entry #5 (no such entry): missing: the chain's head was" in err


@sqlite_only
def test_an_entry_put_in_the_middle_is_named(chain):
    """The forger moves entries #3.. one place up and writes a well-formed #3 (hash and all)."""
    platform, entries = chain
    sql(
        "UPDATE core_auditentry SET seq = seq + 1000 WHERE platform_id = %s AND seq >= 3",
        [platform.pk],
    )
    sql(
        "UPDATE core_auditentry SET seq = seq - 999 WHERE platform_id = %s AND seq > 1000",
        [platform.pk],
    )
    forged = {
        "at": entries[1].at,
        "action": "test.forged",
        "actor_id": None,
        "actor_label": "test",
        "target_type": "",
        "target_id": "",
        "target_repr": "",
        "data": {},
    }
    digest = audit_chain.link(entries[1].hash, platform_id=platform.pk, seq=3, entry=forged)
    sql(
        "INSERT INTO core_auditentry (at, action, actor_label, platform_id, forum, seq, prev_hash,"
        " hash, target_type, target_id, target_repr, data) VALUES"
        " (%s, 'test.forged', 'test', %s, %s, 3, %s, %s, '', '', '', '{}')",
        [entries[1].at, platform.pk, False, entries[1].hash, digest],
    )
    status, _out, err = verify("--platform", "georgia")
    assert status == 1
    # The forged #3 links to #2; the real #3, now #4, does not link to it.
    assert err.startswith(
        f"FAILED: georgia: entry #4 (id {entries[2].pk}, test.step3): its prev_hash is not the "
        "hash of entry #3"
    )


@sqlite_only
def test_an_entry_without_a_chain_is_named(chain):
    _platform, entries = chain
    sql("PRAGMA ignore_check_constraints = 1")
    try:
        sql("UPDATE core_auditentry SET platform_id = NULL WHERE id = %s", [entries[4].pk])
    finally:
        sql("PRAGMA ignore_check_constraints = 0")
    status, _out, err = verify()
    assert status == 1
    assert f"FAILED: no chain: entry id {entries[4].pk} (test.step5): it belongs to neither" in err


# --- Either database: an INSERT at the end (the triggers let inserts through) ------------------


def test_an_entry_appended_without_audit_record_is_named(chain):
    platform, entries = chain
    forged = {**{name: getattr(entries[4], name) for name in audit_chain.FIELDS}}
    digest = audit_chain.link(entries[4].hash, platform_id=platform.pk, seq=6, entry=forged)
    sql(
        "INSERT INTO core_auditentry (at, action, actor_label, platform_id, forum, seq, prev_hash,"
        " hash, target_type, target_id, target_repr, data) VALUES"
        " (%s, 'test.step5', 'test', %s, %s, 6, %s, %s, '', '', '', %s)",
        [entries[4].at, platform.pk, False, entries[4].hash, digest, '{"n": 5}'],
    )
    forged_id = AuditEntry.objects.get(platform=platform, seq=6).pk
    status, _out, err = verify("--platform", "georgia")
    assert status == 1
    assert err.startswith(
        f"FAILED: georgia: entry #6 (id {forged_id}, test.step5): it lies beyond the chain's head"
    )


# --- PostgreSQL: the triggers refuse UPDATE, DELETE and TRUNCATE -----------------------------


@postgresql_only
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditentry SET data = '{}' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ],
)
def test_the_trigger_refuses(chain, statement):
    _platform, entries = chain
    with pytest.raises(DatabaseError, match="core_auditentry is append-only"), transaction.atomic():
        sql(statement, [entries[2].pk])
    assert verify("--platform", "georgia")[0] == 0


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_trigger_refuses_truncate_but_not_flush():
    """Outside a test's own transaction (where PostgreSQL refuses a TRUNCATE of a table with
    pending foreign-key checks anyway). The flush after this test empties the table: core's
    ``flush`` command says so to the trigger."""
    platform = PlatformFactory(slug="ukraine")
    audit.record("test.one", actor_label="test", platform=platform)
    with pytest.raises(DatabaseError, match="core_auditentry is append-only: TRUNCATE"):
        sql("TRUNCATE core_auditentry")
    assert verify("--platform", "ukraine")[1] == (
        f"ok: 1 entries, head {AuditEntry.objects.get().hash}\n"
    )
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_make_one_chain():
    """Four connections append at once: the head row's lock gives each entry its own place."""
    platform = PlatformFactory(slug="moldova")
    audit.record("test.first", actor_label="test", platform=platform)
    barrier = threading.Barrier(4)
    errors = []

    def append(n):
        try:
            barrier.wait(timeout=10)
            for i in range(25):
                with transaction.atomic():
                    audit.record("test.many", actor_label=f"t{n}", platform=platform, data={"i": i})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    report = verify_chain(platform)
    assert (report.ok, report.length) == (True, 101)


def test_the_documented_checker_agrees(chain, tmp_path):
    """docs/audit.md's standalone checker, on an export of both chains, prints our heads."""
    import json
    import re
    import subprocess
    import sys
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "audit.md").read_text()
    script = tmp_path / "check_audit.py"
    script.write_text(re.search(r"```python\n(.*?)```", doc, re.S).group(1))
    platform, entries = chain
    audit.record("test.odd", platform=platform, data={"x": 1.0, "y": [0.5, 1e16], "z": "Ə"})
    columns = (
        "platform_id, seq, at, action, actor_id, actor_label, target_type, target_id, "
        "target_repr, data, prev_hash, hash"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM core_auditentry ORDER BY platform_id NULLS FIRST, seq"
        )
        names = [c[0] for c in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def export(rows):
        return "".join(
            json.dumps({k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in r.items()})
            + "\n"
            for r in rows
        )

    def run(text):
        return subprocess.run(
            [sys.executable, str(script)], input=text, capture_output=True, text=True
        )

    done = run(export(rows))
    assert done.returncode == 0, done.stdout + done.stderr
    forum = AuditEntry.objects.get(forum=True)
    last = AuditEntry.objects.filter(platform=platform).order_by("-seq").first()
    assert done.stdout.splitlines() == [
        f"forum: 1 entries, head {forum.hash}",
        f"platform:{platform.pk}: 6 entries, head {last.hash}",
    ]
    assert rows[2]["seq"] == 2
    rows[2]["data"] = '{"n": 3}'
    done = run(export(rows))
    assert done.returncode == 1
    assert f"FAILED: platform:{platform.pk}: entry #2" in done.stdout


def test_the_demo_leaves_every_entry_in_its_chain(demo_platform):
    assert not entries_without_chain().exists()
    assert AuditEntry.objects.filter(platform=demo_platform).count() > 400
    forum = set(AuditEntry.objects.filter(forum=True).values_list("action", flat=True))
    # The Forum's working groups; and (until elections/demo.py says for which platform it
    # creates its candidates) people created by the system for no platform.
    assert forum <= {"workinggroups.forum_working_group.created", "core.person.created"}
    status, out, _err = verify()
    assert status == 0
    assert out.splitlines()[1].startswith("azerbaijan: ok: ")
