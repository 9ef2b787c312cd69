"""The secretariat's governance pages: offices, mandates and statute versions, over HTTP."""

import datetime
import json
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from platforma.core import services as core
from platforma.core.models import AuditEntry, Statute, today_in
from platforma.governance import services
from platforma.governance.models import Mandate, Office
from platforma.members.models import Membership, Representative
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import OfficeFactory, PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sec(demo_platform, django_user_model):
    user = django_user_model.objects.create_user("sec-gov", password="pw-gov-123456")
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
    return reverse(f"governance:{name}", args=[slug, *args])


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def a_representative(platform):
    """A demo representative of an admitted member who holds no office."""
    return (
        Representative.objects.filter(
            organisation__memberships__platform=platform,
            organisation__memberships__status="admitted",
            until__isnull=True,
            person__mandates__isnull=True,
        )
        .select_related("person", "organisation")
        .first()
    )


def test_office_list_shows_holders_in_a_fixed_number_of_queries(client, sec, demo_platform):
    members = iter(
        Membership.objects.filter(platform=demo_platform, status="admitted").select_related(
            "organisation"
        )
    )

    def add_offices(n):
        for _ in range(n):
            membership = next(members)
            office = OfficeFactory(platform=demo_platform, kind="auditor", name_en="Auditor")
            Mandate.objects.create(
                office=office,
                person=PersonFactory(),
                organisation=membership.organisation,
                starts_on=datetime.date(2020, 1, 1),
            )

    client.force_login(sec)
    response = assert_page_budget(client, url("office-office-list"), add_offices, ceiling=12)
    html = response.content.decode()
    coordinator = services.mandates_in_force(demo_platform, today_in(demo_platform)).first()
    assert coordinator.person.full_name in html
    assert html.count("Auditor") >= 9


def test_create_an_office(client, sec, demo_platform):
    client.force_login(sec)
    response = client.post(
        url("office-office-create"),
        {"kind": "auditor", "name_en": "Auditor", "seats": "2"},
    )
    office = Office.objects.get(platform=demo_platform, name_en="Auditor")
    assert response.status_code == 302
    assert office.seats == 2
    entry = AuditEntry.objects.get(action="governance.office.created", target_id=str(office.pk))
    assert entry.actor == sec


def test_an_office_refused_says_why_and_writes_nothing(client, sec, demo_platform):
    client.force_login(sec)
    before = Office.objects.count()
    response = client.post(
        url("office-office-create"),
        {"kind": "wg_coordinator", "name_en": "Coordinator of nothing", "seats": "1"},
    )
    assert response.status_code == 400
    assert "needs its working group" in response.content.decode()
    assert Office.objects.count() == before


def test_another_platforms_body_is_not_a_choice(client, sec, demo_platform):
    from platforma.governance.models import Body

    foreign = Body.objects.create(platform=PlatformFactory(slug="georgia"), kind="board", name="X")
    client.force_login(sec)
    response = client.post(
        url("office-office-create"),
        {"kind": "auditor", "name_en": "Auditor", "seats": "1", "body": foreign.pk},
    )
    assert response.status_code == 400
    assert not Office.objects.filter(name_en="Auditor").exists()


def test_start_a_mandate_through_the_statutes_checks(client, sec, demo_platform):
    office = services.office_create(
        actor=None, platform=demo_platform, kind="auditor", name_en="Auditor"
    )
    rep = a_representative(demo_platform)
    client.force_login(sec)
    today = today_in(demo_platform)
    data = {
        "person": rep.person_id,
        "organisation": rep.organisation_id,
        "starts_on": today.isoformat(),
        "decision_reference": "GA-2026-03",
    }
    response = client.post(url("office-mandate-start", office.pk), data)
    assert response.status_code == 302
    mandate = Mandate.objects.get(office=office)
    assert (mandate.person, mandate.organisation) == (rep.person, rep.organisation)
    assert mandate.ends_on > today  # the statute's term
    assert AuditEntry.objects.get(action="governance.mandate.started", target_id=str(mandate.pk))

    # The one seat is taken: the statute's check is shown, and nothing is written.
    other = (
        Representative.objects.filter(
            organisation__memberships__platform=demo_platform, until__isnull=True
        )
        .exclude(person=rep.person)
        .first()
    )
    response = client.post(
        url("office-mandate-start", office.pk),
        {**data, "person": other.person_id, "organisation": other.organisation_id},
    )
    assert response.status_code == 400
    assert "Every seat of this office is filled on that day." in response.content.decode()
    assert Mandate.objects.filter(office=office).count() == 1


def test_a_mandate_for_a_member_not_in_good_standing_is_refused(client, sec, demo_platform):
    office = services.office_create(
        actor=None, platform=demo_platform, kind="auditor", name_en="Auditor"
    )
    rep = a_representative(demo_platform)
    client.force_login(sec)
    response = client.post(
        url("office-mandate-start", office.pk),
        {
            "person": rep.person_id,
            "organisation": rep.organisation_id,
            "starts_on": "2001-01-01",  # before the platform had members
        },
    )
    assert response.status_code == 400
    assert "is not a member in good standing on" in response.content.decode()
    assert not Mandate.objects.filter(office=office).exists()


