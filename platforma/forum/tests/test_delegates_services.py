"""The call for delegates through its services: who may apply, the platforms' ranking, the
score, the selection under the statute's quotas (a reason for everyone), the e-mails and the
publication. ``make_delegates`` builds the world the page and browser tests use too."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from platforma.core.models import AuditEntry, OutgoingMail, Platform, PlatformRole
from platforma.forum.models import AnnualAssembly, DelegateApplication, DelegateCall
from platforma.forum.services import delegates as svc
from platforma.members.models import Membership, MembershipChange, Organisation, Representative
from platforma.testing.factories import (
    ForumFactory,
    MembershipFactory,
    PersonFactory,
    PlatformFactory,
    StatuteFactory,
)
from platforma.workinggroups.models import ForumWorkingGroup

pytestmark = pytest.mark.django_db

PASSWORD = "pw-delegates-123"
GROUP_NAMES = ("Democracy", "Economy", "Environment", "Contacts", "Social dialogue")


@dataclass
class Rep:
    organisation: Organisation
    platform: Platform
    user: Any


@dataclass
class Delegates:
    forum: Platform
    platforms: dict[str, Platform]
    groups: list[ForumWorkingGroup]
    forum_staff: Any
    secretariats: dict[str, Any]
    assembly: AnnualAssembly
    call: DelegateCall
    reps: list[Rep] = field(default_factory=list)


def default_rules() -> dict[str, Any]:
    return {
        "delegates": {
            "seats": 3,
            "reserve": 1,
            "default_country": {"minimum": 0, "maximum": 2},
            "default_working_group": {"minimum": 0, "maximum": 2},
            "min_share_each_gender": "1/3",
        }
    }


def make_rep(platform: Platform, name: str) -> Rep:
    """An organisation in good standing of ``platform`` and its representative's account."""
    membership = MembershipFactory.create(
        platform=platform, organisation__legal_name_en=f"{name} Organisation"
    )
    user = get_user_model().objects.create_user(
        f"{platform.slug}-{name.lower()}", email=f"{name.lower()}@example.org", password=PASSWORD
    )
    person = PersonFactory.create(user=user)
    Representative.objects.create(
        organisation=membership.organisation, person=person, role=Representative.Role.PRIMARY
    )
    return Rep(membership.organisation, platform, user)


def make_delegates(
    *, rules: dict[str, Any] | None = None, state: str = DelegateCall.State.OPEN
) -> Delegates:
    """The Forum with its statute, two national platforms and their secretariats, the five
    working groups, the Forum's secretariat (a role, not a superuser) and a call in ``state``."""
    forum = ForumFactory.create()
    StatuteFactory.create(platform=forum, rules=rules if rules is not None else default_rules())
    platforms = {slug: PlatformFactory.create(slug=slug) for slug in ("armenia", "georgia")}
    groups = [
        ForumWorkingGroup.objects.get_or_create(number=n, defaults={"name": name})[0]
        for n, name in enumerate(GROUP_NAMES, start=1)
    ]
    User = get_user_model()
    forum_staff = User.objects.create_user("forum-office", password=PASSWORD)
    PlatformRole.objects.create(user=forum_staff, platform=forum, role="secretariat")
    secretariats = {}
    for slug, platform in platforms.items():
        user = User.objects.create_user(f"{slug}-office", password=PASSWORD)
        PlatformRole.objects.create(user=user, platform=platform, role="secretariat")
        secretariats[slug] = user
    assembly = svc.assembly_create(
        actor=forum_staff,
        year=2027,
        title="Annual Assembly 2027",
        starts_on=datetime.date(2027, 11, 10),
        ends_on=datetime.date(2027, 11, 12),
        place="Tbilisi",
        description="The Forum's yearly meeting.",
    )
    now = timezone.now()
    call = svc.call_create(
        actor=forum_staff,
        assembly=assembly,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=7),
    )
    world = Delegates(forum, platforms, groups, forum_staff, secretariats, assembly, call)
    if state != DelegateCall.State.DRAFT:
        world.call = svc.call_open(actor=forum_staff, call=call)
    return world


def pass_deadline(call: DelegateCall) -> DelegateCall:
    """The deadline passes (the clock moves, not a service)."""
    now = timezone.now()
    DelegateCall.objects.filter(pk=call.pk).update(
        opens_at=now - datetime.timedelta(days=8), closes_at=now - datetime.timedelta(seconds=1)
    )
    return DelegateCall.objects.get(pk=call.pk)


