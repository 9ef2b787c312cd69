"""Erasure: asked from the link, approved in the office; the governance record stays whole."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from platforma.activities.models import Registration
from platforma.core.models import AuditEntry, Person
from platforma.elections import services as elections
from platforma.elections.tests.factories import close, running_election
from platforma.governance.models import Mandate
from platforma.members.models import Application, ApplicationDocument, Representative
from platforma.privacy.models import DataRequest
from platforma.publications.models import Stakeholder

from .conftest import ADDRESS, link_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_election(world):
    """A closed election (members 0-2 candidates, every member voted) and a mandate of member 0."""
    election, nominations = running_election(world, candidates=3, office=False)
    for i, member in enumerate(world.members):
        elections.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[i % 2].candidate_key],
        )
    election = close(world, election)
    Mandate.objects.create(
        office=world.office,
        person=world.members[0].person,
        organisation=world.members[0].organisation,
        starts_on=datetime.date(2025, 1, 1),
    )
    return election


def ask_erasure(client, world, address=ADDRESS):
    client.post(reverse("privacy:request", args=[world.platform.slug]), {"email": address})
    path = link_path(mail.outbox[-1])
    response = client.post(path + "erase/")
    assert response.status_code == 200
    return DataRequest.objects.get(kind="erasure", status="confirmed")


def verify(*command):
    out = StringIO()
    call_command(*command, stdout=out)
    return out.getvalue()


def test_an_approved_erasure_removes_the_person_and_keeps_the_record(
    client, world, closed_election, other_secretariat
):
    world.platform.email = "office@testland.example.org"
    world.platform.save()
    board_before = json.dumps(closed_election.board, sort_keys=True)
    mandates_before = list(Mandate.objects.values_list("pk", "person_id", "office_id", "starts_on"))
    person = world.members[3].person
    request = ask_erasure(client, world)
    # The secretariat is told at the platform's address, without the person's.
    waiting = mail.outbox[-1]
    assert waiting.to == ["office@testland.example.org"]
    assert f"/privacy/office/{request.pk}/" in waiting.body
    assert "anna3" not in waiting.body.lower()

    # Another platform's secretariat finds nothing.
    client.force_login(other_secretariat)
    detail = reverse("privacy:office-request-detail", args=["elsewhere", request.pk])
    assert client.get(detail).status_code == 404
    own = reverse("privacy:office-request-detail", args=["testland", request.pk])
    assert client.get(own).status_code == 404
    assert client.post(own + "approve/").status_code == 404
    request.refresh_from_db()
    assert request.status == "confirmed"

    # The secretariat reads the dry run, then approves.
    client.force_login(world.secretariat)
    listing = client.get(reverse("privacy:office-request-list", args=["testland"]))
    assert "anna3@example.org" in listing.content.decode()
    page = client.get(own)
    assert page.status_code == 200
    assert "registration for an event" in page.content.decode()
    outbox = len(mail.outbox)
    response = client.post(own + "approve/")
    assert response.status_code == 302

    # Gone, or replaced by a pseudonym, everywhere on the platform.
    anna = Registration.objects.get(event=world.event, person=None, name__startswith="Erased")
    assert anna.email.endswith("@erased.invalid")
    assert Registration.objects.filter(email="bob@example.org").exists()
    stakeholder = Stakeholder.objects.get(kind="person")
    assert stakeholder.name.startswith("Erased")
    assert stakeholder.email == ""
    assert not stakeholder.phone
    assert not stakeholder.consent_to_contact
    assert Stakeholder.objects.get(kind="organisation").email == "bob@example.org"
    application = Application.objects.get(pk=world.application.pk)
    assert application.contact_name.startswith("Erased")
    assert application.contact_phone == ""
    assert ApplicationDocument.objects.filter(application=application).count() == 1
    person.refresh_from_db()
    assert person.first_name == "Erased"
    assert person.first_name_en == "Erased"
    assert person.email == ""
    assert person.user_id is None
    user = world.members[3].user
    user.refresh_from_db()
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.email == ""
    assert not Person.objects.filter(email__iexact=ADDRESS).exists()
    # The representation (who spoke for the organisation) stays, with the pseudonymised person.
    assert Representative.objects.filter(person=person).count() == 1

    # The governance record is unchanged: mandates, the election's board and count.
    assert (
        list(Mandate.objects.values_list("pk", "person_id", "office_id", "starts_on"))
        == mandates_before
    )
    closed_election.refresh_from_db()
    assert json.dumps(closed_election.board, sort_keys=True) == board_before
    assert "verifies" in verify("verify_election", str(closed_election.pk))
    assert "ok" in verify("verify_audit")

    # The request keeps only the address's hash; the audit entry names no address.
    request.refresh_from_db()
    assert request.status == "done"
    assert request.email == ""
    assert request.counts["registrations_pseudonymised"] == 1
    assert request.decided_by == world.secretariat
    done = client.get(own).content.decode()
    assert "registrations pseudonymised" in done
    assert "user accounts deactivated" in done
    entry = AuditEntry.objects.get(action="privacy.erasure.done")
    assert "anna" not in (json.dumps(entry.data) + entry.target_repr).lower()
    assert entry.data["address"] == request.email_hash
    # The person is told; their old link no longer opens.
    assert len(mail.outbox) == outbox + 1
    assert mail.outbox[-1].to == ["anna3@example.org"]
    assert client.get(link_path(mail.outbox[0])).status_code == 404


def test_a_candidate_and_office_holder_keeps_their_name(client, world, closed_election):
    person = world.members[0].person
    name = person.full_name
    ask_erasure(client, world, address=person.email)
    request = DataRequest.objects.get(kind="erasure")
    client.force_login(world.secretariat)
    page = client.get(reverse("privacy:office-request-detail", args=["testland", request.pk]))
    assert "the name is kept in the public record" in page.content.decode()
    client.post(reverse("privacy:office-request-approve", args=["testland", request.pk]))
    person.refresh_from_db()
    assert person.full_name == name
    assert person.email == ""
    assert "verifies" in verify("verify_election", str(closed_election.pk))


def test_a_person_another_platform_also_holds_is_kept_there(client, world):
    from platforma.activities.tests.factories import EventFactory
    from platforma.testing.factories import PlatformFactory

    from .conftest import register

    other_event = EventFactory(platform=PlatformFactory(slug="elsewhere"))
    register(other_event, "Anna Three", "anna3@example.org")
    request = ask_erasure(client, world)
    client.force_login(world.secretariat)
    url = reverse("privacy:office-request-detail", args=["testland", request.pk])
    assert "Another platform also holds records" in client.get(url).content.decode()
    client.post(url + "approve/")
    person = world.members[3].person
    person.refresh_from_db()
    assert person.email == "anna3@example.org"
    assert person.user_id is not None
    assert Registration.objects.get(event=other_event).name == "Anna Three"
    assert Registration.objects.filter(event=world.event, name__startswith="Erased").count() == 1


def test_a_refusal_needs_a_reason_and_is_mailed(client, world):
    request = ask_erasure(client, world)
    client.force_login(world.secretariat)
    url = reverse("privacy:office-request-refuse", args=["testland", request.pk])
    assert "Reason" in client.post(url, {"reason": ""}).content.decode()
    request.refresh_from_db()
    assert request.status == "confirmed"
    client.post(url, {"reason": "You are the platform's coordinator until May."})
    request.refresh_from_db()
    assert request.status == "refused"
    assert "coordinator until May" in mail.outbox[-1].body
    assert Registration.objects.filter(email="anna3@example.org").exists()
    # Decided once: approving afterwards changes nothing.
    client.post(reverse("privacy:office-request-approve", args=["testland", request.pk]))
    assert Registration.objects.filter(email="anna3@example.org").exists()


def test_the_list_of_requests_has_a_query_budget(client, world):
    from platforma.core.personal_data import address_hash
    from platforma.testing.budget import assert_page_budget

    counter = iter(range(1000))

    def add(n):
        for _ in range(n):
            i = next(counter)
            DataRequest.objects.create(
                platform=world.platform,
                kind="erasure",
                status="refused" if i % 2 else "confirmed",
                email=f"p{i}@example.org",
                email_hash=address_hash(f"p{i}@example.org"),
                decided_by=world.secretariat if i % 2 else None,
            )

    client.force_login(world.secretariat)
    response = assert_page_budget(
        client, reverse("privacy:office-request-list", args=["testland"]), add_rows=add
    )
    assert "p0@example.org" in response.content.decode()


def test_mailings_keep_their_figures_and_an_opt_out_outlives_the_address(client, world):
    from platforma.core.personal_data import erased_address
    from platforma.outreach.models import Mailing, MailingRecipient, MailLanguage, MailPreference

    mailing = Mailing.objects.create(
        platform=world.platform, name="Spring", audience="stakeholders"
    )
    MailingRecipient.objects.create(
        mailing=mailing,
        email="anna3@example.org",
        name="Anna Three",
        language="en",
        source="stakeholder",
        source_id=1,
        status="queued",
    )
    MailPreference.objects.create(
        platform=world.platform,
        email="anna3@example.org",
        topic="all",
        subscribed=False,
        source="link",
    )
    MailLanguage.objects.create(platform=world.platform, email="anna3@example.org", language="az")
    request = ask_erasure(client, world)
    client.force_login(world.secretariat)
    client.post(reverse("privacy:office-request-approve", args=["testland", request.pk]))

    recipient = MailingRecipient.objects.get(mailing=mailing)
    assert recipient.email == erased_address(ADDRESS)
    assert recipient.name.startswith("Erased")
    assert recipient.status == "queued"
    preference = MailPreference.objects.get()
    assert preference.email == erased_address(ADDRESS)
    assert not preference.subscribed
    assert not MailLanguage.objects.exists()
    # No outbox row names the address any more (the erasure's own notice aside).
    from platforma.core.models import OutgoingMail

    named = [m for m in OutgoingMail.objects.all() if "anna3@example.org" in m.to]
    assert [m.purpose for m in named] == ["privacy_erasure"]

    # The address typed in again later (a new stakeholder who consents) is still not written to.
    from platforma.outreach.services.audience import is_opted_out, resolve
    from platforma.publications.models import Stakeholder

    Stakeholder.objects.create(
        platform=world.platform,
        name="Anna again",
        category="university",
        email="Anna3@example.org",
        consent_to_contact=True,
    )
    assert is_opted_out(world.platform, "anna3@example.org", "stakeholders")
    again = Mailing.objects.create(platform=world.platform, name="Autumn", audience="stakeholders")
    resolved = resolve(again)
    assert "anna3@example.org" not in [r.email for r in resolved.recipients]
    assert resolved.excluded["opted_out"] == 1


def test_the_service_refuses_another_platforms_secretariat(client, world, other_secretariat):
    from django.core.exceptions import PermissionDenied

    from platforma.privacy import services

    request = ask_erasure(client, world)
    with pytest.raises(PermissionDenied):
        services.erasure_approve(actor=other_secretariat, request=request)
    with pytest.raises(PermissionDenied):
        services.erasure_refuse(actor=other_secretariat, request=request, reason="No.")
    request.refresh_from_db()
    assert request.status == "confirmed"
    assert Registration.objects.filter(email="anna3@example.org").exists()
