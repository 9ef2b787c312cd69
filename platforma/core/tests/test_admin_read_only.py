"""Django's admin writes nothing of the project's: one door, the office, for every write.

The walk over ``admin.site._registry`` fails on any project model that can be added, changed or
deleted there, by anyone (the superuser included); ballots and voter records are not in the admin
at all; a platform's secretariat does not get into the admin; and a forged POST changes nothing.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from platforma.core import services
from platforma.core.models import AuditEntry, Platform, PlatformRole
from platforma.members.models import Membership
from platforma.testing.factories import MembershipFactory, PlatformFactory

pytestmark = pytest.mark.django_db


# Libraries whose admin would otherwise lift a lockout, replace a person's second factor or drop
# a queued e-mail with no audit record (issue 13).
GUARDED_LIBRARIES = ("axes", "django_otp", "django_tasks_db")


def project_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_config.name.startswith(("platforma.", *GUARDED_LIBRARIES))
    ]


def test_no_project_model_is_writable_in_the_admin(forum_secretariat):
    request = RequestFactory().get("/")
    request.user = forum_secretariat
    writable = []
    labels = {model._meta.label for model, _ in project_admins()}
    assert {"axes.AccessAttempt", "otp_totp.TOTPDevice", "otp_static.StaticDevice"} <= labels
    assert "django_tasks_database.DBTaskResult" in labels
    for model, model_admin in project_admins():
        obj = model()
        for what, allowed in (
            ("add", model_admin.has_add_permission(request)),
            ("change", model_admin.has_change_permission(request)),
            ("change one", model_admin.has_change_permission(request, obj)),
            ("delete", model_admin.has_delete_permission(request)),
            ("delete one", model_admin.has_delete_permission(request, obj)),
            ("bulk actions", bool(model_admin.get_actions(request))),
        ):
            if allowed:
                writable.append((model._meta.label, what))
        for inline in model_admin.get_inline_instances(request, obj):
            for what, allowed in (
                ("inline add", inline.has_add_permission(request, obj)),
                ("inline change", inline.has_change_permission(request, obj)),
                ("inline delete", inline.has_delete_permission(request, obj)),
            ):
                if allowed:
                    writable.append((model._meta.label, what))
    assert project_admins(), "the walk found no admin at all"
    assert writable == []


def test_ballots_and_voter_records_are_not_in_the_admin():
    labels = {model._meta.label for model in admin.site._registry}
    assert "elections.Ballot" not in labels
    assert "elections.VoterRecord" not in labels
    assert "elections.PaperBallotEntry" not in labels


def test_a_platforms_secretariat_does_not_get_into_the_admin(client, django_user_model):
    platform = PlatformFactory(slug="armenia")
    user = django_user_model.objects.create_user("sec", password="pw-12345678")
    services.platform_role_grant(
        actor=None, user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
    )
    user.refresh_from_db()
    assert not user.is_staff  # the office checks the role: no staff status is needed
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    # Even were it made staff by hand, the admin is the superuser's alone.
    user.is_staff = True
    user.save()
    response = client.get(reverse("admin:members_membership_changelist"))
    assert response.status_code == 302


def test_the_superuser_inspects_but_a_forged_post_changes_nothing(client, forum_secretariat):
    armenia = PlatformFactory(slug="armenia")
    membership = MembershipFactory(platform=armenia)
    client.force_login(forum_secretariat)
    change = reverse("admin:members_membership_change", args=[membership.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert membership.organisation.legal_name in page.content.decode()
    audit_before = AuditEntry.objects.count()

    response = client.post(change, {"status": "expelled", "platform": armenia.pk})
    assert response.status_code == 403
    response = client.post(reverse("admin:core_platform_add"), {"slug": "narnia", "name": "Narnia"})
    assert response.status_code == 403
    response = client.post(
        reverse("admin:members_membership_delete", args=[membership.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ADMITTED
    assert not Platform.objects.filter(slug="narnia").exists()
    assert AuditEntry.objects.count() == audit_before


def test_the_superuser_still_manages_django_accounts_there(client, forum_secretariat):
    """Users and groups are Django's own tables: the admin keeps them writable."""
    client.force_login(forum_secretariat)
    assert client.get(reverse("admin:auth_user_add")).status_code == 200


def test_a_forged_post_removes_no_second_factor_there(client, forum_secretariat, django_user_model):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person = django_user_model.objects.create_user("sec2", "sec2@example.org", "pw-sec-2-long")
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    client.force_login(forum_secretariat)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    add = reverse("admin:otp_totp_totpdevice_add")
    assert client.post(add, {"user": person.pk, "name": "mine"}).status_code == 403
    assert TOTPDevice.objects.filter(user=person).count() == 1