def test_ending_a_mandate_asks_for_confirmation_and_refuses_the_future(client, sec, demo_platform):
    today = today_in(demo_platform)
    mandate = services.mandates_in_force(demo_platform, today).first()
    client.force_login(sec)
    end = url("office-mandate-end", mandate.pk)
    assert client.get(end).status_code == 200
    response = client.post(end, {"ended_on": today.isoformat(), "reason": "resignation"})
    assert response.status_code == 400  # not confirmed
    tomorrow = today + datetime.timedelta(days=1)
    response = client.post(
        end, {"ended_on": tomorrow.isoformat(), "reason": "resignation", "confirm": "on"}
    )
    assert response.status_code == 400
    assert "cannot end on a day still to come" in response.content.decode()
    mandate.refresh_from_db()
    assert not mandate.ended_early
    response = client.post(
        end, {"ended_on": today.isoformat(), "reason": "resignation", "confirm": "on"}
    )
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert (mandate.ended_early, mandate.ends_on, mandate.end_reason) == (
        True,
        today,
        "resignation",
    )
    entry = AuditEntry.objects.get(action="governance.mandate.ended", target_id=str(mandate.pk))
    assert entry.actor == sec


def test_another_platforms_secretariat_finds_nothing(client, other_sec, demo_platform):
    mandate = Mandate.objects.filter(office__platform=demo_platform).first()
    statute = Statute.objects.get(platform=demo_platform)
    client.force_login(other_sec)
    for address in (
        url("office-office-detail", mandate.office_id, slug="armenia"),
        url("office-mandate-end", mandate.pk, slug="armenia"),
        url("office-statute-detail", statute.pk, slug="armenia"),
        url("office-office-list"),
    ):
        assert client.get(address).status_code == 404, address
    response = client.post(
        url("office-mandate-end", mandate.pk, slug="armenia"),
        {"ended_on": "2020-01-01", "reason": "resignation", "confirm": "on"},
    )
    assert response.status_code == 404
    mandate.refresh_from_db()
    assert not mandate.ended_early


def test_the_services_refuse_another_platforms_objects(other_sec, demo_platform):
    mandate = Mandate.objects.filter(office__platform=demo_platform).first()
    rep = a_representative(demo_platform)
    with pytest.raises(PermissionDenied):
        services.mandate_end(
            actor=other_sec, mandate=mandate, ended_on=mandate.starts_on, reason="resignation"
        )
    with pytest.raises(PermissionDenied):
        services.mandate_start(
            actor=other_sec,
            office=mandate.office,
            person=rep.person,
            organisation=rep.organisation,
            starts_on=datetime.date(2014, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        services.office_create(
            actor=other_sec, platform=demo_platform, kind="auditor", name_en="Auditor"
        )
    with pytest.raises(PermissionDenied):
        core.statute_adopt(
            actor=other_sec,
            platform=demo_platform,
            title="Hostile statute",
            effective_from=datetime.date(2020, 1, 1),
            rules={},
        )
    assert not Statute.objects.filter(title="Hostile statute").exists()


def test_statute_versions_are_listed_and_shown(client, sec, demo_platform):
    statute = Statute.objects.get(platform=demo_platform)
    client.force_login(sec)
    response = client.get(url("office-statute-list"))
    assert statute.title in response.content.decode()
    response = client.get(url("office-statute-detail", statute.pk))
    assert "max_coordinator_posts_per_organisation" in response.content.decode()


def test_adopting_a_statute_names_every_wrong_key(client, sec, demo_platform):
    client.force_login(sec)
    form = client.get(url("office-statute-adopt"))
    assert "max_coordinator_posts_per_organisation" in form.content.decode()  # starts as latest
    data = {
        "title": "Statute, 2016 amendment",
        "effective_from": "2016-05-01",
        "adopted_by": "General Assembly, GA-2016-02",
        "confirm": "on",
    }
    before = Statute.objects.count(), AuditEntry.objects.count()
    response = client.post(url("office-statute-adopt"), {**data, "rules": "{'quorum': 1"})
    assert response.status_code == 400
    assert "This is not valid JSON" in response.content.decode()
    bad = {"quorum": {"share": "most"}, "term_of_office": 3}
    response = client.post(url("office-statute-adopt"), {**data, "rules": json.dumps(bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "quorum.share: &#x27;most&#x27; is not a fraction" in html
    assert "term_of_office: unknown rule" in html
    assert (Statute.objects.count(), AuditEntry.objects.count()) == before

    rules = {**Statute.objects.get(platform=demo_platform).rules, "quorum": {"share": "2/3"}}
    response = client.post(url("office-statute-adopt"), {**data, "rules": json.dumps(rules)})
    assert response.status_code == 302
    statute = Statute.objects.get(platform=demo_platform, effective_from="2016-05-01")
    assert statute.version == 2
    assert statute.adopted_by == "General Assembly, GA-2016-02"
    assert statute.parsed_rules.quorum.share == Fraction(2, 3)
    entry = AuditEntry.objects.get(action="core.statute.adopted", target_id=str(statute.pk))
    assert entry.actor == sec


def test_membership_is_needed_to_be_chosen(demo_platform):
    """The mandate form offers only this platform's people and organisations."""
    from platforma.governance.forms import MandateStartForm

    form = MandateStartForm(platform=demo_platform)
    organisations = set(form.fields["organisation"].queryset.values_list("pk", flat=True))
    # Members in good standing or suspended: not applicants, not former members.
    assert organisations == set(
        Membership.objects.filter(
            platform=demo_platform, status__in=["admitted", "suspended"]
        ).values_list("organisation", flat=True)
    )


def test_statute_list_in_a_fixed_number_of_queries(client, sec, demo_platform):
    rules = Statute.objects.filter(platform=demo_platform).latest("effective_from").rules

    def adopt(n):
        for _ in range(n):
            last = Statute.objects.filter(platform=demo_platform).latest("effective_from")
            core.statute_adopt(
                actor=None,
                platform=demo_platform,
                title=f"Statute amended {last.version + 1}",
                effective_from=last.effective_from + datetime.timedelta(days=1),
                rules=rules,
            )

    client.force_login(sec)
    response = assert_page_budget(client, url("office-statute-list"), adopt, ceiling=10)
    assert response.content.decode().count("Statute amended") == 9
