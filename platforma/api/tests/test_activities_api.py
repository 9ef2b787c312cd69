"""The events' operations: the public list and page (what the website shows, nothing more), a
signed-in person's registration (through the form's service, audited), and the organisers' list
of registrations (the secretariat, and the coordinators of the event's groups only)."""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from platforma.accounts.services import api_token_create
from platforma.activities import services
from platforma.activities.models import Attendance, Event, Registration
from platforma.core.models import AuditEntry
from platforma.members.models import Membership
from platforma.testing.factories import WorkingGroupFactory, coordinator_of
from platforma.workinggroups.models import WorkingGroup

from .conftest import auth

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/events"
LIST_KEYS = {
    "id",
    "title",
    "kind",
    "kind_label",
    "starts_at",
    "ends_at",
    "all_day",
    "time_zone",
    "city",
    "venue",
    "online",
    "languages",
    "working_groups",
    "is_public",
    "is_demo",
    "cancelled",
    "cancellation_reason",
    "registration_enabled",
    "participants",
    "url",
    "updated_at",
}
DETAIL_KEYS = LIST_KEYS | {
    "description",
    "aims",
    "outcomes",
    "partners",
    "donors",
    "files",
    "participants_listed",
    "participants_unlisted",
    "registration",
}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def _token(user, scope="write") -> dict[str, str]:
    expires = timezone.localdate() + datetime.timedelta(days=5)
    return auth(api_token_create(actor=user, name="t", scope=scope, expires_on=expires)[1])


def test_the_public_list_and_page_show_what_the_website_shows(world, call, client):
    users, data = world
    platform, event = data["platform"], data["event"]
    published = Event.objects.filter(platform=platform, is_public=True).count()
    hidden = Event.objects.filter(platform=platform).exclude(pk=event.pk).first()
    Event.objects.filter(pk=hidden.pk).update(is_public=False)
    Event.objects.filter(pk=event.pk).update(online_url="https://meet.example.org/secret-room")
    # A confirmed place whose name is not to be listed, with an address nobody public may see.
    services.registration_create(
        actor=users["secretariat"],
        event=event,
        by_organiser=True,
        name="Quiet Person",
        email="quiet@example.org",
        consent_public=False,
        notify=False,
    )

    everything = call("get", f"{BASE}?page_size=100")
    body = everything.json()
    assert body["count"] == published - 1
    assert hidden.pk not in _ids(everything)
    assert _ids(everything) == list(
        Event.objects.filter(platform=platform, is_public=True)
        .order_by("-starts_at", "-id")
        .values_list("pk", flat=True)
    )
    row = next(r for r in body["results"] if r["id"] == event.pk)
    assert set(row) == LIST_KEYS
    event.refresh_from_db()
    assert row["title"] == event.title
    assert row["kind"] == event.kind
    assert row["kind_label"] == "Workshop"
    assert row["starts_at"].startswith(event.starts_at.strftime("%Y-%m-%dT%H:%M"))
    assert row["online"] is True
    assert "secret-room" not in everything.content.decode()
    assert [g["id"] for g in row["working_groups"]] == list(
        event.working_groups.values_list("pk", flat=True)
    )
    assert row["url"].endswith(f"/azerbaijan/activities/{event.pk}/")
    recorded = next(r for r in body["results"] if r["participants"]["source"] == "recorded")
    assert recorded["participants"]["organisations"] == (
        Event.objects.get(pk=recorded["id"]).recorded_count
    )

    # The page: counts, the names that may be listed, the registration panel; no address.
    page = call("get", f"{BASE}/{event.pk}")
    assert page.status_code == 200
    detail = page.json()
    assert set(detail) == DETAIL_KEYS
    assert detail["aims"] == event.aims
    names = [p["name"] for p in detail["participants_listed"]]
    assert "Quiet Person" not in names
    assert detail["participants_unlisted"] == 1
    confirmed = Registration.objects.filter(event=event, status="confirmed").count()
    assert detail["registration"] == {
        "open": True,
        "problem": "",
        "capacity": event.capacity,
        "free": event.capacity - confirmed,
        "waitlisted": 0,
        "seats_per_organisation": event.seats_per_organisation,
    }
    text = page.content.decode()
    for email in Registration.objects.values_list("email", flat=True):
        assert email not in text
    assert "token" not in text
    assert "secret-room" not in text

    # The organisers see what their page shows them: the unpublished event, every name.
    mine = call("get", f"{BASE}/{event.pk}", role="secretariat").json()
    quiet = next(p for p in mine["participants_listed"] if p["name"] == "Quiet Person")
    assert quiet["listed_publicly"] is False
    assert mine["participants_unlisted"] == 0
    assert call("get", f"{BASE}/{hidden.pk}").status_code == 404
    secret = call("get", f"{BASE}/{hidden.pk}", role="secretariat")
    assert secret.status_code == 200
    assert secret.json()["is_public"] is False
    assert hidden.pk in _ids(call("get", f"{BASE}?page_size=100", role="secretariat"))
    assert call("get", f"{BASE}/{hidden.pk}", role="other_secretariat").status_code == 404

    # A page with a check-in list counts from it.
    past = Event.objects.filter(pk__in=Attendance.objects.values("event")).first()
    counted = call("get", f"{BASE}/{past.pk}").json()["participants"]
    assert counted["source"] == "attendance"
    assert counted["persons"] == Attendance.objects.filter(event=past).count()

    # Another platform's address, unknown ids: 404.
    assert call("get", f"/api/v1/platforms/armenia/events/{event.pk}").status_code == 404
    assert call("get", f"{BASE}/{2**31 - 1}").status_code == 404
    assert call("get", "/api/v1/platforms/nowhere/events").status_code == 404
    for bad in (f"{BASE}/0", f"{BASE}/{2**40}", f"{BASE}/x"):
        assert call("get", bad).status_code == 400, bad


