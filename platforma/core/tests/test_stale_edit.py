"""The lost-update guard itself: versions, the check under the lock, the refusal's message and
what the form shows after it (core.services.version_of / check_version, core.office)."""

import datetime
import threading
import zoneinfo

import pytest
from django import forms
from django.db import connection, connections
from django.utils import formats, timezone

from platforma.core.models import AuditEntry, Platform
from platforma.core.office import VERSION_FIELD, OfficeForm, refused_stale
from platforma.core.services import (
    SeenVersion,
    StaleEdit,
    platform_update,
    update_audited,
    version_of,
)
from platforma.testing.factories import PlatformFactory

pytestmark = pytest.mark.django_db
FIELDS = ("name_en", "email")


@pytest.fixture
def platform(db):
    return PlatformFactory(
        slug="testland", time_zone="Asia/Baku", name_en="Testland", email="np@example.org"
    )


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="pw-alice-12345")


def seen(platform):
    return SeenVersion(fields=FIELDS, digest=version_of(platform, FIELDS))


def test_a_version_covers_the_fields_read_and_nothing_else(platform):
    before = version_of(platform, FIELDS)
    # What moves updated_at without changing what the form shows is no new version (an event's
    # registrations touch it for the page cache).
    Platform.objects.filter(pk=platform.pk).update(
        updated_at=timezone.now() + datetime.timedelta(hours=1), description_en="Other text"
    )
    platform.refresh_from_db()
    assert version_of(platform, FIELDS) == before
    Platform.objects.filter(pk=platform.pk).update(email="new@example.org")
    platform.refresh_from_db()
    assert version_of(platform, FIELDS) != before
    assert len(before) == 32


def test_a_save_over_a_newer_version_is_refused_and_writes_nothing(platform, alice):
    opened = seen(platform)
    platform_update(actor=alice, platform=Platform.objects.get(pk=platform.pk), email="a@x.org")
    entries = AuditEntry.objects.count()
    stale_copy = Platform.objects.get(pk=platform.pk)
    stale_copy.email = "np@example.org"  # as the second tab still has it
    baku_zone = timezone.override(zoneinfo.ZoneInfo("Asia/Baku"))  # the office page's zone
    with baku_zone, pytest.raises(StaleEdit) as refused:
        platform_update(actor=None, platform=stale_copy, seen_version=opened, name_en="X")
    latest = AuditEntry.objects.filter(target_id=str(platform.pk)).order_by("-id").first()
    baku = latest.at.astimezone(zoneinfo.ZoneInfo("Asia/Baku"))
    assert refused.value.messages == [
        f"“{platform}” was changed by alice at {formats.date_format(baku, 'DATETIME_FORMAT')} "
        "since you opened it."
    ]
    assert refused.value.current.email == "a@x.org"  # the record as saved now
    assert refused.value.version == version_of(refused.value.current, FIELDS)
    platform.refresh_from_db()
    assert (platform.name_en, platform.email) == ("Testland", "a@x.org")
    assert AuditEntry.objects.count() == entries


def test_the_current_version_goes_through_and_keeps_what_the_form_does_not_edit(platform):
    opened = seen(platform)
    stale_copy = Platform.objects.get(pk=platform.pk)
    Platform.objects.filter(pk=platform.pk).update(description_en="Written meanwhile")
    update_audited(
        stale_copy,
        {"name_en": "Testland NP"},
        allowed={"name_en"},
        action="core.platform.updated",
        actor=None,
        actor_label="test",
        seen_version=opened,
    )
    platform.refresh_from_db()
    # Read again under the lock before the save: the stale copy's description is not written.
    assert (platform.name_en, platform.description_en) == ("Testland NP", "Written meanwhile")


def test_without_a_version_nothing_is_compared(platform):
    Platform.objects.filter(pk=platform.pk).update(email="b@x.org")
    platform_update(actor=None, actor_label="test", platform=platform, name_en="Renamed")
    platform.refresh_from_db()
    assert platform.name_en == "Renamed"


class PlatformForm(OfficeForm):
    name_en = forms.CharField(label="Name")
    email = forms.EmailField(label="E-mail")
    founded_on = forms.DateField(label="Founded", required=False)


def test_the_refused_form_shows_both_versions_and_carries_the_new_one(platform, alice):
    form = PlatformForm(platform=platform, versioned=platform)
    version = form[VERSION_FIELD].value()
    assert version == version_of(platform, ("name_en", "email", "founded_on"))
    platform_update(actor=alice, platform=Platform.objects.get(pk=platform.pk), email="a@x.org")
    typed = {"name_en": "Testland", "email": "mine@x.org", "founded_on": str(platform.founded_on)}
    form = PlatformForm(
        {**typed, VERSION_FIELD: version},
        platform=platform,
        versioned=platform,
    )
    assert form.is_valid()
    assert VERSION_FIELD not in form.cleaned_data  # the service's input only
    with pytest.raises(StaleEdit) as refused:
        platform_update(
            actor=None,
            actor_label="test",
            platform=Platform.objects.get(pk=platform.pk),
            seen_version=form.seen_version(),
            **form.cleaned_data,
        )
    refused_stale(form, refused.value)
    assert form.stale_refused
    assert [(r.label, r.typed, r.saved) for r in form.stale_rows] == [
        ("E-mail", "mine@x.org", "a@x.org")  # the same name and date: not shown
    ]
    assert form.non_field_errors() == [refused.value.messages[0]]
    assert form[VERSION_FIELD].value() == refused.value.version
    # Saved again with the new version: it goes through.
    again = PlatformForm(
        {**typed, VERSION_FIELD: refused.value.version},
        platform=platform,
        versioned=Platform.objects.get(pk=platform.pk),
    )
    assert again.is_valid()
    platform_update(
        actor=None,
        actor_label="test",
        platform=Platform.objects.get(pk=platform.pk),
        seen_version=again.seen_version(),
        **again.cleaned_data,
    )
    platform.refresh_from_db()
    assert platform.email == "mine@x.org"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; SQLite serialises writers already "
    "(IMMEDIATE transactions) and its test database is one in-memory connection",
)
def test_two_saves_from_the_same_version_at_the_same_moment_one_is_refused():
    platform = PlatformFactory(slug="raceland", name_en="Raceland", email="np@example.org")
    opened = seen(platform)
    barrier = threading.Barrier(2)
    saved, refused, errors = [], [], []

    def save(n):
        try:
            barrier.wait(timeout=10)
            platform_update(
                actor=None,
                actor_label=f"tab {n}",
                platform=Platform.objects.get(pk=platform.pk),
                seen_version=opened,
                email=f"tab{n}@example.org",
            )
            saved.append(n)
        except StaleEdit:
            refused.append(n)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert (len(saved), len(refused)) == (1, 1)
    platform.refresh_from_db()
    assert platform.email == f"tab{saved[0]}@example.org"
