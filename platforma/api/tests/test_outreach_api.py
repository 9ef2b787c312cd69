"""The mailings' operations: the secretariat's (every mailing of the platform) and a working
group's coordinator's (their groups' mailings), counts and state without the addresses."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from platforma.accounts.services import api_token_create
from platforma.outreach import services
from platforma.outreach.models import Mailing, MailingRecipient
from platforma.publications.models import Publication, Stakeholder
from platforma.testing.factories import coordinator_of
from platforma.workinggroups.models import WorkingGroup

from .conftest import auth

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/mailings"
KEYS = {
    "id",
    "name",
    "status",
    "status_label",
    "audience",
    "audience_label",
    "working_group",
    "event",
    "total",
    "created_at",
    "started_at",
    "finished_at",
    "updated_at",
}
DETAIL_KEYS = KEYS | {
    "language",
    "languages",
    "publications",
    "audience_count",
    "excluded",
    "progress",
}
TEXTS = {"en": ("Our news", "Dear friends,\nnews."), "ru": ("Новости", "Друзья,\nновости.")}


@pytest.fixture(autouse=True)
def _mail_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PLATFORMA_MAILING_RATE = 0


def _token(user) -> dict[str, str]:
    expires = timezone.localdate() + datetime.timedelta(days=5)
    return auth(api_token_create(actor=user, name="t", scope="read", expires_on=expires)[1])


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_mailings_for_the_secretariat_and_a_coordinator(world, call, client, django_user_model):
    users, data = world
    platform, secretariat = data["platform"], users["secretariat"]
    for i, consent in enumerate((True, True, False)):
        Stakeholder.objects.create(
            platform=platform,
            name=f"Reader {i}",
            category="media",
            email=f"reader{i}@example.org",
            consent_to_contact=consent,
        )
    paper = Publication.objects.filter(platform=platform).first()
    draft = services.mailing_create(
        actor=secretariat,
        platform=platform,
        name="News",
        audience="stakeholders",
        texts=TEXTS,
        publications=[paper],
    )
    group, other_group = WorkingGroup.objects.filter(platform=platform, parent__isnull=True)[:2]
    to_group = services.mailing_create(
        actor=secretariat,
        platform=platform,
        name="To the group",
        audience="working_group",
        working_group=group,
        texts={"en": TEXTS["en"]},
    )
    sent = services.mailing_create(
        actor=secretariat, platform=platform, name="Sent", audience="stakeholders", texts=TEXTS
    )
    sent = services.mailing_send(actor=secretariat, mailing=sent)
    theirs = Mailing.objects.create(
        platform=data["other_platform"], name="Theirs", audience="stakeholders"
    )

    # The secretariat: every mailing of the platform, newest first.
    listed = call("get", f"{BASE}?page_size=100", role="secretariat")
    assert _ids(listed) == [sent.pk, to_group.pk, draft.pk]
    row = listed.json()["results"][1]
    assert set(row) == KEYS
    assert row["working_group"] == {"id": group.pk, "name": group.name}
    assert (row["status"], row["status_label"], row["audience"]) == (
        "draft",
        "Draft",
        "working_group",
    )
    assert _ids(call("get", f"{BASE}?status=draft", role="secretariat")) == [to_group.pk, draft.pk]
    assert call("get", f"{BASE}?status=lost", role="secretariat").status_code == 400
    assert _ids(call("get", f"{BASE}?updated_since=2999-01-01T00:00:00", role="secretariat")) == []

    # A draft: who would receive it now, and who not (by reason); no address anywhere.
    page = call("get", f"{BASE}/{draft.pk}", role="secretariat")
    assert page.status_code == 200
    detail = page.json()
    assert set(detail) == DETAIL_KEYS
    assert detail["languages"] == ["en", "ru"]
    assert detail["language"] == draft.language
    assert detail["publications"] == [{"id": paper.pk, "title": paper.title}]
    assert detail["audience_count"] == 2
    assert detail["progress"] is None
    unwilling = Stakeholder.objects.filter(platform=platform, consent_to_contact=False).count()
    assert {e["reason"]: e["count"] for e in detail["excluded"]} == {"no_consent": unwilling}
    assert "@example.org" not in page.content.decode()

    # Sent: the snapshot's counts.
    progress = call("get", f"{BASE}/{sent.pk}", role="secretariat").json()
    recipients = MailingRecipient.objects.filter(mailing=sent)
    assert progress["status"] in ("sending", "sent")
    assert progress["audience_count"] == progress["total"] == recipients.count() == 2
    assert progress["progress"]["total"] == 2
    assert set(progress["progress"]) == {
        "total",
        "pending",
        "queued",
        "sent",
        "failed",
        "bounced",
        "skipped",
        "percent",
    }
    assert progress["started_at"]

    # Nobody else: 401 anonymous, 404 for the others, another platform's mailing 404.
    assert call("get", BASE).status_code == 401
    for role in ("representative", "other_secretariat"):
        assert call("get", BASE, role=role).status_code == 404
        assert call("get", f"{BASE}/{draft.pk}", role=role).status_code == 404
    assert call("get", f"{BASE}/{theirs.pk}", role="secretariat").status_code == 404
    moved = f"/api/v1/platforms/armenia/mailings/{draft.pk}"
    assert call("get", moved, role="other_secretariat").status_code == 404
    assert call("get", f"{BASE}/{2**31 - 1}", role="forum").status_code == 404
    assert call("get", f"{BASE}/0", role="forum").status_code == 400

    # A coordinator: only the mailings to their groups, as the office's pages.
    coordinator = django_user_model.objects.create_user("coord", password="pw-coord-12345")
    coordinator_of(group, coordinator)
    headers = _token(coordinator)
    assert _ids(client.get(BASE, **headers)) == [to_group.pk]
    assert client.get(f"{BASE}/{to_group.pk}", **headers).status_code == 200
    assert client.get(f"{BASE}/{draft.pk}", **headers).status_code == 404
    stranger = django_user_model.objects.create_user("coord2", password="pw-coord-12345")
    coordinator_of(other_group, stranger)
    assert _ids(client.get(BASE, **_token(stranger))) == []
    assert client.get(f"{BASE}/{to_group.pk}", **_token(stranger)).status_code == 404

    # The list's queries do not grow with its rows.
    call("get", BASE, role="secretariat")  # the token's use is recorded once a minute
    counts = []
    for extra in (0, 5):
        for i in range(extra):
            services.mailing_create(
                actor=secretariat,
                platform=platform,
                name=f"More {i}",
                audience="working_group",
                working_group=group,
                texts={"en": TEXTS["en"]},
            )
        with CaptureQueriesContext(connection) as queries:
            assert call("get", BASE, role="secretariat").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8, counts