def apply(world: Delegates, rep: Rep, group: int, gender: str, **extra: Any) -> DelegateApplication:
    values = {
        "motivation": "We work on this every day.",
        "first_name": f"First{rep.organisation.pk}",
        "last_name": f"Last{rep.organisation.pk}",
        "email": f"person{rep.organisation.pk}@example.org",
        "gender": gender,
        **extra,
    }
    return svc.application_submit(
        actor=rep.user,
        call=world.call,
        organisation=rep.organisation,
        working_group=world.groups[group - 1],
        **values,
    )


def marks(motivation: int, experience: int = 0, relevance: int = 0) -> dict[str, int]:
    return {"motivation": motivation, "experience": experience, "relevance": relevance}


def fresh(obj: Any) -> Any:
    return type(obj).objects.get(pk=obj.pk)


# -- applying -------------------------------------------------------------------------------


def test_a_representative_applies_once_for_an_organisation_in_good_standing():
    world = make_delegates()
    rep = make_rep(world.platforms["armenia"], "Ani")
    application = apply(world, rep, 1, "woman")
    assert application.platform == world.platforms["armenia"]
    assert application.outcome == DelegateApplication.Outcome.PENDING
    assert application.submitted_by == rep.user
    assert application.language == "en"
    entry = AuditEntry.objects.get(action="forum.delegate_application.submitted")
    assert entry.platform == world.platforms["armenia"]  # the platform's chain
    with pytest.raises(ValidationError, match="has already applied"):
        apply(world, rep, 2, "man")


def test_an_eu_side_member_applies_through_the_forums_row():
    world = make_delegates()
    rep = make_rep(world.forum, "Eu")
    application = apply(world, rep, 3, "man")
    assert application.platform == world.forum
    entry = AuditEntry.objects.get(action="forum.delegate_application.submitted")
    assert entry.platform is None  # the Forum's one chain
    assert entry.forum


def test_applying_is_refused_when_closed_not_a_member_or_not_a_representative():
    world = make_delegates()
    rep = make_rep(world.platforms["armenia"], "Ani")
    # Not a member in good standing: suspended since yesterday.
    suspended = make_rep(world.platforms["georgia"], "Susp")
    membership = Membership.objects.get(organisation=suspended.organisation)
    MembershipChange.objects.create(
        membership=membership,
        from_status="admitted",
        to_status="suspended",
        effective_on=timezone.now().date() - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="not a member in good standing"):
        apply(world, suspended, 1, "woman")
    # Someone else's organisation.
    with pytest.raises(PermissionDenied, match="You do not represent"):
        svc.application_submit(
            actor=suspended.user,
            call=world.call,
            organisation=rep.organisation,
            working_group=world.groups[0],
            motivation="x",
            first_name="A",
            last_name="B",
            email="a@example.org",
            gender="woman",
        )
    # After the deadline, even before the call is closed.
    world.call = pass_deadline(world.call)
    with pytest.raises(ValidationError, match="closed"):
        apply(world, rep, 1, "woman")
    assert not DelegateApplication.objects.exists()


def test_the_person_must_be_given():
    world = make_delegates()
    rep = make_rep(world.platforms["armenia"], "Ani")
    with pytest.raises(ValidationError) as exc:
        apply(world, rep, 1, "nobody", first_name=" ", email="not-an-address", motivation="")
    assert len(exc.value.messages) == 4
    assert not DelegateApplication.objects.exists()


def test_withdraw_while_open_then_apply_again():
    world = make_delegates()
    rep = make_rep(world.platforms["armenia"], "Ani")
    other = make_rep(world.platforms["armenia"], "Other")
    application = apply(world, rep, 1, "woman")
    with pytest.raises(PermissionDenied):
        svc.application_withdraw(actor=other.user, application=application)
    withdrawn = svc.application_withdraw(actor=rep.user, application=application)
    assert withdrawn.outcome == DelegateApplication.Outcome.WITHDRAWN
    again = apply(world, rep, 2, "man")
    assert again.pk == application.pk
    assert again.outcome == DelegateApplication.Outcome.PENDING
    world.call = pass_deadline(world.call)
    with pytest.raises(ValidationError, match="closed"):
        svc.application_withdraw(actor=rep.user, application=again)


# -- the call's states ---------------------------------------------------------------------