def test_the_list_filters_and_the_queries(world, call):
    users, data = world
    platform, event = data["platform"], data["event"]
    public = Event.objects.filter(platform=platform, is_public=True)

    def ids(query):
        return sorted(_ids(call("get", f"{BASE}?page_size=100&{query}")))

    assert ids("year=2015") == sorted(
        public.filter(starts_at__year=2015).values_list("pk", flat=True)
    )
    assert ids("kind=workshop") == sorted(
        public.filter(kind="workshop").values_list("pk", flat=True)
    )
    group = event.working_groups.get()
    assert ids(f"working_group={group.pk}") == sorted(
        public.filter(working_groups=group).values_list("pk", flat=True)
    )
    # An unknown group, or another platform's: nothing.
    other_group = WorkingGroupFactory(platform=data["other_platform"], slug="elsewhere")
    assert ids(f"working_group={other_group.pk}") == []
    assert ids(f"working_group={2**31 - 1}") == []
    # Changed since: the event touched now, and no other.
    Event.objects.filter(pk=event.pk).update(
        updated_at=timezone.now() + datetime.timedelta(hours=1)
    )
    later = timezone.now() + datetime.timedelta(minutes=30)
    assert ids(f"updated_since={later.replace(tzinfo=None).isoformat()}") == [event.pk]  # UTC
    in_baku = quote(later.astimezone(zoneinfo.ZoneInfo("Asia/Baku")).isoformat())
    assert ids(f"updated_since={in_baku}") == [event.pk]
    assert ids("updated_since=2000-01-01T00:00:00Z") == sorted(public.values_list("pk", flat=True))
    # Bad values: 400 with the field named.
    for query, field in (
        ("year=0", "year"),
        ("year=abc", "year"),
        ("kind=party", "kind"),
        ("working_group=0", "working_group"),
        ("updated_since=yesterday", "updated_since"),
        ("page_size=0", "page_size"),
    ):
        response = call("get", f"{BASE}?{query}")
        assert response.status_code == 400, query
        assert field in response.json()["fields"], query
    assert call("get", f"{BASE}?page=100000").json()["results"] == []

    # The lists' queries do not grow with their rows.
    call("get", BASE, role="secretariat")  # the token's first use is recorded once
    counts = []
    for size in (2, 50):
        with CaptureQueriesContext(connection) as queries:
            assert call("get", f"{BASE}?page_size={size}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts
    path = f"{BASE}/{data['event'].pk}/registrations"
    event = data["event"]
    call("get", path, role="secretariat")  # the token's first use is recorded (once a minute)
    counts = []
    for extra in (0, 5):
        for i in range(extra):
            services.registration_create(
                actor=users["secretariat"],
                event=event,
                by_organiser=True,
                name=f"Person {i}",
                email=f"p{i}@example.org",
                notify=False,
            )
        with CaptureQueriesContext(connection) as queries:
            response = call("get", path, role="secretariat")
        assert response.json()["count"] >= 1 + extra
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts
    with CaptureQueriesContext(connection) as queries:
        assert call("get", f"{BASE}/{event.pk}").status_code == 200
    assert len(queries) <= 20


def test_a_signed_in_person_registers_with_their_own_address(world, call, client):
    users, data = world
    event, rep = data["event"], users["representative"]
    rep.email, rep.first_name, rep.last_name = "Rep@Example.org", "Rena", "Rep"
    rep.save()
    path = f"{BASE}/{event.pk}/registrations"
    before = Registration.objects.count()

    assert call("post", path, data={}).status_code == 401
    refused = call("post", path, role="representative", scope="read", data={})
    assert refused.status_code == 403
    assert Registration.objects.count() == before

    response = call("post", path, role="representative", data={"consent_public": True})
    assert response.status_code == 201, response.content
    made = response.json()
    registration = Registration.objects.get(pk=made["id"])
    assert (registration.email, registration.name) == ("rep@example.org", "Rena Rep")
    assert registration.status == "confirmed"
    assert registration.consent_public
    assert made["status"] == "confirmed"
    assert made["status_label"] == "Confirmed"
    assert made["event"] == event.pk
    assert made["link"].endswith(f"/registration/{registration.token}/")
    entry = AuditEntry.objects.get(
        action="activities.registration.created", target_id=str(registration.pk)
    )
    assert entry.actor == rep
    # The office's list shows it, with the address.
    office = call("get", path + "?page_size=100", role="secretariat").json()["results"]
    assert {"id": registration.pk, "email": "rep@example.org"}.items() <= next(
        r for r in office if r["id"] == registration.pk
    ).items()

    # Again: the service's refusal, on the field it names.
    again = call("post", path, role="representative", data={})
    assert again.status_code == 400
    assert "email" in again.json()["fields"]

    # A member organisation of the platform, or 400.
    forum = users["forum"]
    stranger = Membership.objects.filter(platform=data["other_platform"]).first()
    bad = call("post", path, role="forum", data={"organisation": 2**31 - 1})
    assert bad.status_code == 400
    assert "organisation" in bad.json()["fields"]
    if stranger is not None:
        assert (
            call(
                "post", path, role="forum", data={"organisation": stranger.organisation_id}
            ).status_code
            == 400
        )
    member = data["membership"].organisation
    forum.first_name = "Forum"
    forum.save()
    mine = call("post", path, role="forum", data={"organisation": member.pk, "name": "F. Sec"})
    assert mine.status_code == 201, mine.content
    assert mine.json()["organisation"] == str(member)
    assert Registration.objects.get(pk=mine.json()["id"]).organisation == member

    # Bad input: 400 with the fields; nothing written.
    count = Registration.objects.count()
    for body, field in (
        ({"name": "x" * 201}, "name"),
        ({"organisation": "abc"}, "organisation"),
        ({"organisation": 0}, "organisation"),
        ({"organisation_name": "y" * 301}, "organisation_name"),
        ({"consent_public": "perhaps"}, "consent_public"),
    ):
        response = call("post", path, role="secretariat", data=body)
        assert response.status_code == 400, body
        assert field in response.json()["fields"], body
    # No e-mail address on the account: 400, saying so.
    nobody = call("post", path, role="other_secretariat", data={})
    assert nobody.status_code == 400
    assert "email" in nobody.json()["fields"]
    assert Registration.objects.count() == count

    # Closed, unpublished, another platform's: the service's message, or 404.
    closed = Event.objects.filter(platform=data["platform"], registration_enabled=False).first()
    refused = call("post", f"{BASE}/{closed.pk}/registrations", role="representative", data={})
    assert refused.status_code == 400
    assert refused.json()["message"] == "This event does not take registrations."
    Event.objects.filter(pk=closed.pk).update(is_public=False)
    hidden = call("post", f"{BASE}/{closed.pk}/registrations", role="representative", data={})
    assert hidden.status_code == 404
    assert (
        call(
            "post",
            f"/api/v1/platforms/armenia/events/{event.pk}/registrations",
            role="forum",
            data={},
        ).status_code
        == 404
    )

    # A full event: a place on the waitlist.
    Event.objects.filter(pk=event.pk).update(
        capacity=Registration.objects.filter(event=event, status="confirmed").count()
    )
    users["secretariat"].email = "sec@example.org"
    users["secretariat"].save()
    waiting = call("post", path, role="secretariat", data={"name": "Sec"})
    assert waiting.status_code == 201
    assert waiting.json()["status"] == "waitlisted"


def test_the_organisers_list_of_registrations(world, call, client, django_user_model):
    users, data = world
    event, platform = data["event"], data["platform"]
    path = f"{BASE}/{event.pk}/registrations"
    response = call("get", path, role="secretariat")
    assert response.status_code == 200
    rows = response.json()["results"]
    known = Registration.objects.filter(event=event)
    assert [r["id"] for r in rows] == list(
        known.order_by("status", "registered_at", "id").values_list("pk", flat=True)
    )
    first = known.first()
    assert rows[0] == {
        "id": first.pk,
        "name": first.name,
        "email": first.email,
        "organisation_id": first.organisation_id,
        "organisation": first.organisation_display,
        "status": first.status,
        "status_label": first.get_status_display(),
        "consent_public": first.consent_public,
        "registered_at": rows[0]["registered_at"],
        "checked_in_at": None,
    }
    assert _ids(call("get", path + "?status=waitlisted", role="secretariat")) == []
    assert call("get", path + "?status=lost", role="secretariat").status_code == 400
    assert call("get", path).status_code == 401
    for role in ("representative", "other_secretariat"):
        assert call("get", path, role=role).status_code == 404
    armenia = f"/api/v1/platforms/armenia/events/{event.pk}/registrations"
    assert call("get", armenia, role="other_secretariat").status_code == 404
    assert call("get", f"{BASE}/{2**31 - 1}/registrations", role="secretariat").status_code == 404

    # A coordinator of the event's group sees it; of another group, nothing.
    group = event.working_groups.get()
    other = WorkingGroup.objects.filter(platform=platform, parent__isnull=True).exclude(pk=group.pk)
    theirs = django_user_model.objects.create_user("coord-in", password="pw-coord-12345")
    coordinator_of(group, theirs)
    outsider = django_user_model.objects.create_user("coord-out", password="pw-coord-12345")
    coordinator_of(other.first(), outsider)
    seen = client.get(path, **_token(theirs, "read"))
    assert seen.status_code == 200
    assert seen.json()["count"] == known.count()
    assert client.get(path, **_token(outsider, "read")).status_code == 404
    # The coordinator's own list of events stays the public one.
    assert client.get(BASE, **_token(outsider, "read")).status_code == 200
