"""The caller's own operations: who they are; the organisations they represent and their
profile, changed through the "My organisation" page's service."""

from __future__ import annotations

import pytest

from platforma.core.models import AuditEntry
from platforma.members.models import Organisation, ProfileChangeRequest

pytestmark = pytest.mark.django_db


def test_who_the_caller_is(world, call):
    _users, data = world
    assert call("get", "/api/v1/me").status_code == 401
    rep = call("get", "/api/v1/me", role="representative", scope="read").json()
    assert rep["username"] == "rep"
    assert rep["manages"] == []
    assert rep["represents"] == [
        {
            "id": data["membership"].organisation_id,
            "legal_name": data["membership"].organisation.legal_name,
            "platforms": ["azerbaijan"],
        }
    ]
    assert rep["token"]["scope"] == "read"
    secretariat = call("get", "/api/v1/me", role="secretariat").json()
    assert [p["slug"] for p in secretariat["manages"]] == ["azerbaijan"]
    assert secretariat["represents"] == []
    assert secretariat["token"]["scope"] == "write"
    forum = call("get", "/api/v1/me", role="forum").json()
    assert {"armenia", "azerbaijan"} <= {p["slug"] for p in forum["manages"]}
    assert "secret" not in str(forum["token"])
    assert "prefix" not in forum["token"]


def test_my_organisations_and_changing_the_profile(world, call):
    _users, data = world
    organisation = data["membership"].organisation
    path = f"/api/v1/me/organisations/{organisation.pk}"
    mine = call("get", "/api/v1/me/organisations", role="representative").json()
    assert [o["id"] for o in mine] == [organisation.pk]
    assert mine[0]["email"] == organisation.email  # their own, so all of it
    assert mine[0]["memberships"] == [
        {
            "platform": "azerbaijan",
            "platform_name": data["platform"].name,
            "status": "admitted",
            "status_label": "Admitted",
            "admitted_on": data["membership"].admitted_on.isoformat(),
        }
    ]
    assert call("get", "/api/v1/me/organisations", role="secretariat").json() == []

    # Profile fields change at once, with an audit entry; legal data wait for the secretariat.
    before = AuditEntry.objects.count()
    response = call(
        "patch",
        path,
        role="representative",
        data={
            "fields_of_work": "oversight",
            "website": "https://cco.example.org",
            "legal_name": "CCO PU",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    organisation.refresh_from_db()
    assert (organisation.fields_of_work, organisation.website) == (
        "oversight",
        "https://cco.example.org",
    )
    assert organisation.legal_name != "CCO PU"
    assert body["organisation"]["fields_of_work"] == "oversight"
    pending = ProfileChangeRequest.objects.get(organisation=organisation)
    assert body["change_request"] == {
        "id": pending.pk,
        "status": "pending",
        "changes": {"legal_name_en": "CCO PU"},
    }
    actions = set(AuditEntry.objects.order_by("pk")[before:].values_list("action", flat=True))
    assert {"members.organisation.updated", "members.profile_change.requested"} <= actions
    # Nothing changed: nothing recorded.
    before = AuditEntry.objects.count()
    again = call("patch", path, role="representative", data={"fields_of_work": "oversight"})
    assert again.json()["change_request"] is None
    assert AuditEntry.objects.count() == before

    # Refusals.
    assert (
        call("patch", path, role="representative", scope="read", data={"acronym": "X"}).status_code
        == 403
    )
    for role in ("secretariat", "other_secretariat", "forum"):
        assert call("patch", path, role=role, data={"acronym": "X"}).status_code == 404, role
    assert call("patch", path, data={"acronym": "X"}).status_code == 401
    other = Organisation.objects.exclude(pk=organisation.pk).first()
    assert (
        call(
            "patch", f"/api/v1/me/organisations/{other.pk}", role="representative", data={}
        ).status_code
        == 404
    )
    for bad, field in (
        ({"email": "not an address"}, "email"),
        ({"website": "ftp:/x"}, "website"),
        ({"acronym": "x" * 31}, "acronym"),
        ({"legal_name": None}, "legal_name"),
        ({"short_name": "a\x00b"}, "short_name"),
        ({"platform": "armenia"}, "platform"),
        ({"registration_date": "soon"}, "registration_date"),
    ):
        response = call("patch", path, role="representative", data=bad)
        assert response.status_code == 400, bad
        assert field in response.json()["fields"], (bad, response.json())
    organisation.refresh_from_db()
    assert organisation.acronym == "CCO"
