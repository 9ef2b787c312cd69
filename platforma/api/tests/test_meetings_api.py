"""Meetings through the API: the secretariat's only (the public never sees a meeting), as the
office pages show them; no running count of an open vote."""

from __future__ import annotations

import pytest

from platforma.meetings import selectors
from platforma.meetings.demo import TITLE
from platforma.meetings.models import Attendance, Meeting, Motion, Proxy

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan"
# Queries, whatever the number of rows (the token's own included).
LIST_BUDGET = 6
DETAIL_BUDGET = 12


def test_meeting_list_and_detail(world, call, django_assert_max_num_queries):
    users, data = world
    meeting = Meeting.objects.get(platform=data["platform"], title_en=TITLE)  # decided motions
    platform = data["platform"]
    with django_assert_max_num_queries(LIST_BUDGET):
        response = call("get", f"{BASE}/meetings", role="secretariat", scope="read")
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == Meeting.objects.filter(platform=platform).count()
    row = next(r for r in page["results"] if r["id"] == meeting.pk)
    assert row["title"] == meeting.title
    assert row["body"]["id"] == meeting.body_id
    assert row["kind"] == meeting.kind
    assert row["kind_label"]
    assert row["attendance_count"] == meeting.attendances.count()
    assert row["motion_count"] == meeting.motions.count()
    assert row["time_zone"] == meeting.time_zone

    # Nobody else: 401 for the public, 404 for a representative and another platform's
    # secretariat (with its own slug and our meeting's id too).
    for role, status in (("anonymous", 401), ("representative", 404), ("other_secretariat", 404)):
        assert call("get", f"{BASE}/meetings", role=role).status_code == status
        assert call("get", f"{BASE}/meetings/{meeting.pk}", role=role).status_code == status
    for path in (f"/meetings/{meeting.pk}", f"/meetings/{meeting.pk}/attendance", "/meetings"):
        moved = call("get", f"/api/v1/platforms/armenia{path}", role="other_secretariat")
        if path == "/meetings":
            assert moved.json()["count"] == 0  # Armenia's own (none)
        else:
            assert moved.status_code == 404
    # The Forum's secretariat may.
    assert call("get", f"{BASE}/meetings/{meeting.pk}", role="forum").status_code == 200
    # One more meeting: the same number of queries.
    Meeting.objects.create(
        platform=platform,
        body=meeting.body,
        title="Another sitting",
        starts_at=meeting.starts_at,
        time_zone=meeting.time_zone,
    )
    with django_assert_max_num_queries(LIST_BUDGET):
        more = call("get", f"{BASE}/meetings", role="secretariat", scope="read")
    assert more.json()["count"] == page["count"] + 1

    # Filters.
    year = meeting.starts_at.year
    assert call("get", f"{BASE}/meetings?year={year}", role="secretariat").json()["count"] >= 1
    assert call("get", f"{BASE}/meetings?year=1901", role="secretariat").json()["count"] == 0
    by_body = call("get", f"{BASE}/meetings?body={meeting.body_id}", role="secretariat").json()
    assert by_body["count"] >= 1
    assert all(r["body"]["id"] == meeting.body_id for r in by_body["results"])
    assert call("get", f"{BASE}/meetings?body=2147483647", role="secretariat").json()["count"] == 0
    future = call("get", f"{BASE}/meetings?updated_since=2999-01-01T00:00", role="secretariat")
    assert future.json()["count"] == 0
    for bad in ("year=0", "body=0", f"body={2**40}", "updated_since=soon", "page_size=0"):
        answer = call("get", f"{BASE}/meetings?{bad}", role="secretariat")
        assert answer.status_code == 400, bad
        assert answer.json()["fields"], bad
    for bad in ("0", str(2**40)):
        assert call("get", f"{BASE}/meetings/{bad}", role="secretariat").status_code in {400, 404}
    assert call("get", f"{BASE}/meetings/2147483647", role="secretariat").status_code == 404

    # Detail: agenda, quorum now, motions; a decided motion with its result.
    with django_assert_max_num_queries(DETAIL_BUDGET):
        detail = call("get", f"{BASE}/meetings/{meeting.pk}", role="secretariat").json()
    assert {"agenda", "quorum", "motions", "language"} <= set(detail)
    assert [a["title"] for a in detail["agenda"]] == [
        i.title for i in meeting.agenda.order_by("position")
    ]
    state = selectors.quorum_now(meeting).state
    assert detail["quorum"] == {
        "members": state.members,
        "present": state.present,
        "represented": state.represented,
        "counted": state.counted,
        "required": state.required,
        "met": state.met,
    }
    decided = Motion.objects.filter(meeting=meeting, status=Motion.Status.DECIDED).first()
    assert decided is not None
    assert decided.adopted
    out = next(m for m in detail["motions"] if m["id"] == decided.pk)
    assert out["result"]["votes_for"] == decided.votes_for
    assert out["result"]["adopted"] is True
    assert out["result"]["decision_reference"] == decided.decision.reference
    assert out["result"]["explanation"]

    # An open secret vote: no count at all, whatever the row holds.
    secret = Motion.objects.create(
        meeting=meeting,
        title="Secret motion",
        majority=Motion.Majority.SIMPLE,
        abstentions_count_as_cast=False,
        is_secret=True,
        status=Motion.Status.OPEN,
        votes_for=3,
        votes_cast=3,
    )
    with django_assert_max_num_queries(DETAIL_BUDGET):
        detail = call("get", f"{BASE}/meetings/{meeting.pk}", role="secretariat").json()
    out = next(m for m in detail["motions"] if m["id"] == secret.pk)
    assert out["status"] == "open"
    assert out["is_secret"]
    assert out["result"] is None


def test_meeting_attendance(world, call, django_assert_max_num_queries):
    users, data = world
    meeting = Meeting.objects.get(platform=data["platform"], title_en=TITLE)
    path = f"{BASE}/meetings/{meeting.pk}/attendance"
    with django_assert_max_num_queries(11):
        response = call("get", path, role="secretariat", scope="read")
    assert response.status_code == 200
    sheet = response.json()
    assert set(sheet) == {"meeting_id", "quorum", "attendances", "proxies"}
    attendances = list(Attendance.objects.filter(meeting=meeting))
    proxies = list(Proxy.objects.filter(meeting=meeting))
    assert {a["id"] for a in sheet["attendances"]} == {a.pk for a in attendances}
    assert {p["id"] for p in sheet["proxies"]} == {p.pk for p in proxies}
    assert attendances
    assert proxies
    first = attendances[0]
    row = next(a for a in sheet["attendances"] if a["id"] == first.pk)
    assert row["organisation"] == first.membership.organisation.display_name
    assert row["present"] == (first.left_at is None)
    proxy = proxies[0]
    row = next(p for p in sheet["proxies"] if p["id"] == proxy.pk)
    assert row["giver"] == proxy.giver.organisation.display_name
    assert row["holder"] == proxy.holder.organisation.display_name
    assert "@" not in response.content.decode()
    assert call("get", path).status_code == 401
    assert call("get", path, role="representative").status_code == 404