def test_only_the_forum_secretariat_moves_the_call_and_only_after_the_deadline():
    world = make_delegates()
    with pytest.raises(PermissionDenied):
        svc.call_close_applications(actor=world.secretariats["armenia"], call=world.call)
    with pytest.raises(ValidationError, match="deadline has not passed"):
        svc.call_close_applications(actor=world.forum_staff, call=world.call)
    call = svc.call_close_applications(actor=world.forum_staff, call=pass_deadline(world.call))
    assert call.state == DelegateCall.State.RANKING
    entry = AuditEntry.objects.filter(action="forum.delegate_call.closed").get()
    assert entry.forum
    assert entry.platform is None
    with pytest.raises(ValidationError, match="cannot be done now"):
        svc.call_open(actor=world.forum_staff, call=call)


def test_a_call_is_created_in_draft_with_the_default_scoring_sheet():
    world = make_delegates(state=DelegateCall.State.DRAFT)
    assert world.call.state == DelegateCall.State.DRAFT
    assert [c["key"] for c in world.call.criteria] == ["motivation", "experience", "relevance"]
    with pytest.raises(ValidationError, match="already has its call"):
        svc.call_create(
            actor=world.forum_staff,
            assembly=world.assembly,
            opens_at=timezone.now(),
            closes_at=timezone.now() + datetime.timedelta(days=1),
        )
    with pytest.raises(PermissionDenied):
        svc.assembly_update(
            actor=world.secretariats["georgia"], assembly=world.assembly, place="Baku"
        )
    svc.assembly_update(actor=world.forum_staff, assembly=world.assembly, place="Baku")
    assert fresh(world.assembly).place == "Baku"


# -- ranking and scoring -------------------------------------------------------------------


def ranked_world() -> tuple[Delegates, list[DelegateApplication]]:
    world = make_delegates()
    am = world.platforms["armenia"]
    reps = [make_rep(am, "A1"), make_rep(am, "A2"), make_rep(world.platforms["georgia"], "G1")]
    applications = [
        apply(world, reps[0], 1, "woman"),
        apply(world, reps[1], 2, "man"),
        apply(world, reps[2], 3, "man"),
    ]
    world.call = svc.call_close_applications(
        actor=world.forum_staff, call=pass_deadline(world.call)
    )
    return world, applications


def test_a_platform_ranks_its_own_applicants_in_full():
    world, (a1, a2, g1) = ranked_world()
    armenia, georgia = world.secretariats["armenia"], world.secretariats["georgia"]
    with pytest.raises(PermissionDenied, match="your own platform"):
        svc.platform_rank(
            actor=armenia,
            call=world.call,
            platform=world.platforms["armenia"],
            ranks={a1.pk: 1, a2.pk: 2, g1.pk: 3},
        )
    with pytest.raises(PermissionDenied):
        svc.platform_rank(
            actor=georgia, call=world.call, platform=world.platforms["armenia"], ranks={a1.pk: 1}
        )
    with pytest.raises(ValidationError, match="Rank every one"):
        svc.platform_rank(
            actor=armenia, call=world.call, platform=world.platforms["armenia"], ranks={a1.pk: 1}
        )
    with pytest.raises(ValidationError, match="from 1 to 2"):
        svc.platform_rank(
            actor=armenia,
            call=world.call,
            platform=world.platforms["armenia"],
            ranks={a1.pk: 1, a2.pk: 1},
        )
    svc.platform_rank(
        actor=armenia,
        call=world.call,
        platform=world.platforms["armenia"],
        ranks={a1.pk: 2, a2.pk: 1},
    )
    assert (fresh(a1).platform_rank, fresh(a2).platform_rank) == (2, 1)
    entry = AuditEntry.objects.get(action="forum.delegate_call.ranked")
    assert entry.platform == world.platforms["armenia"]


def test_the_score_adds_the_marks_and_the_rank_points():
    world, (a1, a2, g1) = ranked_world()
    svc.platform_rank(
        actor=world.secretariats["armenia"],
        call=world.call,
        platform=world.platforms["armenia"],
        ranks={a1.pk: 2, a2.pk: 1},
    )
    with pytest.raises(PermissionDenied):
        svc.application_score(
            actor=world.secretariats["armenia"], application=a1, marks=marks(8, 7, 6)
        )
    with pytest.raises(ValidationError, match="from 0 to 10"):
        svc.application_score(actor=world.forum_staff, application=a1, marks=marks(11, 7, 6))
    with pytest.raises(ValidationError, match="every criterion"):
        svc.application_score(actor=world.forum_staff, application=a1, marks={"motivation": 1})
    scored = svc.application_score(actor=world.forum_staff, application=a1, marks=marks(8, 7, 6))
    # 100 * (3*8 + 2*7 + 2*6) + round(100 * 10 * (2 - 2 + 1) / 2) = 5000 + 500
    assert scored.score == 5500
    assert svc.points(scored.score) == "55.00"
    # Three of a platform: the second gets round(100 * 10 * 2 / 3) = 667 hundredths.
    call = world.call
    assert svc.rank_points(call, 2, 3) == 667
    assert svc.rank_points(call, 1, 3) == 1000
    assert svc.rank_points(call, 3, 3) == 333
    assert svc.rank_points(call, None, 3) == 0
    # Re-ranking changes the stored score.
    svc.platform_rank(
        actor=world.secretariats["armenia"],
        call=world.call,
        platform=world.platforms["armenia"],
        ranks={a1.pk: 1, a2.pk: 2},
    )
    assert fresh(a1).score == 6000


