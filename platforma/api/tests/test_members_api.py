"""The registry's operations: the public directory (what the website's member list shows) and
the secretariat's memberships and applications (what the office pages show)."""

from __future__ import annotations

import datetime
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from platforma.members.models import Application, Membership, MembershipChange
from platforma.members.selectors import member_directory
from platforma.testing.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan"
PUBLIC_KEYS = {
    "id",
    "legal_name",
    "short_name",
    "acronym",
    "city",
    "fields_of_work",
    "contacts",
    "working_groups",
    "member_since",
    "updated_at",
}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def _queries(call, path, role="anonymous") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert call("get", path, role=role).status_code == 200
    return len(queries)


def test_the_public_directory(world, call):
    _users, data = world
    platform = data["platform"]
    directory = member_directory(platform)
    everything = call("get", f"{BASE}/organisations?page_size=100")
    body = everything.json()
    assert body["count"] == directory.count() > 5
    assert _ids(everything) == [m.organisation_id for m in directory]
    cco = data["membership"].organisation
    row = next(r for r in body["results"] if r["id"] == cco.pk)
    assert set(row) == PUBLIC_KEYS
    assert (row["legal_name"], row["acronym"], row["city"]) == (cco.legal_name, "CCO", cco.city)
    assert [g["id"] for g in row["working_groups"]] == list(
        data["membership"]
        .enrolments.filter(until__isnull=True)
        .order_by("working_group__position")
        .values_list("working_group", flat=True)
    )
    # Contacts only as the organisation agreed: CCO has an e-mail and a phone, not public.
    assert cco.email
    assert cco.phone
    assert not cco.public_email
    assert not cco.public_phone
    assert cco.email not in everything.content.decode()
    assert cco.phone not in everything.content.decode()
    cco.public_email = True
    cco.save()
    assert call("get", f"{BASE}/organisations/{cco.pk}").json()["contacts"]["email"] == cco.email

    # Filters: the page's name search, city and working group; updated_since.
    assert _ids(call("get", f"{BASE}/organisations?q=civic%20oversight")) == [cco.pk]
    in_city = _ids(call("get", f"{BASE}/organisations?city={cco.city}&page_size=100"))
    assert cco.pk in in_city
    assert len(in_city) < body["count"]
    group = data["membership"].enrolments.filter(until__isnull=True).first().working_group
    in_group = _ids(call("get", f"{BASE}/organisations?working_group={group.pk}&page_size=100"))
    assert in_group == [m.organisation_id for m in member_directory(platform, working_group=group)]
    other_group = WorkingGroupFactory(platform=data["other_platform"])
    # An unknown group (or another platform's): an empty list, not every member.
    for unknown in (other_group.pk, 2**31 - 1):
        assert call("get", f"{BASE}/organisations?working_group={unknown}").json()["count"] == 0
    future = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)).isoformat()
    later = call("get", f"{BASE}/organisations?updated_since={quote(future)}")
    assert later.json()["count"] == 0
    assert (
        call("get", f"{BASE}/organisations?updated_since=2000-01-01T00:00:00").json()["count"]
        == body["count"]
    )
    for bad in ("working_group=0", "working_group=x", "q=a%00b", "updated_since=yesterday"):
        response = call("get", f"{BASE}/organisations?{bad}")
        assert response.status_code == 400, bad
        assert response.json()["fields"], bad

    # A page: a member in good standing only, of this platform.
    assert call("get", f"{BASE}/organisations/{cco.pk}").json()["id"] == cco.pk
    applicant = data["application"].organisation
    assert call("get", f"{BASE}/organisations/{applicant.pk}").status_code == 404
    assert call("get", f"/api/v1/platforms/armenia/organisations/{cco.pk}").status_code == 404
    assert call("get", f"{BASE}/organisations/{2**40}").status_code == 400
    assert call("get", "/api/v1/platforms/nowhere/organisations").status_code == 404

    # Queries: the same at 5 rows as at 40.
    small = _queries(call, f"{BASE}/organisations?page_size=5")
    assert _queries(call, f"{BASE}/organisations?page_size=40") == small <= 8


def test_the_secretariats_memberships_and_applications(world, call):
    _users, data = world
    platform = data["platform"]
    membership = data["membership"]
    rows = call("get", f"{BASE}/memberships?page_size=100", role="secretariat").json()
    assert rows["count"] == Membership.objects.filter(platform=platform).count()
    statuses = {r["status"] for r in rows["results"]}
    assert {"admitted", "applied"} <= statuses  # not only the directory's
    applied = _ids(call("get", f"{BASE}/memberships?status=applied", role="secretariat"))
    assert applied == list(
        Membership.objects.filter(platform=platform, status="applied").values_list("pk", flat=True)
    )
    assert _ids(call("get", f"{BASE}/memberships?q=CCO", role="secretariat")) == [membership.pk]
    assert call("get", f"{BASE}/memberships?status=member", role="secretariat").status_code == 400

    detail = call("get", f"{BASE}/memberships/{membership.pk}", role="forum").json()
    assert detail["organisation"]["id"] == membership.organisation_id
    assert detail["status"] == membership.status
    history = list(MembershipChange.objects.filter(membership=membership))
    assert [(h["to_status"], h["effective_on"], h["decided_by"]) for h in detail["history"]] == [
        (c.to_status, c.effective_on.isoformat(), c.decided_by) for c in history
    ]
    assert detail["enrolments"]
    assert detail["representatives"]
    assert {r["role"] for r in detail["representatives"]} >= {"alternate"}
    assert "email" not in detail["representatives"][0]

    # Another platform's secretariat: nothing, with our slug or its own and our ids.
    application = data["application"]
    for path in (
        f"{BASE}/memberships",
        f"{BASE}/memberships/{membership.pk}",
        f"{BASE}/applications",
        f"{BASE}/applications/{application.pk}",
        f"/api/v1/platforms/armenia/memberships/{membership.pk}",
        f"/api/v1/platforms/armenia/applications/{application.pk}",
    ):
        assert call("get", path, role="other_secretariat").status_code == 404, path
        assert call("get", path, role="representative").status_code == 404, path
        assert call("get", path).status_code == 401, path

    listed = call("get", f"{BASE}/applications?status=open", role="secretariat").json()
    assert [r["id"] for r in listed["results"]] == [application.pk]
    assert (
        call("get", f"{BASE}/applications?status=admitted", role="secretariat").json()["count"]
        == Application.objects.filter(platform=platform, membership__status="admitted").count()
    )
    assert call("get", f"{BASE}/applications?status=x", role="secretariat").status_code == 400
    response = call("get", f"{BASE}/applications/{application.pk}", role="secretariat")
    found = response.json()
    assert found["contact_email"] == application.contact_email
    assert sorted(d["original_name"] for d in found["documents"]) == sorted(
        application.documents.values_list("original_name", flat=True)
    )
    assert all("file" not in d and "sha256" not in d for d in found["documents"])
    assert sorted((r["id"], r["status"]) for r in found["recommendations"]) == sorted(
        application.recommendations.values_list("pk", "status")
    )
    assert (
        found["confirmed_recommendations"]
        == application.recommendations.filter(status="confirmed").count()
    )
    text = response.content.decode()
    assert application.token not in text
    assert all(r.token not in text for r in application.recommendations.all())
    assert call("get", f"{BASE}/applications/999999", role="secretariat").status_code == 404

    # Lists: a fixed budget whatever the page's size.
    for name in ("memberships", "applications"):
        small = _queries(call, f"{BASE}/{name}?page_size=2", role="secretariat")
        assert _queries(call, f"{BASE}/{name}?page_size=100", role="secretariat") == small <= 8
