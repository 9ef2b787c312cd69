"""The secretariat's people pages, the tenancy of the members services, dates that cannot be
in the future, and the export that re-imports unchanged."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from platforma.core import services as core
from platforma.core.models import AuditEntry, Person, today_in
from platforma.members import services
from platforma.members.models import (
    Application,
    Membership,
    MembershipChange,
    Organisation,
    Representative,
)
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_sec(django_user_model):
    user = django_user_model.objects.create_user("sec-arm", password="pw-arm-123456")
    core.platform_role_grant(
        actor=None, user=user, platform=PlatformFactory(slug="armenia"), role="secretariat"
    )
    return user


def url(name, *args, slug="azerbaijan"):
    return reverse(f"members:{name}", args=[slug, *args])


def member(platform, acronym="CCO"):
    return Membership.objects.select_related("organisation").get(
        platform=platform, organisation__acronym=acronym
    )


def our_person(platform):
    return (
        Person.objects.filter(representations__organisation__memberships__platform=platform)
        .order_by("pk")
        .first()
    )


# --- Persons ----------------------------------------------------------------------------


def test_person_list_and_search_in_a_fixed_number_of_queries(client, secretariat, demo_platform):
    foreign = PersonFactory(first_name_en="Foreigner", last_name_en="Elsewhere")
    MembershipFactory(platform=PlatformFactory(slug="georgia"))

    def add_representatives(n):
        for _ in range(n):
            Representative.objects.create(
                organisation=MembershipFactory(platform=demo_platform).organisation,
                person=PersonFactory(),
                role=Representative.Role.PRIMARY,
            )

    client.force_login(secretariat)
    response = assert_page_budget(
        client, url("office-person-list"), add_representatives, ceiling=10
    )
    html = response.content.decode()
    person = our_person(demo_platform)
    assert escape(person.full_name) in html
    assert "Foreigner" not in html  # nobody of this platform
    response = client.get(url("office-person-list"), {"q": person.last_name_en})
    assert escape(person.full_name) in response.content.decode()
    response = client.get(url("office-person-list"), {"q": foreign.last_name_en})
    assert "Nobody of this platform matches." in response.content.decode()


def test_add_a_person_as_a_representative(client, secretariat, demo_platform):
    membership = member(demo_platform)
    client.force_login(secretariat)
    form = client.get(url("office-person-create")).context["form"]
    assert "user" not in form.fields  # accounts come from invitations only
    response = client.post(
        url("office-person-create"),
        {
            "first_name_en": "Leyla",
            "last_name_en": "Mammadova",
            "email": "leyla@example.org",
            "organisation": membership.organisation_id,
            "role": "alternate",
            "since": today_in(demo_platform).isoformat(),
            "user": secretariat.pk,  # not a field: ignored
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(email="leyla@example.org")
    assert person.user is None
    rep = Representative.objects.get(person=person)
    assert (rep.organisation, rep.role) == (membership.organisation, "alternate")
    created = AuditEntry.objects.get(action="core.person.created", target_id=str(person.pk))
    assert (created.actor, created.platform) == (secretariat, demo_platform)
    assert AuditEntry.objects.get(action="members.representative.assigned", target_id=str(rep.pk))


def test_a_person_without_a_name_is_refused_and_nothing_written(client, secretariat, demo_platform):
    client.force_login(secretariat)
    before = Person.objects.count(), AuditEntry.objects.count()
    response = client.post(
        url("office-person-create"),
        {"first_name_en": "", "last_name_en": "X", "organisation": member(demo_platform).pk},
    )
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert (Person.objects.count(), AuditEntry.objects.count()) == before


def test_edit_a_person(client, secretariat, demo_platform):
    person = our_person(demo_platform)
    client.force_login(secretariat)
    page = client.get(url("office-person-edit", person.pk))
    assert page.status_code == 200
    data = {k: v or "" for k, v in page.context["form"].initial.items()}
    response = client.post(url("office-person-edit", person.pk), {**data, "phone": "+994 12 555"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "+994 12 555"
    entry = AuditEntry.objects.get(action="core.person.updated", target_id=str(person.pk))
    assert entry.data["changes"]["phone"]["after"] == "+994 12 555"


def test_another_platforms_person_is_not_found(client, other_sec, secretariat, demo_platform):
    person = our_person(demo_platform)
    rep = Representative.objects.filter(person=person).first()
    client.force_login(other_sec)
    assert client.get(url("office-person-edit", person.pk, slug="armenia")).status_code == 404
    assert client.get(url("office-representative-end", rep.pk, slug="armenia")).status_code == 404
    response = client.post(
        url("office-person-edit", person.pk, slug="armenia"),
        {"first_name_en": "Hijacked", "last_name_en": "X", "email": "me@evil.example"},
    )
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.email != "me@evil.example"
    with pytest.raises(PermissionDenied):
        core.person_update(actor=other_sec, person=person, email="me@evil.example")
    # And our secretariat does not reach the other platform's people.
    theirs = PersonFactory()
    services.representative_assign(
        actor=None,
        organisation=MembershipFactory(
            platform=other_sec.platform_roles.get().platform
        ).organisation,
        person=theirs,
    )
    client.force_login(secretariat)
    assert client.get(url("office-person-edit", theirs.pk)).status_code == 404


def test_no_user_account_is_linked_by_hand(other_sec, secretariat, demo_platform):
    with pytest.raises(ValidationError, match="only from an invitation"):
        core.person_create(
            actor=other_sec,
            platform=other_sec.platform_roles.get().platform,
            first_name="Me",
            last_name="Myself",
            user=other_sec,
        )
    with pytest.raises(ValidationError, match="only from an invitation"):
        core.person_update(actor=secretariat, person=our_person(demo_platform), user=secretariat)
    with pytest.raises(PermissionDenied):  # a person for a platform the actor does not manage
        core.person_create(actor=other_sec, platform=demo_platform, first_name="A", last_name="B")


# --- Representatives --------------------------------------------------------------------


def test_assign_and_end_a_representation(client, secretariat, demo_platform):
    target = member(demo_platform, "HRPU")
    person = (
        Person.objects.filter(representations__organisation__memberships__platform=demo_platform)
        .exclude(representations__organisation=target.organisation)
        .first()
    )
    client.force_login(secretariat)
    today = today_in(demo_platform)
    page = client.get(url("office-representative-assign"), {"person": person.pk})
    assert page.context["form"].initial["person"] == str(person.pk)
    response = client.post(
        url("office-representative-assign"),
        {
            "person": person.pk,
            "organisation": target.organisation_id,
            "role": "alternate",
            "since": today.isoformat(),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    rep = Representative.objects.get(person=person, organisation=target.organisation)
    assert (
        AuditEntry.objects.get(
            action="members.representative.assigned", target_id=str(rep.pk)
        ).actor
        == secretariat
    )

    end = url("office-representative-end", rep.pk)
    tomorrow = today + datetime.timedelta(days=1)
    response = client.post(end, {"until": tomorrow.isoformat(), "confirm": "on"})
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert client.post(end, {"until": today.isoformat()}).status_code == 400  # not confirmed
    rep.refresh_from_db()
    assert rep.until is None
    response = client.post(end, {"until": today.isoformat(), "confirm": "on"})
    assert response.status_code == 302
    rep.refresh_from_db()
    assert rep.until == today
    assert AuditEntry.objects.get(action="members.representative.ended", target_id=str(rep.pk))


def test_another_platform_cannot_take_over_our_organisation(
    client, other_sec, demo_platform, django_user_model
):
    """The attack of issue 11: another platform's secretariat names its own account's person
    the representative of one of our organisations."""
    ours = member(demo_platform)
    theirs = other_sec.platform_roles.get().platform
    their_member = MembershipFactory(platform=theirs)
    accomplice = django_user_model.objects.create_user("accomplice", password="pw-acc-123456")
    person = PersonFactory(user=accomplice)
    services.representative_assign(
        actor=None, organisation=their_member.organisation, person=person, role="alternate"
    )
    before = Representative.objects.count(), AuditEntry.objects.count()

    # The service refuses, whoever calls it.
    with pytest.raises(PermissionDenied):
        services.representative_assign(
            actor=other_sec, organisation=ours.organisation, person=person
        )
    with pytest.raises((PermissionDenied, ValidationError)):
        services.representative_invite(
            actor=other_sec,
            platform=demo_platform,
            organisation=ours.organisation,
            first_name="A",
            last_name="B",
            email="accomplice@example.org",
        )
    with pytest.raises(ValidationError):  # our organisation is no member of theirs
        services.representative_invite(
            actor=other_sec,
            platform=theirs,
            organisation=ours.organisation,
            first_name="A",
            last_name="B",
            email="accomplice@example.org",
        )
    # Over HTTP: our organisation is no choice on their page, and our page is not theirs.
    client.force_login(other_sec)
    data = {"person": person.pk, "organisation": ours.organisation_id, "role": "primary"}
    response = client.post(url("office-representative-assign", slug="armenia"), data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert client.post(url("office-representative-assign"), data).status_code == 404
    assert (Representative.objects.count(), AuditEntry.objects.count()) == before
    assert not Representative.objects.filter(organisation=ours.organisation, person=person)


def test_an_organisation_shared_with_another_platform_needs_the_forum(
    other_sec, demo_platform, forum_secretariat
):
    """They cannot take our organisation in; once the Forum has, they get no hold on it."""
    ours = member(demo_platform)
    theirs = other_sec.platform_roles.get().platform
    with pytest.raises(ValidationError, match="is a member of another platform"):
        services.membership_record_existing(
            actor=other_sec,
            platform=theirs,
            organisation=ours.organisation,
            admitted_on=datetime.date(2015, 1, 1),
        )
    services.membership_record_existing(
        actor=forum_secretariat,
        platform=theirs,
        organisation=ours.organisation,
        admitted_on=datetime.date(2015, 1, 1),
    )
    newcomer = PersonFactory()
    with pytest.raises(PermissionDenied, match="also belongs to another platform"):
        services.representative_assign(
            actor=other_sec, organisation=ours.organisation, person=newcomer
        )
    with pytest.raises(PermissionDenied, match="also belongs to another platform"):
        services.organisation_update(
            actor=other_sec, organisation=ours.organisation, email="x@evil.example"
        )
    # The Forum's secretariat may.
    services.representative_assign(
        actor=forum_secretariat, organisation=ours.organisation, person=newcomer, role="alternate"
    )


# --- Dates of decisions and status changes ------------------------------------------------


def test_a_status_change_cannot_be_dated_in_the_future(client, secretariat, demo_platform):
    membership = member(demo_platform)
    tomorrow = today_in(demo_platform) + datetime.timedelta(days=1)
    client.force_login(secretariat)
    before = MembershipChange.objects.count(), AuditEntry.objects.count()
    response = client.post(
        url("office-membership-transition", membership.pk),
        {
            "to_status": "suspended",
            "effective_on": tomorrow.isoformat(),
            "decided_by": "Board of Governance",
            "reason": "Dues unpaid.",
        },
    )
    assert response.status_code == 400
    assert "The date of a status change cannot be in the future" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == "admitted"
    assert (MembershipChange.objects.count(), AuditEntry.objects.count()) == before
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.membership_transition(
            actor=secretariat, membership=membership, to_status="suspended", effective_on=tomorrow
        )


def test_an_admission_cannot_be_dated_in_the_future(client, secretariat, demo_platform):
    application = Application.objects.get(platform=demo_platform)
    if application.membership.status == "applied":
        services.application_start_review(actor=secretariat, application=application)
    tomorrow = today_in(demo_platform) + datetime.timedelta(days=1)
    client.force_login(secretariat)
    before = MembershipChange.objects.count(), AuditEntry.objects.count()
    response = client.post(
        url("office-application-decide", application.pk),
        {"admit": "1", "decided_on": tomorrow.isoformat(), "decision_reference": "BG-1"},
    )
    assert response.status_code == 400
    assert "The date of a decision cannot be in the future" in response.content.decode()
    application.refresh_from_db()
    assert application.membership.status == "under_review"
    assert application.decided_on is None
    assert (MembershipChange.objects.count(), AuditEntry.objects.count()) == before


def test_decisions_on_another_platforms_applications_are_refused(other_sec, demo_platform):
    application = Application.objects.get(platform=demo_platform)
    membership = member(demo_platform)
    with pytest.raises(PermissionDenied):
        services.application_start_review(actor=other_sec, application=application)
    with pytest.raises(PermissionDenied):
        services.membership_transition(
            actor=other_sec,
            membership=membership,
            to_status="expelled",
            effective_on=datetime.date(2015, 1, 1),
        )
    membership.refresh_from_db()
    assert membership.status == "admitted"


# --- The export re-imports unchanged --------------------------------------------------------


def registry_state(platform):
    return (
        sorted(Organisation.objects.values_list("pk", "legal_name_en", "email", "updated_at")),
        sorted(
            Membership.objects.filter(platform=platform).values_list(
                "pk", "status", "admitted_on", "ended_on", "updated_at"
            )
        ),
        MembershipChange.objects.count(),
        sorted(Representative.objects.values_list("pk", "organisation", "person", "role", "until")),
    )


def test_the_export_reimports_with_no_change(client, secretariat, demo_platform, tmp_path, capsys):
    client.force_login(secretariat)
    exported = client.get(url("office-member-export", "csv")).content
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))
    assert len(rows) == 1 + 46
    assert {r[rows[0].index("status")] for r in rows[1:]} >= {"admitted"}
    before = registry_state(demo_platform)
    entries = AuditEntry.objects.count()

    path = tmp_path / "members.csv"
    path.write_bytes(exported)
    call_command("import_members", str(path), "--platform", "azerbaijan")
    out = capsys.readouterr().out
    assert "0 new organisation(s), 0 known organisation(s) admitted, 46 already member(s)" in out
    assert registry_state(demo_platform) == before
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))[entries:] == [
        "members.import.completed"
    ]

    # Through the office's import page too, and the next export is the same file.
    response = client.post(
        url("office-member-import"),
        {"file": SimpleUploadedFile("members.csv", exported)},
    )
    assert response.status_code == 200
    assert response.context["report"].matched == 46
    assert response.context["report"].created == 0
    assert registry_state(demo_platform) == before
    assert client.get(url("office-member-export", "csv")).content == exported
