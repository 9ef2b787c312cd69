"""The back office (Django admin) by role: who sees which platform's records; what is audited."""

import datetime

import pytest
from django.urls import reverse

from platforma.core import services
from platforma.core.models import AuditEntry, PlatformRole
from platforma.members.models import Membership
from platforma.testing.factories import MembershipFactory, OrganisationFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_platforms():
    return PlatformFactory(slug="armenia"), PlatformFactory(slug="belarus")


@pytest.fixture
def secretariat_of(django_user_model):
    def make(platform):
        user = django_user_model.objects.create_user(f"sec-{platform.slug}", password="pw-12345678")
        services.platform_role_grant(
            actor=None, user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
        )
        return user

    return make


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def test_anonymous_visitors_are_sent_to_login(client, two_platforms):
    membership = MembershipFactory(platform=two_platforms[0])
    for url in (
        admin_url("index"),
        admin_url("members_membership_changelist"),
        admin_url("members_membership_change", membership.pk),
        admin_url("core_auditentry_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_a_secretariat_sees_only_its_platform(client, two_platforms, secretariat_of):
    armenia, belarus = two_platforms
    own = MembershipFactory(platform=armenia)
    other = MembershipFactory(platform=belarus)
    client.force_login(secretariat_of(armenia))

    response = client.get(admin_url("members_membership_changelist"))
    assert response.status_code == 200
    shown = {m.pk for m in response.context["cl"].result_list}
    assert shown == {own.pk}
    assert client.get(admin_url("members_membership_change", own.pk)).status_code == 200
    # Another platform's record does not exist for this user: 404 (the admin redirects to
    # its index with a message, which reveals nothing either).
    response = client.get(admin_url("members_membership_change", other.pk))
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == admin_url("index")
    response = client.get(admin_url("core_platform_change", belarus.pk))
    assert response.status_code in (302, 404)
    # Roles and other platforms are the Forum secretariat's business.
    assert client.get(admin_url("core_platformrole_changelist")).status_code == 403


def test_the_forum_secretariat_sees_every_platform(client, two_platforms, forum_secretariat):
    for platform in two_platforms:
        MembershipFactory(platform=platform)
    client.force_login(forum_secretariat)
    response = client.get(admin_url("members_membership_changelist"))
    assert len(response.context["cl"].result_list) == 2


def test_audit_log_is_read_only_and_scoped(client, two_platforms, secretariat_of):
    armenia, belarus = two_platforms
    services.platform_update(actor=None, platform=armenia, website="https://am.example.org/")
    services.platform_update(actor=None, platform=belarus, website="https://by.example.org/")
    client.force_login(secretariat_of(armenia))
    response = client.get(admin_url("core_auditentry_changelist"))
    assert response.status_code == 200
    platforms = {e.platform_id for e in response.context["cl"].result_list}
    assert platforms == {armenia.pk}
    entry = AuditEntry.objects.filter(platform=armenia).first()
    response = client.post(admin_url("core_auditentry_change", entry.pk), {"action": "forged"})
    assert response.status_code == 403
    assert client.post(admin_url("core_auditentry_delete", entry.pk)).status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == entry.action


def test_adding_a_member_in_the_admin_goes_through_the_service(
    client, two_platforms, secretariat_of
):
    armenia, _ = two_platforms
    organisation = OrganisationFactory()
    user = secretariat_of(armenia)
    client.force_login(user)
    response = client.post(
        admin_url("members_membership_add"),
        {
            "platform": armenia.pk,
            "organisation": organisation.pk,
            "admitted_on": "2012-04-05",
            "decided_by": "General Assembly",
            "changes-TOTAL_FORMS": "0",
            "changes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(platform=armenia, organisation=organisation)
    assert membership.status == "admitted"
    assert membership.changes.get().effective_on == datetime.date(2012, 4, 5)
    entry = AuditEntry.objects.get(
        action="members.membership.recorded", target_id=str(membership.pk)
    )
    assert entry.actor == user


def test_admin_edit_is_audited_with_before_and_after(client, two_platforms, forum_secretariat):
    armenia, _ = two_platforms
    organisation = OrganisationFactory(legal_name_en="Old Name")
    MembershipFactory(platform=armenia, organisation=organisation)
    client.force_login(forum_secretariat)
    url = admin_url("members_organisation_change", organisation.pk)
    form = client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update(
        {
            "legal_name_en": "New Name",
            "registration_date": "2005-05-05",
            "representatives-TOTAL_FORMS": "0",
            "representatives-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="admin.members.organisation.updated")
    assert entry.data["changes"]["legal_name_en"] == {"before": "Old Name", "after": "New Name"}
    assert entry.actor == forum_secretariat
