"""Governance through the API: the bodies with today's office holders, and the register of
decisions, public (only what the public register shows), filtered and bounded."""

from __future__ import annotations

import pytest

from platforma.core.models import today_in
from platforma.governance.models import Body, Office
from platforma.governance.selectors import board_of_governance, country_facilitator
from platforma.meetings.models import Decision
from platforma.meetings.services import decision_set_public

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan"


def test_bodies_as_the_governance_page(world, call, django_assert_max_num_queries):
    users, data = world
    platform = data["platform"]
    today = today_in(platform)
    with django_assert_max_num_queries(6):
        response = call("get", f"{BASE}/bodies")
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == Body.objects.filter(platform=platform).count()
    bodies = {b["kind"]: b for b in page["results"]}
    board = bodies[Body.Kind.BOARD]
    assert set(board) == {
        "id",
        "kind",
        "kind_label",
        "name",
        "description",
        "member_count",
        "composition",
        "offices",
    }
    held = {
        (o["id"], h["person"], h["organisation"], h["since"])
        for o in board["offices"]
        for h in o["holders"]
    }
    expected = {
        (m.office_id, m.person.full_name, m.organisation.display_name, m.starts_on.isoformat())
        for m in board_of_governance(platform, today)
    }
    assert held == expected
    assert expected
    facilitator = country_facilitator(platform, today)
    assert facilitator is not None
    cf = [o for o in board["offices"] if o["country_facilitator"]]
    assert [h["person"] for o in cf for h in o["holders"]] == [facilitator.person.full_name]
    assert set(cf[0]["holders"][0]) == {"person", "organisation", "since", "until"}  # no e-mail
    assert "@" not in response.content.decode()
    assert bodies[Body.Kind.GENERAL_ASSEMBLY]["member_count"] > 0
    # More offices and holders: the same number of queries.
    Office.objects.create(
        platform=platform, kind=Office.Kind.AUDITOR, name="Auditor", body=board_obj(platform)
    )
    with django_assert_max_num_queries(6):
        again = call("get", f"{BASE}/bodies")
    names = [o["name"] for b in again.json()["results"] for o in b["offices"]]
    assert "Auditor" in names
    assert call("get", "/api/v1/platforms/no-such/bodies").status_code == 404
    assert call("get", "/api/v1/platforms/with%20space/bodies").status_code in {400, 404}
    assert call("get", f"{BASE}/bodies?page_size=0").status_code == 400
    assert call("get", f"{BASE}/bodies?page=1000000000").status_code == 400


def board_obj(platform):
    return Body.objects.get(platform=platform, kind=Body.Kind.BOARD)


def test_decision_register(world, call, django_assert_max_num_queries):
    users, data = world
    platform = data["platform"]
    decisions = list(Decision.objects.filter(platform=platform).order_by("pk"))
    assert len(decisions) >= 2
    hidden, shown = decisions[0], decisions[1]
    decision_set_public(actor=users["secretariat"], decision=hidden, is_public=False)

    with django_assert_max_num_queries(3):
        response = call("get", f"{BASE}/decisions")
    assert response.status_code == 200
    rows = response.json()["results"]
    ids = {r["id"] for r in rows}
    assert hidden.pk not in ids
    assert shown.pk in ids
    assert response.json()["count"] == len(decisions) - 1
    row = next(r for r in rows if r["id"] == shown.pk)
    shown.refresh_from_db()
    assert set(row) == {
        "id",
        "reference",
        "title",
        "text",
        "body",
        "year",
        "number",
        "decided_on",
        "is_public",
        "updated_at",
    }
    assert row["reference"] == shown.reference
    assert row["title"] == shown.title
    assert row["decided_on"] == shown.decided_on.isoformat()
    assert row["body"] == {"id": shown.body_id, "kind": shown.body.kind, "name": shown.body.name}

    # The platform's secretariat sees the internal one, as on the register page.
    managed = call("get", f"{BASE}/decisions", role="secretariat").json()
    assert hidden.pk in {r["id"] for r in managed["results"]}
    other = call("get", f"{BASE}/decisions", role="other_secretariat").json()
    assert hidden.pk not in {r["id"] for r in other["results"]}

    # Detail: public only; internal -> 404 for the public, shown to the secretariat.
    assert call("get", f"{BASE}/decisions/{shown.pk}").json()["id"] == shown.pk
    assert call("get", f"{BASE}/decisions/{hidden.pk}").status_code == 404
    assert call("get", f"{BASE}/decisions/{hidden.pk}", role="secretariat").status_code == 200
    assert call("get", f"/api/v1/platforms/armenia/decisions/{shown.pk}").status_code == 404
    for bad in ("0", str(2**40), "x"):
        assert call("get", f"{BASE}/decisions/{bad}").status_code in {400, 404}

    # Filters.
    year = shown.year
    by_year = call("get", f"{BASE}/decisions?year={year}").json()["results"]
    assert by_year
    assert all(r["year"] == year for r in by_year)
    assert call("get", f"{BASE}/decisions?year=1901").json()["count"] == 0
    by_body = call("get", f"{BASE}/decisions?body={shown.body_id}").json()["results"]
    assert by_body
    assert all(r["body"]["id"] == shown.body_id for r in by_body)
    other_body = Body.objects.create(
        platform=data["other_platform"], kind=Body.Kind.BOARD, name="Board"
    )
    assert call("get", f"{BASE}/decisions?body={other_body.pk}").json()["count"] == 0
    assert call("get", f"{BASE}/decisions?body=2147483647").json()["count"] == 0
    later = call("get", f"{BASE}/decisions?updated_since=2999-01-01T00:00:00").json()
    assert later["count"] == 0
    since = call("get", f"{BASE}/decisions?updated_since=2000-01-01T00:00:00").json()
    assert since["count"] == len(decisions) - 1
    found = call("get", f"{BASE}/decisions?q={shown.reference}").json()["results"]
    assert shown.pk in {r["id"] for r in found}
    for bad in (
        "year=0",
        "year=abc",
        "body=0",
        f"body={2**40}",
        "updated_since=yesterday",
        "q=%00",
        "q=" + "x" * 201,
    ):
        response = call("get", f"{BASE}/decisions?{bad}")
        assert response.status_code == 400, bad
        assert response.json()["fields"], bad
