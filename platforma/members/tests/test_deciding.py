"""The secretariat's side: eligibility, review, decision by the statute's body, appeals."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from platforma.core import services as core
from platforma.members import services
from platforma.members.models import Application, Recommendation
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PlatformFactory
from platforma.workinggroups.models import Enrolment

from .conftest import with_documents

pytestmark = pytest.mark.django_db
# The demo platform's own date (Asia/Baku): between 20:00 and 24:00 UTC it is already
# tomorrow there, and a decision dated "today" in UTC would precede the application.
TODAY = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Baku")).date()


@pytest.fixture
def application(client, demo_platform, application_data):
    client.post(reverse("members:join", args=["azerbaijan"]), with_documents(application_data))
    return Application.objects.get(organisation__legal_name_en="Clean Air Public Union")


def office(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"members:{name}", args=["azerbaijan", *args])


def confirm_all(application):
    for recommendation in application.recommendations.all():
        services.recommendation_respond(
            recommendation=recommendation, confirm=True, responder_name="Rep"
        )


def test_eligibility_is_shown_per_criterion(client, application, secretariat):
    client.force_login(secretariat)
    response = client.get(office("office-application-detail", application.pk))
    criteria = {c.key: c for c in response.context["criteria"]}
    assert criteria["registered"].passed  # registered 2015, two years needed
    assert criteria["experience"].passed
    assert criteria["document:registration_extract"].passed
    assert (
        "10 days before the application; at most 30"
        in criteria["document:registration_extract"].reason
    )
    assert not criteria["recommendations"].passed
    assert criteria["recommendations"].reason == "0 confirmed of 2 needed."
    assert criteria["declaration:no_public_officials"].passed
    confirm_all(application)
    response = client.get(office("office-application-detail", application.pk))
    assert all(c.passed for c in response.context["criteria"])
    assert "✓ meets" in response.content.decode()


def test_a_young_organisation_fails_the_years_criterion(client, application, secretariat):
    organisation = application.organisation
    organisation.registration_date = TODAY - datetime.timedelta(days=400)
    organisation.save()
    client.force_login(secretariat)
    criteria = {
        c.key: c
        for c in client.get(office("office-application-detail", application.pk)).context["criteria"]
    }
    assert not criteria["registered"].passed
    assert criteria["registered"].reason.startswith("1 full year by the application date")


def test_admission_by_the_board(
    client, application, secretariat, django_capture_on_commit_callbacks
):
    confirm_all(application)
    client.force_login(secretariat)
    client.post(office("office-application-review", application.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            office("office-application-decide", application.pk),
            {"admit": "1", "decided_on": TODAY.isoformat(), "decision_reference": "BG-2026-07"},
        )
    assert response.status_code == 302
    membership = application.membership
    membership.refresh_from_db()
    assert membership.status == "admitted"
    assert membership.changes.last().decided_by == "Board of Governance"
    assert [e.working_group.slug for e in membership.enrolments.all()] == ["wg3"]
    assert mail.outbox[-1].subject == "Welcome to Azerbaijan National Platform"
    # The new member is in the public directory, in every language.
    for lang in ("en", "az"):
        with translation.override(lang):
            url = reverse("website:member-list", args=["azerbaijan"])
        html = client.get(url, {"q": "Clean Air"}).content.decode()
        assert "Clean Air Public Union" in html


def test_rejection_needs_reasons_and_can_be_appealed(
    client, application, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    client.post(office("office-application-review", application.pk))
    url = office("office-application-decide", application.pk)
    response = client.post(url, {"admit": "0", "decided_on": TODAY.isoformat()})
    assert response.status_code == 400
    assert "Give the reasons for a rejection" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"admit": "0", "decided_on": TODAY.isoformat(), "reasons": "No recommendation."},
        )
    application.membership.refresh_from_db()
    assert application.membership.status == "rejected"
    assert "No recommendation." in mail.outbox[-1].body
    # The applicant appeals through its own link.
    client.logout()
    status_url = reverse("members:application-status", args=["azerbaijan", application.token])
    assert "Lodge an appeal" in client.get(status_url).content.decode()
    client.post(status_url, {"grounds": "Both recommenders were travelling; they confirm now."})
    appeal = application.appeals.get()
    assert appeal.status == "lodged"
    assert "Lodge an appeal" not in client.get(status_url).content.decode()
    # The secretariat records the outcome: upheld sends the application back to review.
    client.force_login(secretariat)
    client.post(
        office("office-appeal-decide", appeal.pk),
        {
            "upheld": "1",
            "decided_on": TODAY.isoformat(),
            "heard_by": "Compliance Committee",
            "reasons": "The recommenders confirmed.",
        },
    )
    application.membership.refresh_from_db()
    assert application.membership.status == "under_review"
    assert application.membership.ended_on is None


def test_board_then_assembly_needs_the_boards_opinion(client, application, secretariat):
    platform = application.platform
    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute, 2020 revision",
        effective_from=datetime.date(2020, 1, 1),
        rules={"admission": {"decided_by": "board_then_assembly"}},
    )
    client.force_login(secretariat)
    client.post(office("office-application-review", application.pk))
    decide = office("office-application-decide", application.pk)
    response = client.post(decide, {"admit": "1", "decided_on": TODAY.isoformat()})
    assert (
        "opinion must be recorded before the General Assembly decides" in response.content.decode()
    )
    client.post(
        office("office-application-opinion", application.pk),
        {"opinion": "admit", "given_on": TODAY.isoformat(), "reference": "BG-2026-09"},
    )
    client.post(decide, {"admit": "1", "decided_on": TODAY.isoformat()})
    application.membership.refresh_from_db()
    assert application.membership.status == "admitted"
    assert application.membership.changes.last().decided_by == "General Assembly"


def test_recommendations_cannot_change_after_the_decision(client, application, secretariat):
    client.force_login(secretariat)
    client.post(office("office-application-review", application.pk))
    client.post(
        office("office-application-decide", application.pk),
        {"admit": "0", "decided_on": TODAY.isoformat(), "reasons": "Not eligible."},
    )
    recommendation = application.recommendations.first()
    with pytest.raises(Exception, match="already been decided"):
        services.recommendation_respond(
            recommendation=recommendation, confirm=True, responder_name="Late"
        )
    assert Recommendation.objects.get(pk=recommendation.pk).status == "requested"


class TestWhoMaySeeWhat:
    def test_anonymous_visitors_are_sent_to_log_in(self, client, application):
        for url in (
            office("office-home"),
            office("office-application-list"),
            office("office-application-detail", application.pk),
            office("office-document", application.documents.first().pk),
            office("office-member-list"),
            office("office-member-export", "csv"),
        ):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/en/accounts/login/")

    def test_another_platforms_secretariat_gets_404(self, client, application, django_user_model):
        other = PlatformFactory(slug="georgia")
        user = django_user_model.objects.create_user("sec-ge", password="pw-sec-123456")
        core.platform_role_grant(actor=None, user=user, platform=other, role="secretariat")
        client.force_login(user)
        for url in (
            office("office-application-detail", application.pk),
            office("office-document", application.documents.first().pk),
            office("office-member-export", "xlsx"),
        ):
            assert client.get(url).status_code == 404, url
        # Its own platform's office does not list this application either.
        with translation.override("en"):
            own = reverse("members:office-application-detail", args=["georgia", application.pk])
        assert client.get(own).status_code == 404
        response = client.post(office("office-application-review", application.pk))
        assert response.status_code == 404
        application.membership.refresh_from_db()
        assert application.membership.status == "applied"

    def test_a_member_representative_is_not_the_secretariat(
        self, client, application, django_user_model
    ):
        user = django_user_model.objects.create_user("rep", password="pw-rep-123456")
        client.force_login(user)
        assert client.get(office("office-application-detail", application.pk)).status_code == 404

    def test_the_secretariat_downloads_documents(self, client, application, secretariat):
        client.force_login(secretariat)
        document = application.documents.get(kind="statute")
        response = client.get(office("office-document", document.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert 'filename="statute.pdf"' in response["Content-Disposition"]
        # An applicant's upload never runs in the secretariat's browser.
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith("sandbox")

    def test_an_application_token_only_opens_its_own_platform(self, client, application):
        PlatformFactory(slug="georgia")
        url = reverse("members:application-status", args=["georgia", application.token])
        assert client.get(url).status_code == 404


def _applicant(platform):
    """An application as the join form leaves it, with a working group and a recommender."""
    membership = MembershipFactory(platform=platform, status="applied", admitted_on=None)
    application = Application.objects.create(
        platform=platform,
        organisation=membership.organisation,
        membership=membership,
        contact_name="Contact",
        contact_email="contact@example.org",
    )
    application.working_groups.add(platform.working_groups.first())
    Recommendation.objects.create(
        application=application, recommender=platform.memberships.filter(status="admitted").first()
    )
    return application


def test_office_application_list_has_a_query_budget(client, application, secretariat):
    platform = application.platform
    client.force_login(secretariat)
    response = assert_page_budget(
        client,
        office("office-application-list"),
        lambda n: [_applicant(platform) for _ in range(n)],
        data={"status": "all"},
        ceiling=12,
    )
    assert response.content.decode().count("Civic Organisation") >= 9


def test_office_member_list_has_a_query_budget(client, application, secretariat):
    platform = application.platform
    group = platform.working_groups.get(slug="wg1")

    def add_members(n):
        for _ in range(n):
            membership = MembershipFactory(platform=platform)
            Enrolment.objects.create(
                working_group=group, membership=membership, since=datetime.date(2014, 1, 1)
            )

    client.force_login(secretariat)
    assert_page_budget(client, office("office-member-list"), add_members, ceiling=12)
