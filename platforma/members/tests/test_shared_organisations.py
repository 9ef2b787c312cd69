"""An organisation that is a member of one platform cannot be taken in by another by itself.

Found by an attacker review: another platform's secretariat imported our member by its name, and
an anonymous applicant used its registration number on the join form; either made the
organisation "shared", which locked our secretariat out of its own member's representatives and
let the other platform read their contacts. Now an application, a refusal or an ended
membership does not make an organisation part of a platform, and admitting or importing
another platform's member is for the Forum's secretariat.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from platforma.core.models import PlatformRole, today_in
from platforma.core.services import platform_role_grant
from platforma.core.tenancy import platforms_of
from platforma.members import services
from platforma.members.models import Application, Membership, Representative
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory

from .conftest import with_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def armenia():
    return PlatformFactory(slug="armenia")


@pytest.fixture
def armenia_secretariat(armenia, django_user_model):
    user = django_user_model.objects.create_user("sec-am", "am@example.org", "pw-am-123456")
    platform_role_grant(actor=None, user=user, platform=armenia, role=PlatformRole.Role.SECRETARIAT)
    return user


def our_member(platform):
    return (
        Membership.objects.select_related("organisation")
        .filter(platform=platform, status="admitted", organisation__representatives__until=None)
        .order_by("pk")
        .first()
    )


def test_another_platform_cannot_import_our_member(
    client, demo_platform, secretariat, armenia, armenia_secretariat
):
    ours = our_member(demo_platform)
    representative = Representative.objects.filter(
        organisation=ours.organisation, until__isnull=True
    ).first()
    table = f"legal_name_en,admitted_on\n{ours.organisation.legal_name_en},2020-01-01\n".encode()
    client.force_login(armenia_secretariat)
    response = client.post(
        reverse("members:office-member-import", args=["armenia"]),
        {"file": SimpleUploadedFile("members.csv", table, "text/csv")},
    )
    assert "is a member of another platform" in response.content.decode()
    assert not Membership.objects.filter(platform=armenia, organisation=ours.organisation).exists()
    # ... so it reads none of our member's people,
    people = client.get(reverse("members:office-person-list", args=["armenia"])).content.decode()
    assert representative.person.last_name not in people
    edit = reverse("members:office-person-edit", args=["armenia", representative.person_id])
    assert client.get(edit).status_code == 404
    # ... and our secretariat still changes its own member's representative.
    client.force_login(secretariat)
    edit = reverse("members:office-person-edit", args=["azerbaijan", representative.person_id])
    response = client.post(
        edit,
        {
            "first_name_en": "Changed",
            "last_name_en": representative.person.last_name_en,
            "email": representative.person.email,
        },
    )
    representative.person.refresh_from_db()
    assert representative.person.first_name_en == "Changed", response.content.decode()[:2000]


def test_applying_in_another_platforms_members_name_locks_nobody_out(
    client, demo_platform, application_data, secretariat, armenia, armenia_secretariat
):
    theirs = MembershipFactory(platform=armenia)
    theirs.organisation.registration_number = "777000111"
    theirs.organisation.save()
    person = PersonFactory()
    services.representative_assign(actor=None, organisation=theirs.organisation, person=person)

    data = {**application_data, "registration_number": "777000111"}
    response = client.post(reverse("members:join", args=["azerbaijan"]), with_documents(data))
    assert response.status_code == 302
    application = Application.objects.get(platform=demo_platform, organisation=theirs.organisation)
    # An application is not membership: the organisation is still Armenia's alone.
    assert platforms_of(theirs.organisation) == {armenia.pk}
    assert platforms_of(person) == {armenia.pk}

    client.force_login(armenia_secretariat)
    client.post(
        reverse("members:office-person-edit", args=["armenia", person.pk]),
        {"first_name_en": "Changed", "last_name_en": "Karimov", "email": person.email},
    )
    person.refresh_from_db()
    assert person.first_name_en == "Changed"

    # Admitting it is for the Forum's secretariat, who sees both platforms.
    day = today_in(demo_platform)
    services.membership_transition(
        actor=secretariat,
        membership=application.membership,
        to_status="under_review",
        effective_on=day,
    )
    with pytest.raises(ValidationError, match="member of another platform"):
        services.membership_transition(
            actor=secretariat,
            membership=application.membership,
            to_status="admitted",
            effective_on=day,
        )
    assert Membership.objects.get(pk=application.membership_id).status == "under_review"


def test_the_forum_may_make_an_organisation_a_member_of_two_platforms(
    demo_platform, armenia, forum_secretariat
):
    ours = our_member(demo_platform)
    services.membership_record_existing(
        actor=forum_secretariat,
        platform=armenia,
        organisation=ours.organisation,
        admitted_on=datetime.date(2020, 1, 1),
    )
    assert platforms_of(ours.organisation) == {demo_platform.pk, armenia.pk}
