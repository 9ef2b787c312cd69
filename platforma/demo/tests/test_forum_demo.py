"""The demo beyond Azerbaijan: the five other national platforms, the Forum's own row with its
statute, Steering Committee and EU-side members, and an upcoming Annual Assembly whose call for
delegates is open. Loaded once per test through the command a user runs (``load_demo``)."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from platforma.core.models import AuditEntry, Platform, today_in
from platforma.core.selectors import rules_in_force
from platforma.forum import selection
from platforma.forum.models import DelegateApplication, DelegateCall
from platforma.governance.selectors import country_facilitator, steering_committee
from platforma.members.selectors import members_in_good_standing

pytestmark = pytest.mark.django_db

OTHERS = {"armenia", "belarus", "georgia", "moldova", "ukraine"}


@pytest.fixture
def loaded(db, capsys):
    call_command("load_demo")
    return capsys.readouterr().out


def test_six_national_platforms_and_the_forum(loaded):
    assert Platform.objects.national().count() == 6
    assert Platform.objects.count() == 7
    assert "Armenian National Platform" in loaded
    assert "41 applications" in loaded
    forum = Platform.objects.forum()
    assert forum is not None
    assert forum.slug == "forum"
    assert forum.is_demo
    assert forum.name_az == "Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumu"
    assert forum.time_zone == "Europe/Brussels"
    for platform in Platform.objects.filter(slug__in=OTHERS):
        assert platform.is_demo
        assert "fictional" in platform.description_en
        assert platform.name_en
        assert platform.name_az
        assert platform.name_ru
        day = today_in(platform)
        assert 12 <= members_in_good_standing(platform, day).count() <= 20
        assert platform.working_groups.filter(forum_group__number__in=range(1, 6)).count() == 5
        assert {b.kind for b in platform.bodies.all()} == {"general_assembly", "board"}
        assert country_facilitator(platform, day) is not None
        assert rules_in_force(platform, day).board_composition == (
            "platform_coordinator",
            "wg_coordinator",
        )
    assert {p.time_zone for p in Platform.objects.filter(slug__in=OTHERS)} == {
        "Asia/Yerevan",
        "Europe/Minsk",
        "Asia/Tbilisi",
        "Europe/Chisinau",
        "Europe/Kyiv",
    }


def test_the_forum_statute_bodies_groups_and_eu_side_members(loaded):
    forum = Platform.objects.forum()
    day = today_in(forum)
    rules = rules_in_force(forum, day)
    assert rules.steering_committee == ("co_chair", "country_facilitators", "wg_coordinator")
    assert rules.delegates.seats == 30
    assert rules.delegates.reserve == 8
    assert set(rules.delegates.per_country) == {
        "armenia",
        "azerbaijan",
        "belarus",
        "georgia",
        "moldova",
        "ukraine",
        "forum",
    }
    assert {b.kind for b in forum.bodies.all()} == {"steering_committee", "annual_assembly"}
    assert sorted(forum.working_groups.values_list("slug", flat=True)) == [
        f"wg{n}" for n in range(1, 6)
    ]
    eu_side = members_in_good_standing(forum, day)
    assert 6 <= eu_side.count() <= 10
    assert not eu_side.filter(organisation__memberships__platform__is_forum=False).exists()


def test_the_steering_committee_today(loaded, client):
    seats = steering_committee(datetime.date.today())
    parts = Counter(seat.part for seat in seats)
    assert parts == {"country_facilitators": 6, "co_chair": 2, "wg_coordinator": 10}
    facilitators = {
        seat.mandate.office.platform.slug: seat.mandate.person.full_name
        for seat in seats
        if seat.part == "country_facilitators"
    }
    assert set(facilitators) == OTHERS | {"azerbaijan"}
    # The seed's Country Facilitator of Azerbaijan.
    assert facilitators["azerbaijan"] == "Avaz Hasanov"
    coordinators = [seat.mandate for seat in seats if seat.part == "wg_coordinator"]
    assert all(m.office.platform.is_forum for m in coordinators)
    # Each Forum working group: one coordinator from a national platform's member, one EU-side.
    for number in range(1, 6):
        pair = [m for m in coordinators if m.office.working_group.forum_group.number == number]
        homes = {m.organisation.memberships.get().platform.is_forum for m in pair}
        assert homes == {True, False}
    # The public page shows it.
    page = client.get("/en/forum/steering-committee/").content.decode()
    for name in ("Avaz Hasanov", "Lilit Hakobyan", "Katarzyna Nowak", "Zurab Chkheidze"):
        assert name in page


def test_the_annual_assembly_has_an_open_call(loaded):
    call = DelegateCall.objects.select_related("assembly").get()
    assert call.state == DelegateCall.State.OPEN
    assert call.opens_at < timezone.now() < call.closes_at
    assert call.assembly.starts_on > timezone.localdate()
    assert call.assembly.place_az == "Brüssel"
    applications = DelegateApplication.objects.filter(call=call)
    assert 35 <= applications.count() <= 45
    assert set(applications.values_list("platform__slug", flat=True)) == (
        OTHERS | {"azerbaijan", "forum"}
    )
    assert set(applications.values_list("gender", flat=True)) >= {"woman", "man"}
    assert applications.values("working_group").distinct().count() == 5
    # Every application is a member's in good standing of the platform it applies through.
    for application in applications.select_related("platform"):
        assert (
            members_in_good_standing(application.platform)
            .filter(organisation=application.organisation)
            .exists()
        )
    assert (
        AuditEntry.objects.filter(action="forum.delegate_application.submitted").count()
        == applications.count()
    )


def test_the_applications_can_fill_the_statutes_quotas(loaded):
    """The demo lets the Forum secretariat run a selection: the applicants can fill every
    quota of the Forum statute (whatever their scores, here all equal)."""
    forum = Platform.objects.forum()
    rule = rules_in_force(forum, today_in(forum)).delegates
    candidates = [
        selection.Candidate(
            id=a.pk,
            score=100,
            country=a.platform.slug,
            group=a.working_group.number,
            gender=a.gender,
        )
        for a in DelegateApplication.objects.select_related("platform", "working_group")
    ]

    def bounds(b):
        return selection.Bounds(minimum=b.minimum, maximum=b.maximum)

    chosen = selection.select(
        candidates,
        selection.Quotas(
            seats=rule.seats,
            per_country={slug: bounds(b) for slug, b in rule.per_country.items()},
            default_country=bounds(rule.default_country),
            per_group={n: bounds(b) for n, b in rule.per_working_group.items()},
            default_group=bounds(rule.default_working_group),
            min_share_each_gender=rule.min_share_each_gender,
            reserve=rule.reserve,
        ),
    )
    assert len(chosen.selected) == 30
    assert len(chosen.reserve) == 8


def test_every_chain_verifies(loaded, capsys):
    call_command("verify_audit")
    out = capsys.readouterr().out
    assert out.count(": ok:") == 7
    assert AuditEntry.objects.filter(forum=True, action="core.platform.created").exists()


def test_load_demo_twice_changes_nothing(loaded, capsys):
    entries = AuditEntry.objects.count()
    call_command("load_demo")
    assert "already loaded" in capsys.readouterr().out
    assert AuditEntry.objects.count() == entries
    assert Platform.objects.count() == 7
