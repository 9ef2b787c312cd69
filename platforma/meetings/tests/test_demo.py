"""The demo General Assembly of 2014 loads through the services and tells a consistent story."""

import pytest

from platforma.meetings import demo
from platforma.meetings.models import Decision, Meeting, Minutes, Proxy
from platforma.meetings.selectors import minutes_record

pytestmark = pytest.mark.django_db


def test_demo_general_assembly(demo_platform):
    who = {"actor": None, "actor_label": "system: test"}
    demo.load(platform=demo_platform, who=who)
    demo.load(platform=demo_platform, who=who)  # idempotent, also once in DEMO_EXTENSIONS
    meeting = Meeting.objects.get(platform=demo_platform, title_en=demo.TITLE)
    assert "demo" in meeting.title
    record = minutes_record(meeting)
    assert meeting.attendances.count() == record["members_count"] - demo.ABSENT
    assert Proxy.objects.filter(meeting=meeting).count() == 1
    assert list(
        Decision.objects.filter(meeting=meeting)
        .order_by("number")
        .values_list("reference", flat=True)
    ) == ["GA-2014-01", "GA-2014-02"]
    assert all(m.adopted for m in meeting.motions.all())
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.is_locked
    assert minutes.approved_on.isoformat() == "2014-11-22"
    assert record["members_count"] >= 40
    assert len(record["late_arrivals"]) == 2
    assert len(record["early_departures"]) == 1
    assert record["quorum_events"][0].reached
    assert not record["convocation"].is_late