# -- the selection -------------------------------------------------------------------------


def scored_world(
    rules: dict[str, Any] | None = None,
) -> tuple[Delegates, list[DelegateApplication]]:
    """Five applicants: Armenia 3 (groups 1, 1, 2), Georgia 2 (groups 3, 1); marks decreasing."""
    world = make_delegates(rules=rules)
    am, ge = world.platforms["armenia"], world.platforms["georgia"]
    plan = [(am, 1, "man", 10), (am, 1, "man", 9), (am, 2, "woman", 5), (ge, 3, "man", 8),
            (ge, 1, "woman", 2)]  # fmt: skip
    applications = [
        apply(world, make_rep(platform, f"R{i}"), group, gender)
        for i, (platform, group, gender, _) in enumerate(plan)
    ]
    world.call = svc.call_close_applications(
        actor=world.forum_staff, call=pass_deadline(world.call)
    )
    world.call = svc.call_close_ranking(actor=world.forum_staff, call=world.call)
    for application, (*_, mark) in zip(applications, plan, strict=True):
        svc.application_score(actor=world.forum_staff, application=application, marks=marks(mark))
    return world, applications


def test_the_selection_respects_the_quotas_and_gives_everyone_a_reason():
    world, apps = scored_world()
    result = svc.call_select(actor=world.forum_staff, call=world.call)
    rows = {a.pk: fresh(a) for a in apps}
    selected = [a for a in rows.values() if a.outcome == "selected"]
    assert len(selected) == 3 == len(result.selected)
    # At most two per country and per group; at least one woman and one man (1/3 of 3).
    assert max(sum(a.platform_id == p.pk for a in selected) for p in world.platforms.values()) <= 2
    assert {a.gender for a in selected} == {"man", "woman"}
    assert all(a.reason for a in rows.values())
    assert [a.outcome for a in rows.values()].count("reserve") == 1
    reserve = next(a for a in rows.values() if a.outcome == "reserve")
    assert reserve.reserve_rank == 1
    # The best two men of Armenia are group 1 and country Armenia: both may go (max 2 each),
    # the Armenian woman brings the gender balance; Georgia's man is outscored or blocked.
    assert rows[apps[0].pk].outcome == "selected"
    names = svc.platform_names()
    for application in rows.values():
        assert svc.decision_text(application, names)
    assert fresh(world.call).state == DelegateCall.State.SELECTED
    entry = AuditEntry.objects.get(action="forum.delegate_call.selected")
    assert sorted(entry.data["selected"]) == sorted(result.selected)


def test_an_organisation_no_longer_in_good_standing_is_not_eligible():
    world, apps = scored_world()
    membership = Membership.objects.get(organisation=apps[0].organisation)
    MembershipChange.objects.create(
        membership=membership,
        from_status="admitted",
        to_status="expelled",
        effective_on=timezone.now().date() - datetime.timedelta(days=1),
    )
    svc.call_select(actor=world.forum_staff, call=world.call)
    first = fresh(apps[0])
    assert first.outcome == "ineligible"
    assert first.reason == "not_in_good_standing"
    assert "not a member in good standing" in svc.decision_text(first, svc.platform_names())
    assert DelegateApplication.objects.filter(outcome="selected").count() == 3


def test_an_infeasible_selection_changes_nothing_and_names_the_problems():
    rules = default_rules()
    rules["delegates"]["per_country"] = {"georgia": {"minimum": 3, "maximum": 3}}
    world, apps = scored_world(rules)
    with pytest.raises(ValidationError) as exc:
        svc.call_select(actor=world.forum_staff, call=world.call)
    assert len(exc.value.messages) >= 2
    assert "Georgia needs at least 3 delegates" in " ".join(exc.value.messages)
    assert set(DelegateApplication.objects.values_list("outcome", flat=True)) == {"pending"}
    assert fresh(world.call).state == DelegateCall.State.SCORING


