"""A working group's coordinators in the office: derived from their mandates in force, they
manage their group's page and enrolments, and find nothing of another group or of the
membership (ARCHITECTURE rule 12; docs/office.md, "Working-group coordinators")."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from platforma.core.models import AuditEntry, today_in
from platforma.core.permissions import coordinated_group_ids, may_coordinate
from platforma.core.services import platform_role_grant
from platforma.testing.factories import (
    MembershipFactory,
    PlatformFactory,
    WorkingGroupFactory,
    coordinator_of,
)
from platforma.workinggroups import services
from platforma.workinggroups.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform():
    return PlatformFactory(slug="testland", time_zone="Asia/Baku")


@pytest.fixture
def groups(platform):
    wg1 = WorkingGroupFactory(platform=platform, slug="wg1", name_en="Economy")
    wg2 = WorkingGroupFactory(platform=platform, slug="wg2", name_en="Environment")
    sub = WorkingGroupFactory(platform=platform, slug="wg1-energy", name_en="Energy", parent=wg1)
    return wg1, wg2, sub


@pytest.fixture
def coordinator(groups, django_user_model):
    user = django_user_model.objects.create_user("coord", password="pw-coord-12345")
    coordinator_of(groups[0], user)
    return user


@pytest.fixture
def client_of(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def url(name, *args, slug="testland"):
    return reverse(f"workinggroups:{name}", args=[slug, *args])


# --- Who coordinates what ------------------------------------------------------------------


def test_coordinated_groups_come_from_mandates_in_force(platform, groups, coordinator):
    wg1, wg2, sub = groups
    assert coordinated_group_ids(coordinator, platform) == {wg1.pk, sub.pk}
    assert may_coordinate(coordinator, platform, sub.pk)
    assert not may_coordinate(coordinator, platform, wg2.pk)
    assert coordinated_group_ids(coordinator, PlatformFactory(slug="elsewhere")) == frozenset()
    coordinator.is_active = False
    assert coordinated_group_ids(coordinator, platform) == frozenset()


def test_a_sub_group_coordinator_coordinates_only_the_sub_group(
    platform, groups, django_user_model
):
    wg1, _wg2, sub = groups
    user = django_user_model.objects.create_user("sub-coord", password="pw-coord-12345")
    coordinator_of(sub, user)
    assert coordinated_group_ids(user, platform) == {sub.pk}


def test_a_coordinator_whose_mandate_ended_loses_access_the_next_day(
    client_of, platform, groups, django_user_model
):
    today = today_in(platform)
    user = django_user_model.objects.create_user("leaving", password="pw-coord-12345")
    coordinator_of(groups[0], user, starts_on=datetime.date(2022, 1, 1), ends_on=today)
    assert groups[0].pk in coordinated_group_ids(user, platform, today)
    assert coordinated_group_ids(user, platform, today + datetime.timedelta(days=1)) == set()
    client = client_of(user)
    assert client.get(url("office-group-list")).status_code == 200  # their last day

    ended = django_user_model.objects.create_user("left", password="pw-coord-12345")
    yesterday = today - datetime.timedelta(days=1)
    coordinator_of(groups[0], ended, starts_on=datetime.date(2022, 1, 1), ends_on=yesterday)
    client = client_of(ended)
    assert client.get(url("office-group-list")).status_code == 404
    assert client.get(url("office-group-detail", groups[0].pk)).status_code == 404


# --- Their group's pages -------------------------------------------------------------------


def test_the_list_shows_only_their_groups_and_the_menu_only_their_pages(
    client_of, groups, coordinator
):
    wg1, wg2, sub = groups
    response = client_of(coordinator).get(url("office-group-list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Economy" in page
    assert "Energy" in page
    assert "Environment" not in page
    assert "My working groups" in page  # the header's door and the coordinator's menu
    assert f'href="{reverse("members:office-home", args=["testland"])}"' not in page
    assert reverse("members:office-application-list", args=["testland"]) not in page
    assert reverse("activities:office-event-list", args=["testland"]) in page


def test_coordinator_edits_their_groups_page_text_with_an_audit_entry(
    client_of, groups, coordinator
):
    wg1 = groups[0]
    client = client_of(coordinator)
    form = client.get(url("office-group-edit", wg1.pk))
    assert form.status_code == 200
    version = form.context["form"]["seen_version"].value()
    response = client.post(
        url("office-group-edit", wg1.pk),
        {
            "name_en": "Economy",
            "description_en": "Budgets, taxes and public money.",
            "description_ru": "Бюджеты, налоги и государственные деньги.",
            "seen_version": version,
        },
    )
    assert response.status_code == 302
    wg1.refresh_from_db()
    assert wg1.description_en == "Budgets, taxes and public money."
    assert wg1.description_ru == "Бюджеты, налоги и государственные деньги."
    entry = AuditEntry.objects.get(action="workinggroups.working_group.updated")
    assert entry.actor_id == coordinator.pk
    assert "description_en" in entry.data["changes"]


def test_the_name_in_the_default_language_is_required(client_of, groups, coordinator):
    wg1 = groups[0]
    response = client_of(coordinator).post(
        url("office-group-edit", wg1.pk), {"name_en": " ", "description_en": "x"}
    )
    assert response.status_code == 400
    wg1.refresh_from_db()
    assert wg1.name_en == "Economy"
    assert not wg1.description_en


def test_coordinator_enrols_a_member_within_the_statutes_rules(
    client_of, platform, groups, coordinator
):
    wg1 = groups[0]
    member = MembershipFactory(platform=platform, admitted_on=datetime.date(2015, 3, 1))
    client = client_of(coordinator)
    page = client.get(url("office-group-detail", wg1.pk)).content.decode()
    assert member.organisation.legal_name in page  # a live member of the platform is offered
    # Before its admission it was not a member in good standing: refused, nothing written.
    refused = client.post(
        url("office-enrolment-add", wg1.pk), {"membership": member.pk, "since": "2014-01-01"}
    )
    assert refused.status_code == 400
    assert "Only members in good standing can join" in refused.content.decode()
    assert not Enrolment.objects.exists()
    done = client.post(
        url("office-enrolment-add", wg1.pk), {"membership": member.pk, "since": "2016-01-01"}
    )
    assert done.status_code == 302
    enrolment = Enrolment.objects.get(working_group=wg1, membership=member)
    assert AuditEntry.objects.filter(
        action="workinggroups.enrolment.added", actor_id=coordinator.pk
    ).exists()
    ended = client.post(
        url("office-enrolment-end", enrolment.pk), {"until": "2020-01-01", "confirm": "on"}
    )
    assert ended.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.until == datetime.date(2020, 1, 1)


def test_another_platforms_member_is_neither_offered_nor_accepted(
    client_of, platform, groups, coordinator
):
    stranger = MembershipFactory(platform=PlatformFactory(slug="elsewhere"))
    response = client_of(coordinator).post(
        url("office-enrolment-add", groups[0].pk),
        {"membership": stranger.pk, "since": "2016-01-01"},
    )
    assert response.status_code == 400
    assert not Enrolment.objects.exists()


# --- Nothing of another group, nor of the membership ---------------------------------------


def test_another_groups_pages_are_not_found(client_of, platform, groups, coordinator):
    _wg1, wg2, _sub = groups
    member = MembershipFactory(platform=platform)
    theirs = Enrolment.objects.create(
        working_group=wg2, membership=member, since=datetime.date(2016, 1, 1)
    )
    client = client_of(coordinator)
    assert client.get(url("office-group-detail", wg2.pk)).status_code == 404
    assert client.get(url("office-group-edit", wg2.pk)).status_code == 404
    assert client.post(url("office-group-edit", wg2.pk), {"name_en": "Ours"}).status_code == 404
    assert (
        client.post(
            url("office-enrolment-add", wg2.pk), {"membership": member.pk, "since": "2016-01-01"}
        ).status_code
        == 404
    )
    assert client.get(url("office-enrolment-end", theirs.pk)).status_code == 404
    assert (
        client.post(
            url("office-enrolment-end", theirs.pk), {"until": "2020-01-01", "confirm": "on"}
        ).status_code
        == 404
    )
    theirs.refresh_from_db()
    wg2.refresh_from_db()
    assert theirs.until is None
    assert wg2.name_en == "Environment"


def test_the_membership_and_governance_pages_are_not_found(client_of, platform, coordinator):
    member = MembershipFactory(platform=platform)
    client = client_of(coordinator)
    for name, args in (
        ("members:office-home", []),
        ("members:office-member-list", []),
        ("members:office-application-list", []),
        ("members:office-membership-detail", [member.pk]),
        ("governance:office-office-list", []),
        ("meetings:meeting-list", []),
        ("elections:office-list", []),
        ("publications:office-stakeholder-list", []),
        ("activities:office-eventkind-list", []),
    ):
        assert client.get(reverse(name, args=["testland", *args])).status_code == 404, name
    forged = client.post(
        reverse("members:office-membership-transition", args=["testland", member.pk]),
        {"to_status": "expelled", "effective_on": "2020-01-01", "reason": "forged"},
    )
    assert forged.status_code == 404
    member.refresh_from_db()
    assert member.status == "admitted"


def test_the_services_refuse_another_group_whatever_the_page(platform, groups, coordinator):
    _wg1, wg2, _sub = groups
    member = MembershipFactory(platform=platform)
    with pytest.raises(PermissionDenied):
        services.working_group_text_update(
            actor=coordinator, working_group=wg2, description_en="Taken over"
        )
    with pytest.raises(PermissionDenied):
        services.enrolment_add(
            actor=coordinator,
            working_group=wg2,
            membership=member,
            since=datetime.date(2016, 1, 1),
        )
    with pytest.raises(Exception, match="cannot be changed here"):
        services.working_group_text_update(actor=coordinator, working_group=groups[0], slug="x")


def test_the_secretariat_still_sees_every_group(client_of, platform, groups, django_user_model):
    sec = django_user_model.objects.create_user("sec", password="pw-sec-123456")
    platform_role_grant(actor=None, user=sec, platform=platform, role="secretariat")
    page = client_of(sec).get(url("office-group-list")).content.decode()
    assert "Economy" in page
    assert "Environment" in page
    assert "Energy" in page
    assert reverse("members:office-home", args=["testland"]) in page


def test_the_coordinators_list_in_a_fixed_number_of_queries(
    client_of, platform, groups, coordinator
):
    from platforma.testing.budget import assert_page_budget

    added = []

    def add_sub_groups(n):  # a coordinator of WG1 coordinates its sub-groups too
        for _ in range(n):
            added.append(
                WorkingGroupFactory(platform=platform, parent=groups[0], slug=f"s{len(added)}")
            )
            Enrolment.objects.create(
                working_group=added[-1],
                membership=MembershipFactory(platform=platform),
                since=datetime.date(2016, 1, 1),
            )

    response = assert_page_budget(
        client_of(coordinator), url("office-group-list"), add_sub_groups, ceiling=12
    )
    assert added[-1].name in response.content.decode()


def test_who_coordinates_is_one_query(platform, groups, coordinator, django_assert_num_queries):
    with django_assert_num_queries(1):
        coordinated_group_ids(coordinator, platform)
