"""The secretariat's working-group pages: member lists, enrolling and ending, over HTTP."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import escape

from platforma.core import services as core
from platforma.core.models import AuditEntry, today_in
from platforma.members.models import Membership
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PlatformFactory, WorkingGroupFactory
from platforma.workinggroups import services
from platforma.workinggroups.models import Enrolment, WorkingGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def sec(demo_platform, django_user_model):
    user = django_user_model.objects.create_user("sec-wg", password="pw-wg-1234567")
    core.platform_role_grant(actor=None, user=user, platform=demo_platform, role="secretariat")
    return user


@pytest.fixture
def other_sec(django_user_model):
    user = django_user_model.objects.create_user("sec-arm", password="pw-arm-123456")
    core.platform_role_grant(
        actor=None, user=user, platform=PlatformFactory(slug="armenia"), role="secretariat"
    )
    return user


def url(name, *args, slug="azerbaijan"):
    return reverse(f"workinggroups:{name}", args=[slug, *args])


def outsider(group):
    """An admitted member of the group's platform that is not in the group."""
    return (
        Membership.objects.filter(platform=group.platform, status="admitted")
        .exclude(enrolments__working_group=group, enrolments__until__isnull=True)
        .select_related("organisation")
        .first()
    )


def _enrol(group, membership=None):
    membership = membership or MembershipFactory(platform=group.platform)
    return Enrolment.objects.create(
        working_group=group, membership=membership, since=datetime.date(2014, 1, 1)
    )


def test_group_list_in_a_fixed_number_of_queries(client, sec, demo_platform):
    group = demo_platform.working_groups.get(slug="wg1")
    added = []

    def add_groups(n):
        for _ in range(n):
            added.append(WorkingGroupFactory(platform=demo_platform, slug=f"budget{len(added)}"))
            _enrol(added[-1])

    client.force_login(sec)
    response = assert_page_budget(client, url("office-group-list"), add_groups, ceiling=10)
    assert group.name in response.content.decode()
    assert added[-1].name in response.content.decode()


def test_group_detail_in_a_fixed_number_of_queries(client, sec, demo_platform):
    group = demo_platform.working_groups.get(slug="wg1")
    client.force_login(sec)
    response = assert_page_budget(
        client,
        url("office-group-detail", group.pk),
        lambda n: [_enrol(group) for _ in range(n)],
        ceiling=14,
    )
    html = response.content.decode()
    enrolled = Enrolment.objects.filter(working_group=group, until__isnull=True)
    assert enrolled.count() > 5
    for enrolment in enrolled.select_related("membership__organisation"):
        assert escape(enrolment.membership.organisation.legal_name) in html


def test_enrol_a_member(client, sec, demo_platform):
    group = demo_platform.working_groups.get(slug="wg1")
    member = outsider(group)
    client.force_login(sec)
    today = today_in(demo_platform)
    response = client.post(
        url("office-enrolment-add", group.pk),
        {"membership": member.pk, "since": today.isoformat()},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(working_group=group, membership=member, until__isnull=True)
    assert enrolment.since == today
    entry = AuditEntry.objects.get(
        action="workinggroups.enrolment.added", target_id=str(enrolment.pk)
    )
    assert entry.actor == sec


@pytest.mark.parametrize(
    ("since", "message"),
    [
        # Before the member was admitted: not in good standing that day (the statute's check).
        ("2001-01-01", "Only members in good standing can join a working group."),
        ("tomorrow", "cannot be in the future"),
    ],
)
def test_refusals_say_why_and_write_nothing(client, sec, demo_platform, since, message):
    group = demo_platform.working_groups.get(slug="wg1")
    member = outsider(group)
    if since == "tomorrow":
        since = (today_in(demo_platform) + datetime.timedelta(days=1)).isoformat()
    client.force_login(sec)
    before = Enrolment.objects.count(), AuditEntry.objects.count()
    response = client.post(
        url("office-enrolment-add", group.pk), {"membership": member.pk, "since": since}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Enrolment.objects.count(), AuditEntry.objects.count()) == before


def test_a_suspended_member_is_not_offered(demo_platform):
    from platforma.members import services as members
    from platforma.workinggroups.forms import EnrolForm

    group = demo_platform.working_groups.get(slug="wg1")
    member = outsider(group)
    members.membership_transition(
        actor=None,
        membership=member,
        to_status="suspended",
        effective_on=today_in(demo_platform),
    )
    form = EnrolForm(platform=demo_platform, working_group=group)
    assert member not in form.fields["membership"].queryset
    assert all(m.platform_id == demo_platform.pk for m in form.fields["membership"].queryset)


def test_end_an_enrolment_after_confirmation(client, sec, demo_platform):
    enrolment = Enrolment.objects.filter(
        working_group__platform=demo_platform, until__isnull=True
    ).first()
    client.force_login(sec)
    end = url("office-enrolment-end", enrolment.pk)
    today = today_in(demo_platform)
    assert client.get(end).status_code == 200
    assert client.post(end, {"until": today.isoformat()}).status_code == 400  # not confirmed
    enrolment.refresh_from_db()
    assert enrolment.until is None
    response = client.post(end, {"until": today.isoformat(), "confirm": "on"})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.until == today
    assert (
        AuditEntry.objects.get(
            action="workinggroups.enrolment.ended", target_id=str(enrolment.pk)
        ).actor
        == sec
    )
    response = client.post(end, {"until": today.isoformat(), "confirm": "on"})
    assert response.status_code == 400
    assert "already ended" in response.content.decode()


def test_another_platforms_secretariat_is_refused(client, other_sec, demo_platform):
    group = demo_platform.working_groups.get(slug="wg1")
    enrolment = Enrolment.objects.filter(working_group=group, until__isnull=True).first()
    member = outsider(group)
    client.force_login(other_sec)
    assert client.get(url("office-group-detail", group.pk, slug="armenia")).status_code == 404
    assert client.get(url("office-group-detail", group.pk)).status_code == 404
    response = client.post(
        url("office-enrolment-add", group.pk, slug="armenia"),
        {"membership": member.pk, "since": "2015-01-01"},
    )
    assert response.status_code == 404
    response = client.post(
        url("office-enrolment-end", enrolment.pk, slug="armenia"),
        {"until": "2015-01-01", "confirm": "on"},
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.enrolment_add(
            actor=other_sec, working_group=group, membership=member, since=datetime.date(2015, 1, 1)
        )
    with pytest.raises(PermissionDenied):
        services.enrolment_end(
            actor=other_sec, enrolment=enrolment, until=datetime.date(2015, 1, 1)
        )
    with pytest.raises(PermissionDenied):
        services.working_group_create(
            actor=other_sec, platform=demo_platform, slug="wg9", name_en="Hostile"
        )
    enrolment.refresh_from_db()
    assert enrolment.until is None
    assert not WorkingGroup.objects.filter(slug="wg9").exists()
    assert not Enrolment.objects.filter(working_group=group, membership=member).exists()