def test_the_selection_waits_for_every_mark():
    world, apps = scored_world()
    DelegateApplication.objects.filter(pk=apps[1].pk).update(scores={})
    with pytest.raises(ValidationError, match="1 application has no marks"):
        svc.call_select(actor=world.forum_staff, call=world.call)


def test_the_applicants_are_told_in_their_language_then_the_list_is_published():
    world, apps = scored_world()
    DelegateApplication.objects.filter(pk=apps[0].pk).update(language="ru")
    svc.call_select(actor=world.forum_staff, call=world.call)
    with pytest.raises(PermissionDenied):
        svc.applicants_notify(actor=world.secretariats["armenia"], call=world.call)
    told = svc.applicants_notify(actor=world.forum_staff, call=world.call)
    assert told == 5
    mails = list(OutgoingMail.objects.order_by("pk"))
    assert len(mails) == 5
    first = fresh(apps[0])
    russian = next(m for m in mails if first.email in m.to)
    assert first.submitted_by.email in russian.to
    assert "Annual Assembly 2027" in russian.subject
    with translation.override("ru"):
        assert first.get_outcome_display() in russian.subject
        assert svc.decision_text(first, svc.platform_names()) in russian.body
    english = next(m for m in mails if fresh(apps[4]).email in m.to)
    assert fresh(apps[4]).get_outcome_display() in english.body
    assert "/en/forum/assembly/2027/" in english.body
    assert all(a.notified_at for a in DelegateApplication.objects.all())
    # Told once: the selection stands, and a second round tells nobody again.
    assert svc.applicants_notify(actor=world.forum_staff, call=world.call) == 0
    with pytest.raises(ValidationError, match="have been told"):
        svc.call_select(actor=world.forum_staff, call=world.call)
    call = svc.call_publish(actor=world.forum_staff, call=world.call)
    assert call.state == DelegateCall.State.PUBLISHED
    assert fresh(world.assembly).delegates_published_at is not None


def test_real_scale_155_delegates_from_478_applications():
    """The Forum's real numbers under a statute with every kind of quota. The applications are
    written directly (478 representatives would only slow the test); the selection is the
    service's."""
    rules = {
        "delegates": {
            "seats": 155,
            "reserve": 20,
            "default_country": {"minimum": 15, "maximum": 30},
            "per_country": {"forum": {"minimum": 20, "maximum": 40}},
            "default_working_group": {"minimum": 20, "maximum": 40},
            "min_share_each_gender": "2/5",
        }
    }
    world = make_delegates(rules=rules)
    platforms = [world.platforms["armenia"], world.platforms["georgia"], world.forum] + [
        PlatformFactory.create(slug=slug)
        for slug in ("azerbaijan", "belarus", "moldova", "ukraine")
    ]
    rnd = random.Random(14)
    rows = []
    for i in range(478):
        platform = platforms[i % len(platforms)]
        rows.append(
            DelegateApplication(
                call=world.call,
                platform=platform,
                organisation=MembershipFactory.create(platform=platform).organisation,
                working_group=world.groups[rnd.randrange(5)],
                motivation="m",
                first_name="F",
                last_name=f"L{i}",
                email=f"p{i}@example.org",
                gender=rnd.choice(["woman", "man", "man", "woman", "other"]),
                scores=marks(rnd.randrange(11), rnd.randrange(11), rnd.randrange(11)),
            )
        )
    DelegateApplication.objects.bulk_create(rows)
    call = svc.call_close_applications(actor=world.forum_staff, call=pass_deadline(world.call))
    call = svc.call_close_ranking(actor=world.forum_staff, call=call)
    result = svc.call_select(actor=world.forum_staff, call=call)

    applications = list(DelegateApplication.objects.select_related("platform", "working_group"))
    selected = [a for a in applications if a.outcome == "selected"]
    assert len(selected) == 155 == len(result.selected)
    countries = Counter(a.platform.slug for a in selected)
    assert 20 <= countries.pop("forum") <= 40
    assert all(15 <= n <= 30 for n in countries.values())
    assert all(20 <= n <= 40 for n in Counter(a.working_group.number for a in selected).values())
    genders = Counter(a.gender for a in selected)
    assert genders["woman"] >= Fraction(2, 5) * 155
    assert genders["man"] >= Fraction(2, 5) * 155
    reserve = sorted(a.reserve_rank for a in applications if a.outcome == "reserve")
    assert reserve == list(range(1, 21))
    assert all(a.reason for a in applications)
    assert all(a.score is not None for a in applications)
