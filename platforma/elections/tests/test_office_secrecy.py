"""No ballot, running total or per-organisation vote on any page until the vote is closed.

While voting is open, the platform's secretariat and the superuser walk every page of the
elections app (office and public, HTML and JSON) and the admin's pages of elections and of the
audit log. Two things must hold:

- no tracker, ballot hash or ballot id appears anywhere (nothing links a tracker to anything);
- no page depends on what was voted: after every sealed ballot in the box is replaced by one
  with other choices (the paper reading too, sealed again), every page is byte for byte the
  same. So no choice, total or per-organisation vote can be shown, however it might be
  presented.

Turnout (how many voted) is allowed and stays the same in both walks.
"""

import json
import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import get_resolver, reverse

from platforma.core.models import AuditEntry, PlatformRole
from platforma.elections import board as fmt
from platforma.elections import sealing, services
from platforma.elections.models import Ballot, BallotBox, PaperBallotEntry, Teller, VoterRecord
from platforma.elections.services import box as sealed_box
from platforma.elections.tests.factories import SHARES, box_contents

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def cast(voting):
    """Three online ballots and one paper ballot (read by a second teller) in an open vote."""
    world, election, nominations = voting
    keys = [n.candidate_key for n in nominations]
    receipts = [
        services.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[key],
        )
        for member, key in zip(world.members[:3], [keys[0], keys[0], keys[1]], strict=True)
    ]
    teller = get_user_model().objects.create_user("teller-two", password="pw-teller-12345")
    PlatformRole.objects.create(user=teller, platform=world.platform, role="secretariat")
    services.paper_voter_record(
        actor=teller, election=election, organisation=world.members[3].organisation
    )
    services.paper_entry_save(
        actor=teller, election=election, batch="A", sequence=1, choices=[keys[2]]
    )
    superuser = get_user_model().objects.create_superuser(
        "root", "root@example.org", "pw-root-12345"
    )
    return world, election, nominations, receipts, superuser


def election_pages(election, nominations):
    """Every address of the elections app, for this election (GET)."""
    values = {
        "platform": election.platform.slug,
        "pk": election.pk,
        "nomination": nominations[0].pk,
    }
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            if getattr(sub, "namespace", None) != "elections":
                continue
            for p in sub.url_patterns:
                names = set(p.pattern.converters) | {"platform"}
                yield reverse(
                    f"elections:{p.name}", kwargs={k: values[k] for k in names if k in values}
                )


def admin_pages():
    """The admin's pages of the elections app (every object) and of the audit log."""
    pages = [reverse("admin:index"), reverse("admin:app_list", args=["elections"])]
    for model in list(admin.site._registry):
        if model._meta.app_label != "elections" and model is not AuditEntry:
            continue
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        rows = model._default_manager.order_by("pk")
        if model is AuditEntry:
            rows = rows.filter(action__startswith="elections.")
        for pk in rows.values_list("pk", flat=True):
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[pk]))
    return pages


def walk(client, users, pages, check):
    seen = {}
    for user in users:
        client.force_login(user)
        for page in pages:
            response = client.get(page)
            body = response.content.decode(errors="replace")
            check(user, page, response.status_code, body)
            seen[(user.get_username(), page)] = (response.status_code, CSRF.sub("", body))
    return seen


def test_no_page_shows_a_ballot_while_the_vote_is_open(client, cast):
    world, election, nominations, receipts, superuser = cast
    users = [world.secretariat, superuser]
    pages = [*election_pages(election, nominations), *admin_pages()]
    assert len(pages) > 20
    secrets = [r.tracker for r in receipts] + [r.ballot_hash for r in receipts]
    # No ballot is opened (no row) while the vote is open: three online ones are in the box.
    assert not Ballot.objects.exists()
    assert BallotBox.objects.get(pk=election.pk).count == 3
    # Nor does any teller's share rest on the server.
    assert set(
        Teller.objects.filter(election=election).values_list("pending_share", flat=True)
    ) == {""}
    secrets += SHARES[election.pk]
    statuses = {}

    def no_secret(user, page, status, body):
        statuses[page] = status
        assert status in (200, 302, 404, 405), (page, status)
        for secret in secrets:
            assert secret not in body, (user.get_username(), page)

    before = walk(client, users, pages, no_secret)
    # The pages that matter answered: the office and the public page show the turnout.
    office = reverse("elections:office-detail", args=[world.platform.slug, election.pk])
    assert statuses[office] == 200
    assert "4 / 4" in before[(world.secretariat.get_username(), office)][1]
    for name in ("election-board", "election-board-json", "election-result-pdf"):
        url = reverse(f"elections:{name}", args=[world.platform.slug, election.pk])
        assert statuses[url] == 404, name
    # The admin lists neither ballots, the box, voter records nor paper readings.
    for model in (Ballot, BallotBox, VoterRecord, PaperBallotEntry):
        assert model not in admin.site._registry

    # Every sealed ballot now says something else; no page may change.
    keys = [n.candidate_key for n in nominations]
    box = BallotBox.objects.get(pk=election.pk)
    size = box.record_size - sealing.SEAL_OVERHEAD
    resealed = b""
    for text in box_contents(election):
        content = json.loads(text)
        content["choices"] = [keys[(keys.index(content["choices"][0]) + 1) % len(keys)]]
        resealed += sealing.seal(election.public_key, fmt.canonical(content), size)
    BallotBox.objects.filter(pk=box.pk).update(sealed=resealed)
    assert sorted(json.loads(c)["choices"][0] for c in box_contents(election)) == sorted(
        [keys[1], keys[1], keys[2]]
    )
    for entry in PaperBallotEntry.objects.all():
        reading = fmt.canonical({"choices": [], "invalid": True})
        PaperBallotEntry.objects.filter(pk=entry.pk).update(
            sealed=sealed_box.seal_reading(election, reading),
            digest=sealed_box.reading_digest(election, entry.batch, entry.sequence, reading),
        )
    after = walk(client, users, pages, no_secret)
    changed = [key for key in before if before[key] != after[key]]
    assert changed == []

    # The tracker check, as the voter's POST: the ballots are sealed, nothing more is said,
    # not even whether the tracker was cast.
    check = reverse("elections:election-check", args=[world.platform.slug, election.pk])
    body = client.post(check, {"tracker": receipts[0].tracker}).content.decode()
    assert "The ballots are sealed until the tellers open them" in body
    assert "A ballot with this tracker has been cast." not in body
    assert receipts[0].ballot_hash not in body
    for member in world.members:
        assert str(member.organisation) not in body


def test_the_walk_would_see_a_ballot(client, cast):
    """Once the vote is closed the board shows every tracker: the walk above is not blind."""
    world, election, nominations, receipts, superuser = cast
    services.paper_entry_save(
        actor=world.secretariat,
        election=election,
        batch="A",
        sequence=1,
        choices=[nominations[2].candidate_key],
    )
    services.election_close(actor=world.secretariat, election=election, shares=SHARES[election.pk])
    client.force_login(world.secretariat)
    board = reverse("elections:election-board-json", args=[world.platform.slug, election.pk])
    body = client.get(board).content.decode()
    assert all(r.tracker in body for r in receipts)
