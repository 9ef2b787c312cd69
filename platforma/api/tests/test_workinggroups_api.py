"""The working groups' operations: the list and a group's page, as the website shows them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from platforma.members.selectors import members_in_good_standing
from platforma.testing.factories import WorkingGroupFactory
from platforma.workinggroups.selectors import working_groups_with_counts

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/working-groups"
KEYS = {
    "id",
    "slug",
    "code",
    "name",
    "description",
    "forum_group",
    "member_count",
    "coordinators",
    "subgroups",
}


def test_the_working_groups_and_a_groups_page(world, call):
    _users, data = world
    platform = data["platform"]
    top = list(working_groups_with_counts(platform))
    sub = WorkingGroupFactory(platform=platform, parent=top[0], slug="wg1-sub")
    WorkingGroupFactory(platform=data["other_platform"], slug="theirs")

    with CaptureQueriesContext(connection) as queries:
        response = call("get", f"{BASE}?page_size=100")
    body = response.json()
    assert response.status_code == 200
    assert [r["slug"] for r in body["results"]] == [g.slug for g in top]  # top-level only
    first = body["results"][0]
    assert set(first) == KEYS
    assert first["member_count"] == top[0].member_count > 0
    assert first["subgroups"] == [{"id": sub.pk, "slug": sub.slug, "name": sub.name}]
    assert first["coordinators"]
    assert set(first["coordinators"][0]) == {"name", "organisation"}
    assert len(queries) <= 10  # a fixed number, whatever the groups

    page = call("get", f"{BASE}/{top[0].slug}").json()
    assert set(page) == KEYS | {"parent", "members"}
    expected = (
        members_in_good_standing(platform)
        .filter(enrolments__working_group=top[0], enrolments__until__isnull=True)
        .distinct()
    )
    assert sorted(m["id"] for m in page["members"]) == sorted(
        expected.values_list("organisation_id", flat=True)
    )
    assert page["member_count"] == len(page["members"])
    assert set(page["members"][0]) == {"id", "legal_name", "acronym"}  # no contacts
    assert call("get", f"{BASE}/{sub.slug}").json()["parent"]["slug"] == top[0].slug
    assert call("get", f"{BASE}/theirs").status_code == 404  # another platform's group
    assert call("get", f"{BASE}/nothing").status_code == 404
    assert call("get", f"{BASE}/with%20space").status_code == 400
    assert call("get", "/api/v1/platforms/armenia/working-groups").json()["count"] == 1
