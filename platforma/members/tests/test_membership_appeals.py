"""Appeals against a suspension or an expulsion (issue 15): lodged by the member's representative
or recorded from paper by the secretariat, within the statute's deadline, heard by the body the
statute names; an upheld appeal undoes the decision from the day of the appeal's decision."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from platforma.core import services as core
from platforma.core.models import AuditEntry, PlatformRole
from platforma.core.services import platform_role_grant
from platforma.core.statute_rules import RulesError, StatuteRules
from platforma.members import services
from platforma.members.models import Appeal, Membership, MembershipChange
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db
# The demo platform's own date (Asia/Baku), as in test_deciding.
TODAY = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Baku")).date()
GROUNDS = "The General Assembly was not quorate when it voted the expulsion."


@pytest.fixture
def member(demo_platform):
    return Membership.objects.get(platform=demo_platform, organisation__acronym="HRPU")


def representative_of(organisation, django_user_model, name):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-rep-123456")
    person = PersonFactory(first_name_en=name.title(), email=f"{name}@example.org", user=user)
    services.representative_assign(actor=None, organisation=organisation, person=person)
    return user


@pytest.fixture
def rep(member, django_user_model):
    return representative_of(member.organisation, django_user_model, "rauf")


def decide(member, to_status, days_ago=0, recorded_days_ago=0):
    """The decision, as the General Assembly took it ``days_ago`` (recorded then too)."""
    services.membership_transition(
        actor=None,
        membership=member,
        to_status=to_status,
        effective_on=TODAY - datetime.timedelta(days=days_ago),
        decided_by="General Assembly",
        decision_reference="GA 2026/3",
        reason="Did not pay its dues for three years.",
    )
    change = member.changes.order_by("-id").first()
    if recorded_days_ago:
        MembershipChange.objects.filter(pk=change.pk).update(
            recorded_at=timezone.now() - datetime.timedelta(days=recorded_days_ago)
        )
        change.refresh_from_db()
    return change


def url(name, *args):
    return reverse(f"members:{name}", args=["azerbaijan", *args])


def actions_on(appeal):
    return set(
        AuditEntry.objects.filter(
            target_type="members.appeal", target_id=str(appeal.pk)
        ).values_list("action", flat=True)
    )


def test_representative_appeals_an_expulsion_and_the_assembly_reverses_it(
    client, member, rep, secretariat, django_capture_on_commit_callbacks
):
    change = decide(member, "expelled", days_ago=10)
    # The expelled member's representative still logs in and finds the appeal page.
    client.force_login(rep)
    html = client.get(url("my-appeals")).content.decode()
    assert "Lodge an appeal" in html
    deadline = TODAY + datetime.timedelta(days=30)  # the default: 30 days from notification
    page = client.get(url("my-appeal-lodge", change.pk))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS})
    assert response.status_code == 302
    appeal = Appeal.objects.get(membership_change=change)
    assert appeal.status == "lodged"
    assert appeal.heard_by_body == "general_assembly"
    assert appeal.deadline == deadline
    assert appeal.received_on == TODAY
    assert appeal.lodged_by == rep.person.full_name
    lodged = mail.outbox[-1]
    assert "Appeal lodged by" in lodged.subject
    assert GROUNDS in lodged.body
    # Once per decision while one is pending.
    again = client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS})
    assert again.status_code == 400
    assert "An appeal against this decision is already pending." in again.content.decode()
    assert Appeal.objects.filter(membership_change=change).count() == 1

    # The secretariat records the General Assembly's decision upholding it.
    client.force_login(secretariat)
    assert member.organisation.legal_name in client.get(url("office-appeal-list")).content.decode()
    detail = client.get(url("office-appeal-detail", appeal.pk)).content.decode()
    assert GROUNDS in detail
    assert appeal.heard_by in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("office-appeal-decide", appeal.pk),
            {
                "upheld": "1",
                "decided_on": TODAY.isoformat(),
                "decision_reference": "GA 2026/7",
                "reasons": "The vote lacked the quorum; the expulsion is void.",
            },
        )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == "admitted"
    assert member.ended_on is None
    last = member.changes.order_by("-id").first()
    assert (last.from_status, last.to_status, last.effective_on) == ("expelled", "admitted", TODAY)
    assert last.via_appeal
    assert last.decided_by == appeal.heard_by
    assert last.decision_reference == "GA 2026/7"
    history = client.get(url("office-membership-detail", member.pk)).content.decode()
    assert "Expelled → Admitted" in history
    assert "on appeal" in history
    assert actions_on(appeal) == {"members.appeal.lodged", "members.appeal.upheld"}
    assert AuditEntry.objects.filter(
        action="members.membership.admitted",
        target_type="members.membership",
        target_id=str(member.pk),
        data__via_appeal=True,
    ).exists()
    outcome = mail.outbox[-1]
    assert outcome.to == ["rauf@example.org"]
    assert "upheld your appeal" in outcome.body
    assert "Admitted" in outcome.body
    # The representative reads the outcome.
    client.force_login(rep)
    assert "Upheld" in client.get(url("my-appeals")).content.decode()


def test_a_late_appeal_is_refused_with_the_deadline(client, member, rep, secretariat):
    change = decide(member, "expelled", days_ago=40, recorded_days_ago=40)
    deadline = TODAY - datetime.timedelta(days=10)
    client.force_login(rep)
    page = client.get(url("my-appeal-lodge", change.pk)).content.decode()
    assert "The time to appeal this decision ended on" in page
    response = client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS})
    assert response.status_code == 400
    assert "The time to appeal this decision ended on" in response.content.decode()
    assert not Appeal.objects.exists()
    # A letter received after the deadline is refused too; one received in time is recorded.
    client.force_login(secretariat)
    record = url("office-membership-appeal-record", member.pk)
    late = deadline + datetime.timedelta(days=1)
    paper = {"lodged_by": "Leyla Mammadova, chair", "grounds": GROUNDS}
    response = client.post(record, {**paper, "received_on": late.isoformat()})
    assert response.status_code == 400
    assert "The time to appeal this decision ended on" in response.content.decode()
    response = client.post(record, {**paper, "received_on": deadline.isoformat()})
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.received_on, appeal.lodged_by) == (deadline, "Leyla Mammadova, chair")


def test_another_organisations_representative_finds_nothing(
    client, demo_platform, member, django_user_model
):
    change = decide(member, "expelled")
    other = Membership.objects.filter(platform=demo_platform, status="admitted").exclude(
        pk=member.pk
    )[0]
    client.force_login(representative_of(other.organisation, django_user_model, "nigar"))
    assert client.get(url("my-appeal-lodge", change.pk)).status_code == 404
    assert client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS}).status_code == 404
    assert "Lodge an appeal" not in client.get(url("my-appeals")).content.decode()
    assert not Appeal.objects.exists()


def test_another_platforms_secretariat_finds_nothing(
    client, member, rep, django_user_model, django_capture_on_commit_callbacks
):
    change = decide(member, "expelled")
    appeal = services.membership_appeal_lodge(actor=rep, change=change, grounds=GROUNDS)
    stranger = django_user_model.objects.create_user("sec-am", "sec@am.example.org", "pw-am-1234")
    platform_role_grant(
        actor=None,
        user=stranger,
        platform=PlatformFactory(slug="armenia2"),
        role=PlatformRole.Role.SECRETARIAT,
    )
    client.force_login(stranger)
    decision = {"upheld": "1", "decided_on": TODAY.isoformat(), "reasons": "Taken over."}
    assert client.get(url("office-appeal-detail", appeal.pk)).status_code == 404
    assert client.post(url("office-appeal-decide", appeal.pk), decision).status_code == 404
    assert client.get(url("office-membership-appeal-record", member.pk)).status_code == 404
    assert client.get(url("office-appeal-list")).status_code == 404
    # Nor in its own office, where the appeal is not.
    own = reverse("members:office-appeal-detail", args=["armenia2", appeal.pk])
    assert client.get(own).status_code == 404
    appeal.refresh_from_db()
    assert appeal.status == "lodged"


def test_a_dismissed_appeal_leaves_the_member_expelled(
    client, member, secretariat, django_capture_on_commit_callbacks
):
    decide(member, "expelled", days_ago=5)
    client.force_login(secretariat)
    record = url("office-membership-appeal-record", member.pk)
    assert "Against: Expelled" in client.get(record).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            record,
            {"received_on": TODAY.isoformat(), "lodged_by": "The chair", "grounds": GROUNDS},
        )
    appeal = Appeal.objects.get()
    assert [m.to for m in mail.outbox if "Appeal lodged by" in m.subject] == [[secretariat.email]]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("office-appeal-decide", appeal.pk),
            {"upheld": "0", "decided_on": TODAY.isoformat(), "reasons": "The quorum was met."},
        )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == "expelled"
    assert member.changes.order_by("-id").first().to_status == "expelled"
    appeal.refresh_from_db()
    assert appeal.status == "dismissed"
    assert actions_on(appeal) == {"members.appeal.lodged", "members.appeal.dismissed"}
    assert "dismissed your appeal" in mail.outbox[-1].body
    # Decided once.
    again = client.post(
        url("office-appeal-decide", appeal.pk),
        {"upheld": "1", "decided_on": TODAY.isoformat(), "reasons": "Changed our minds."},
    )
    assert again.status_code == 400
    assert "This appeal has already been decided." in again.content.decode()


def test_a_suspension_appeal_upheld_readmits(
    client, member, rep, secretariat, django_capture_on_commit_callbacks
):
    change = decide(member, "suspended", days_ago=3)
    client.force_login(rep)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS})
    appeal = Appeal.objects.get(membership_change=change)
    assert appeal.decision_label == "Suspension"
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("office-appeal-decide", appeal.pk),
            {"upheld": "1", "decided_on": TODAY.isoformat(), "reasons": "Dues were paid."},
        )
    member.refresh_from_db()
    assert member.status == "admitted"
    last = member.changes.order_by("-id").first()
    assert (last.from_status, last.to_status, last.via_appeal) == ("suspended", "admitted", True)


def test_a_decision_superseded_cannot_be_appealed_nor_undone(client, member, rep, secretariat):
    suspension = decide(member, "suspended", days_ago=3)
    appeal = services.membership_appeal_lodge(actor=rep, change=suspension, grounds=GROUNDS)
    decide(member, "expelled")
    client.force_login(secretariat)
    response = client.post(
        url("office-appeal-decide", appeal.pk),
        {"upheld": "1", "decided_on": TODAY.isoformat(), "reasons": "Dues were paid."},
    )
    assert response.status_code == 400
    assert "The membership has changed since the decision appealed" in response.content.decode()
    member.refresh_from_db()
    assert member.status == "expelled"
    client.force_login(rep)
    page = client.get(url("my-appeal-lodge", suspension.pk)).content.decode()
    assert "This decision is no longer in force" in page


def test_the_statute_names_the_body_and_the_deadline(
    client, demo_platform, member, rep, django_capture_on_commit_callbacks
):
    core.statute_adopt(
        actor=None,
        platform=demo_platform,
        title="Statute, 2026 revision",
        effective_from=TODAY - datetime.timedelta(days=1),
        rules={
            "appeals": {
                "expulsion": {
                    "body": "other",
                    "body_name": "Compliance Committee",
                    "deadline_days": 15,
                }
            }
        },
    )
    change = decide(member, "expelled")
    client.force_login(rep)
    page = client.get(url("my-appeal-lodge", change.pk)).content.decode()
    assert "Compliance Committee" in page
    client.post(url("my-appeal-lodge", change.pk), {"grounds": GROUNDS})
    appeal = Appeal.objects.get()
    assert (appeal.heard_by_body, appeal.heard_by) == ("other", "Compliance Committee")
    assert appeal.deadline == TODAY + datetime.timedelta(days=15)


def test_statute_appeal_rules_are_validated_with_clear_messages():
    with pytest.raises(RulesError) as error:
        StatuteRules.from_dict(
            {
                "appeals": {
                    "exclusion": {"body": "general_assembly"},
                    "expulsion": {"body": "general_asembly", "deadline_days": 0},
                    "suspension": {"body": "other"},
                    "rejection": "board",
                }
            }
        )
    assert error.value.problems == [
        "appeals.exclusion: 'exclusion' is not one of rejection, suspension, expulsion",
        "appeals.expulsion.body: 'general_asembly' is not one of general_assembly, board, "
        "steering_committee, annual_assembly, other",
        "appeals.expulsion.deadline_days: 0 is less than 1",
        "appeals.suspension.body_name: name the body that hears the appeal (body is other)",
        "appeals.rejection: must be an object with body and deadline_days",
    ]
    rules = StatuteRules.from_dict({"appeals": {"expulsion": {"deadline_days": 60}}})
    assert rules.appeal("expulsion").deadline_days == 60
    assert rules.appeal("suspension").body == "general_assembly"
    assert StatuteRules.from_dict(rules.to_dict()) == rules


def test_the_office_lists_appeals_within_a_query_budget(client, demo_platform, secretariat):
    platform = demo_platform

    def expelled_appeal(_):
        membership = MembershipFactory(platform=platform, admitted_on=datetime.date(2015, 1, 1))
        change = decide(membership, "expelled")
        return services.membership_appeal_lodge(
            actor=None, change=change, grounds=GROUNDS, received_on=TODAY
        )

    client.force_login(secretariat)
    response = assert_page_budget(
        client,
        url("office-appeal-list"),
        lambda n: [expelled_appeal(i) for i in range(n)],
        ceiling=12,
    )
    assert response.content.decode().count("Expulsion") >= 9


def test_a_rejected_applicant_appeals_within_the_statutes_deadline(
    client, demo_platform, secretariat, django_capture_on_commit_callbacks
):
    from platforma.members.models import Application
    from platforma.testing.factories import OrganisationFactory

    def rejected(days_ago):
        organisation = OrganisationFactory()
        membership = Membership.objects.create(
            platform=demo_platform, organisation=organisation, status="rejected"
        )
        decided_on = TODAY - datetime.timedelta(days=days_ago)
        change = MembershipChange.objects.create(
            membership=membership,
            from_status="under_review",
            to_status="rejected",
            effective_on=decided_on,
        )
        MembershipChange.objects.filter(pk=change.pk).update(
            recorded_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        return Application.objects.create(
            platform=demo_platform,
            organisation=organisation,
            membership=membership,
            contact_name="Aysel",
            contact_email="aysel@example.org",
            decided_on=decided_on,
        )

    late = rejected(40)
    status = reverse("members:application-status", args=["azerbaijan", late.token])
    html = client.get(status).content.decode()
    assert "The time to appeal this decision ended on" in html
    assert "Lodge the appeal" not in html
    client.post(status, {"grounds": GROUNDS})
    assert not Appeal.objects.exists()

    in_time = rejected(2)
    status = reverse("members:application-status", args=["azerbaijan", in_time.token])
    assert "it must be lodged by" in client.get(status).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(status, {"grounds": GROUNDS})
    appeal = Appeal.objects.get(application=in_time)
    assert appeal.deadline == TODAY + datetime.timedelta(days=28)
    assert appeal.heard_by_body == "general_assembly"
    assert [m.to for m in mail.outbox if "Appeal lodged by" in m.subject] == [[secretariat.email]]
