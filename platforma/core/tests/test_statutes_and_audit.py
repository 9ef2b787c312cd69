import datetime

import pytest
from django.core.exceptions import ValidationError

from platforma.core import audit, services
from platforma.core.models import AuditEntry, Statute
from platforma.core.selectors import rules_in_force, statute_in_force
from platforma.testing.factories import PlatformFactory

pytestmark = pytest.mark.django_db


def adopt(platform, day, **rules):
    return services.statute_adopt(
        actor=None,
        actor_label="test",
        platform=platform,
        title="Statute",
        effective_from=day,
        rules=rules,
    )


def test_the_version_in_force_is_the_latest_one_started():
    platform = PlatformFactory()
    first = adopt(platform, datetime.date(2010, 1, 1))
    second = adopt(platform, datetime.date(2015, 6, 1), proxies={"max_per_delegate": 3})
    assert (first.version, second.version) == (1, 2)
    assert statute_in_force(platform, datetime.date(2009, 12, 31)) is None
    assert statute_in_force(platform, datetime.date(2015, 5, 31)) == first
    assert statute_in_force(platform, datetime.date(2015, 6, 1)) == second
    assert rules_in_force(platform, datetime.date(2014, 1, 1)).proxies.max_per_delegate == 1
    assert rules_in_force(platform, datetime.date(2016, 1, 1)).proxies.max_per_delegate == 3


def test_invalid_rules_are_refused_and_nothing_is_written():
    platform = PlatformFactory()
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        adopt(platform, datetime.date(2010, 1, 1), quorum={"share": "0"})
    assert "quorum.share" in str(caught.value)
    assert not Statute.objects.filter(platform=platform).exists()
    assert AuditEntry.objects.count() == entries


def test_two_versions_cannot_start_the_same_day():
    platform = PlatformFactory()
    adopt(platform, datetime.date(2010, 1, 1))
    with pytest.raises(ValidationError):
        adopt(platform, datetime.date(2010, 1, 1))
    assert Statute.objects.filter(platform=platform).count() == 1


def test_updates_record_before_and_after(django_user_model):
    user = django_user_model.objects.create_user("sec", password="x-pass-123")
    platform = services.platform_create(
        actor=user,
        slug="georgia",
        country_code="GE",
        country_en="Georgia",
        name_en="Georgian National Platform",
    )
    services.platform_update(actor=user, platform=platform, website="https://example.org/")
    entry = AuditEntry.objects.filter(action="core.platform.updated").get()
    assert entry.actor == user
    assert entry.platform == platform
    assert entry.data["changes"]["website"] == {"before": "", "after": "https://example.org/"}
    # An update that changes nothing leaves no entry.
    services.platform_update(actor=user, platform=platform, website="https://example.org/")
    assert AuditEntry.objects.filter(action="core.platform.updated").count() == 1


def test_unknown_fields_are_refused():
    platform = PlatformFactory()
    with pytest.raises(ValidationError):
        services.platform_update(actor=None, platform=platform, colour="blue")


def test_audit_log_is_append_only():
    platform = PlatformFactory()
    entry = audit.record("test", platform=platform)
    with pytest.raises(PermissionError):
        AuditEntry.objects.create(action="around audit.record", platform=platform)
    entry.action = "changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="changed")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "test"


def test_platform_founded_at_month_precision(settings):
    from django.utils import translation

    platform = PlatformFactory(founded_on=datetime.date(2009, 11, 1), founded_precision="month")
    with translation.override("en"):
        assert platform.founded_display == "November 2009"
    with translation.override("ru"):
        assert "2009" in platform.founded_display
        assert "Ноябрь" in platform.founded_display


def _sqlite_wrapper(tmp_path, alias, **options):
    from django.conf import settings as django_settings

    from platforma.core.db.sqlite.base import DatabaseWrapper

    if django_settings.DATABASES["default"]["ENGINE"] != "platforma.core.db.sqlite":
        pytest.skip("SQLite only")
    settings_dict = django_settings.DATABASES["default"]
    config = {
        **settings_dict,
        "NAME": str(tmp_path / "file.sqlite3"),
        "OPTIONS": {**settings_dict["OPTIONS"], **options},
    }
    return DatabaseWrapper(config, alias=alias)


def test_sqlite_file_databases_run_in_wal_mode(tmp_path):
    """The settings' SQLite options put a database file in WAL mode with immediate transactions."""
    wrapper = _sqlite_wrapper(tmp_path, "wal-check")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        assert wrapper.transaction_mode == "IMMEDIATE"
    finally:
        wrapper.close()


def test_sqlite_writers_wait_in_turn_on_the_file_lock(tmp_path):
    """A second writer waits for the first to commit, then goes on at once."""
    import threading
    import time

    first = _sqlite_wrapper(tmp_path, "writer-1", timeout=5)
    second = _sqlite_wrapper(tmp_path, "writer-2", timeout=5)
    second.inc_thread_sharing()
    events = []
    try:
        first.cursor().execute("CREATE TABLE t (n integer)")
        first._start_transaction_under_autocommit()
        first.cursor().execute("INSERT INTO t VALUES (1)")

        def write_second():
            second.ensure_connection()
            second._start_transaction_under_autocommit()
            events.append("second began")
            second.cursor().execute("INSERT INTO t VALUES (2)")
            second.commit()

        thread = threading.Thread(target=write_second)
        thread.start()
        time.sleep(0.3)
        events.append("first commits")
        first.commit()
        thread.join(timeout=10)
        assert events == ["first commits", "second began"]
        cursor = first.cursor()
        cursor.execute("SELECT n FROM t ORDER BY n")
        assert [row[0] for row in cursor.fetchall()] == [1, 2]
    finally:
        first.close()
        second.close()
        second.dec_thread_sharing()


def test_sqlite_writer_waits_no_longer_than_the_timeout(tmp_path):
    """A writer stuck behind a long transaction gives up as SQLite would: database is locked."""
    import time

    from django.db import OperationalError

    first = _sqlite_wrapper(tmp_path, "long-1", timeout=5)
    second = _sqlite_wrapper(tmp_path, "long-2", timeout=0.2)
    try:
        first.cursor().execute("CREATE TABLE t (n integer)")
        first._start_transaction_under_autocommit()
        second.ensure_connection()
        started = time.monotonic()
        with pytest.raises(OperationalError, match="database is locked"):
            second._start_transaction_under_autocommit()
        assert 0.15 < time.monotonic() - started < 3
        first.commit()
        second._start_transaction_under_autocommit()  # free again: it goes through
        second.commit()
    finally:
        first.close()
        second.close()
