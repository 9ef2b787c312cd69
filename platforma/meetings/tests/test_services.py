"""Services: convocation, attendance, proxies, quorum events, motions, decisions, effects."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from platforma.core import services as core_services
from platforma.core.models import AuditEntry, Statute
from platforma.governance.models import Body, Mandate
from platforma.meetings import services
from platforma.meetings.models import Decision, Meeting, Motion, QuorumEvent
from platforma.meetings.selectors import quorum_now
from platforma.meetings.services.explain import explain_motion
from platforma.members.models import Membership
from platforma.testing.factories import (
    BodyFactory,
    MembershipFactory,
    OfficeFactory,
    OrganisationFactory,
    PersonFactory,
)

from .conftest import RULES, at, check_in, open_sitting

pytestmark = pytest.mark.django_db
T = {"actor": None, "actor_label": "test"}


def test_meeting_needs_an_aware_start_and_a_place(assembly):
    with pytest.raises(ValidationError, match="time zone"):
        services.meeting_create(
            body=assembly,
            starts_at=datetime.datetime(2014, 3, 15, 10),
            title_en="X",
            place_en="Baku",
            **T,
        )
    with pytest.raises(ValidationError, match="place or an online link"):
        services.meeting_create(body=assembly, starts_at=at((3, 15)), title_en="X", **T)
    with pytest.raises(ValidationError, match="deadline"):
        services.meeting_create(
            body=assembly, starts_at=at((3, 15)), title_en="X", kind="written", **T
        )
    assert not Meeting.objects.exists()


def test_convocation_mails_every_primary_representative_with_an_ics(meeting, members):
    services.agenda_item_add(
        meeting=meeting,
        title_en="Activity report 2013",
        documents=[{"title_en": "Report", "url": "https://example.org/r.pdf"}],
        **T,
    )
    convocation = services.convocation_send(meeting=meeting, sent_at=at((2, 20)), **T)
    assert len(mail.outbox) == 9
    message = mail.outbox[0]
    assert "General Assembly 2014" in message.subject
    assert "Activity report 2013" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "invitation.ics"
    assert mimetype.startswith("text/calendar")
    ics = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in ics
    assert "TZID=Asia/Baku" in ics
    assert "DTSTART;TZID=Asia/Baku:20140315T100000" in ics
    assert not convocation.is_late
    assert convocation.notice_days_given == 23
    assert AuditEntry.objects.filter(action="meetings.convocation.sent").count() == 1


def test_a_late_convocation_is_flagged_not_refused(meeting):
    convocation = services.convocation_send(meeting=meeting, sent_at=at((3, 10)), **T)
    assert convocation.is_late
    assert (convocation.notice_days_required, convocation.notice_days_given) == (14, 5)
    assert "14 days of notice" in mail.outbox[0].body


def test_convocation_after_the_start_is_refused(meeting):
    with pytest.raises(ValidationError, match="after it has started"):
        services.convocation_send(meeting=meeting, sent_at=at((3, 16)), **T)
    assert not mail.outbox


def test_board_is_convened_through_its_mandate_holders(platform, members):
    board = BodyFactory(platform=platform, kind=Body.Kind.BOARD, name_en="Board")
    office = OfficeFactory(platform=platform)
    person = PersonFactory(email="coordinator@example.org")
    Mandate.objects.create(
        office=office,
        person=person,
        organisation=members[0].organisation,
        starts_on=datetime.date(2013, 1, 1),
    )
    board_meeting = services.meeting_create(
        body=board,
        starts_at=at((3, 1)),
        title_en="Board",
        online_url="https://meet.example.org/b",
        **T,
    )
    services.convocation_send(meeting=board_meeting, sent_at=at((2, 1)), **T)
    assert [m.to for m in mail.outbox] == [[f"{person.full_name} <coordinator@example.org>"]]


def test_check_in_once_per_organisation_and_only_members(meeting, members, platform):
    attendance = check_in(meeting, members[:1])[0]
    assert attendance.delegate is not None  # the primary representative by default
    with pytest.raises(ValidationError, match="already checked in"):
        check_in(meeting, members[:1])
    stranger = MembershipFactory()  # member of another platform
    with pytest.raises(ValidationError, match="not entitled"):
        check_in(meeting, [stranger])
    suspended = MembershipFactory(platform=platform, status=Membership.Status.APPLIED)
    with pytest.raises(ValidationError, match="not entitled"):
        check_in(meeting, [suspended])


def test_late_arrival_and_early_departure(meeting, members):
    on_time, late = check_in(meeting, members[:1]), check_in(meeting, members[1:2], at((3, 15), 11))
    assert not on_time[0].arrived_late
    assert late[0].arrived_late
    gone = services.attendance_check_out(attendance=late[0], at=at((3, 15), 12), **T)
    services.meeting_close(meeting=meeting, ended_at=at((3, 15), 14), **T)
    gone.refresh_from_db()
    assert gone.left_early
    on_time[0].refresh_from_db()
    assert on_time[0].left_at == at((3, 15), 14)
    assert not on_time[0].left_early


def test_quorum_reached_and_lost_are_kept(meeting, members):
    # 9 members, half plus one: 5 needed.
    check_in(meeting, members[:4])
    assert not quorum_now(meeting).state.met
    fifth = check_in(meeting, members[4:5], at((3, 15), 10, 5))[0]
    state = quorum_now(meeting).state
    assert (state.present, state.required, state.met) == (5, 5, True)
    services.attendance_check_out(attendance=fifth, at=at((3, 15), 11), **T)
    events = list(QuorumEvent.objects.filter(meeting=meeting).values_list("reached", "present"))
    assert events == [(True, 5), (False, 4)]


def test_proxies_count_for_quorum_within_the_limit_and_no_chains(meeting, members):
    check_in(meeting, members[:4])
    a, b, c, d = members[4], members[5], members[0], members[1]
    services.proxy_give(meeting=meeting, giver=a, holder=c, **T)
    state = quorum_now(meeting).state
    assert (state.present, state.represented, state.met) == (4, 1, True)
    with pytest.raises(ValidationError, match="at most 1 proxy"):
        services.proxy_give(meeting=meeting, giver=b, holder=c, **T)
    with pytest.raises(ValidationError, match="cannot be passed on"):
        services.proxy_give(meeting=meeting, giver=c, holder=d, **T)
    with pytest.raises(ValidationError, match="given its own vote away"):
        services.proxy_give(meeting=meeting, giver=b, holder=a, **T)
    with pytest.raises(ValidationError, match="already given"):
        services.proxy_give(meeting=meeting, giver=a, holder=d, **T)


def test_proxies_refused_when_the_statute_forbids_them(meeting, members, platform):
    statute = Statute.objects.get(platform=platform)
    Statute.objects.filter(pk=statute.pk).update(
        rules={**statute.rules, "proxies": {"allowed": False, "max_per_delegate": 0}}
    )
    with pytest.raises(ValidationError, match="does not allow proxies"):
        services.proxy_give(meeting=meeting, giver=members[0], holder=members[1], **T)


def _open_vote(meeting, members, choices, **motion):
    motion = services.motion_create(
        meeting=meeting, title_en=motion.pop("title", "Motion"), **motion, **T
    )
    services.votes_record(motion=motion, choices=dict(zip(members, choices, strict=False)), **T)
    return motion


def test_motion_adopted_becomes_numbered_decision(meeting, members):
    check_in(meeting, members[:6])
    services.proxy_give(meeting=meeting, giver=members[6], holder=members[0], **T)
    motion = _open_vote(
        meeting,
        members[:7],
        ["for"] * 4 + ["against", "abstain", "for"],
        title="Approve the report",
        kind="report_approval",
    )
    assert motion.votes.get(membership=members[6]).by_proxy
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    motion.refresh_from_db()
    assert motion.adopted
    assert motion.majority == "simple"
    assert explain_motion(motion) == (
        "5 for, 1 against of 6 votes cast (1 abstention not counted); "
        "more votes for than against needed (4): adopted"
    )
    decision = Decision.objects.get(motion=motion)
    assert decision.reference == "GA-2014-01"
    assert decision.is_public
    second = _open_vote(meeting, members[:2], ["for", "for"], title="Second")
    services.motion_decide(motion=second, at=at((3, 15), 13), **T)
    assert Decision.objects.get(motion=second).reference == "GA-2014-02"


def test_domain_example_wording_with_abstentions_counted():
    text = services.explain_result(
        kind="two_thirds_cast",
        votes_for=113,
        votes_against=9,
        votes_abstain=5,
        votes_cast=127,
        abstentions_counted=True,
        basis_count=127,
        needed=85,
        adopted=True,
    )
    assert text == (
        "113 for, 9 against, 5 abstentions of 127 votes cast; "
        "two thirds of votes cast needed (85): adopted"
    )


def test_result_refused_without_quorum(meeting, members):
    check_in(meeting, members[:3])
    motion = _open_vote(meeting, members[:3], ["for"] * 3)
    with pytest.raises(ValidationError, match="No result without quorum: 3 of 9"):
        services.motion_decide(motion=motion, **T)
    motion.refresh_from_db()
    assert motion.status == Motion.Status.OPEN
    assert not Decision.objects.exists()


def test_votes_only_from_present_or_represented(meeting, members):
    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="M", **T)
    with pytest.raises(ValidationError, match="neither present nor represented"):
        services.votes_record(motion=motion, choices={members[8]: "for"}, **T)
    with pytest.raises(ValidationError, match="Unknown vote"):
        services.votes_record(motion=motion, choices={members[0]: "maybe"}, **T)
    assert not motion.votes.exists()


def test_rejected_motion_makes_no_decision(meeting, members):
    check_in(meeting, members[:5])
    motion = _open_vote(meeting, members[:5], ["for", "for", "against", "against", "abstain"])
    services.motion_decide(motion=motion, **T)
    motion.refresh_from_db()
    assert motion.adopted is False
    assert not Decision.objects.exists()
    with pytest.raises(ValidationError, match="no longer open"):
        services.votes_record(motion=motion, choices={members[0]: "for"}, **T)


def test_secret_vote_takes_totals(meeting, members):
    check_in(meeting, members[:6])
    motion = services.motion_create(meeting=meeting, title_en="Secret", is_secret=True, **T)
    with pytest.raises(ValidationError, match="secret vote is not recorded"):
        services.votes_record(motion=motion, choices={members[0]: "for"}, **T)
    with pytest.raises(ValidationError, match="impossible"):
        services.motion_decide(motion=motion, totals=(5, 5, 0), **T)
    services.motion_decide(motion=motion, totals=(4, 1, 1), **T)
    motion.refresh_from_db()
    assert motion.adopted


def test_admission_effect_admits_the_applicant(meeting, members, platform):
    applicant = Membership.objects.create(
        platform=platform, organisation=OrganisationFactory(), status=Membership.Status.UNDER_REVIEW
    )
    check_in(meeting, members[:6])
    motion = _open_vote(
        meeting, members[:6], ["for"] * 6, kind="admission", subject_membership=applicant
    )
    assert motion.majority == "simple_present"
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    applicant.refresh_from_db()
    assert applicant.status == Membership.Status.ADMITTED
    change = applicant.changes.get()
    assert change.decision_reference == "GA-2014-01"


def test_expulsion_effect(meeting, members):
    check_in(meeting, members[:6])
    motion = _open_vote(
        meeting,
        members[:6],
        ["for"] * 5 + ["against"],
        kind="expulsion",
        subject_membership=members[8],
    )
    assert motion.majority == "two_thirds_present"
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    members[8].refresh_from_db()
    assert members[8].status == Membership.Status.EXPELLED


def test_no_confidence_ends_the_mandate(meeting, members, platform):
    office = OfficeFactory(platform=platform)
    mandate = Mandate.objects.create(
        office=office,
        person=PersonFactory(),
        organisation=members[0].organisation,
        starts_on=datetime.date(2013, 11, 16),
        ends_on=datetime.date(2015, 11, 15),
    )
    check_in(meeting, members[:6])
    with pytest.raises(ValidationError, match="mandate in force"):
        services.motion_create(meeting=meeting, title_en="NC", kind="no_confidence", **T)
    motion = _open_vote(
        meeting,
        members[:6],
        ["for"] * 5 + ["abstain"],
        kind="no_confidence",
        subject_mandate=mandate,
    )
    assert motion.majority == "absolute_members"
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    mandate.refresh_from_db()
    assert mandate.end_reason == "no_confidence"
    assert mandate.ends_on == datetime.date(2014, 3, 15)


def test_statute_change_brings_a_new_version_into_force(meeting, members, platform):
    check_in(meeting, members[:6])
    with pytest.raises(ValidationError, match="quorum.share"):
        services.motion_create(
            meeting=meeting,
            title_en="S",
            kind="statute_change",
            new_statute={
                "title": "v2",
                "effective_from": "2014-04-01",
                "rules": {"quorum": {"share": "3/2"}},
            },
            **T,
        )
    motion = _open_vote(
        meeting,
        members[:6],
        ["for"] * 6,
        kind="statute_change",
        new_statute={
            "title": "Statute v2",
            "effective_from": "2014-04-01",
            "rules": {"quorum": {"share": "2/3", "more_than": False}},
        },
    )
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    statute = Statute.objects.get(platform=platform, version=2)
    assert statute.effective_from == datetime.date(2014, 4, 1)
    assert statute.adopted_by.endswith("GA-2014-01")
    decision = Decision.objects.get(motion=motion)
    with pytest.raises(ValidationError, match="already been carried out"):
        services.decision_carry_out(decision=decision, **T)


def test_written_vote_counts_voters_as_present(assembly, members):
    vote = services.meeting_create(
        body=assembly,
        kind="written",
        starts_at=at((5, 1)),
        vote_deadline=at((5, 10)),
        title_en="E-mail vote",
        **T,
    )
    motion = services.motion_create(meeting=vote, title_en="Position paper", **T)
    open_sitting(vote, at((5, 1)))
    services.votes_record(
        motion=motion, choices=dict.fromkeys(members[:4], "for"), at=at((5, 2)), **T
    )
    with pytest.raises(ValidationError, match="No result without quorum"):
        services.motion_decide(motion=motion, at=at((5, 10)), **T)
    services.votes_record(motion=motion, choices={members[4]: "against"}, at=at((5, 3)), **T)
    with pytest.raises(ValidationError, match="deadline"):
        services.votes_record(motion=motion, choices={members[5]: "for"}, at=at((5, 11)), **T)
    services.motion_decide(motion=motion, at=at((5, 10)), **T)
    motion.refresh_from_db()
    assert motion.adopted
    assert motion.present_count == 5


def test_minutes_locked_after_approval(meeting, assembly, members):
    check_in(meeting, members[:5])
    services.minutes_update(meeting=meeting, narrative="The chair opened the meeting.", **T)
    earlier = services.meeting_create(
        body=assembly, starts_at=at((1, 10)), title_en="Before", place_en="Baku", **T
    )
    with pytest.raises(ValidationError, match="later meeting"):
        services.minutes_approve(meeting=meeting, at_meeting=earlier, **T)
    later = services.meeting_create(
        body=assembly, starts_at=at((11, 22)), title_en="Next", place_en="Baku", **T
    )
    minutes = services.minutes_approve(meeting=meeting, at_meeting=later, **T)
    assert minutes.is_locked
    assert minutes.approved_on == datetime.date(2014, 11, 22)
    with pytest.raises(ValidationError, match="approved"):
        services.minutes_update(meeting=meeting, narrative="changed", **T)
    with pytest.raises(ValidationError, match="can no longer change"):
        check_in(meeting, members[5:6])
    with pytest.raises(ValidationError, match="can no longer change"):
        services.motion_create(meeting=meeting, title_en="Late", **T)


def test_admitting_an_applicant_records_the_decision_on_its_application(
    meeting, members, platform, assembly
):
    from platforma.members.models import Application, MembershipChange
    from platforma.testing.factories import WorkingGroupFactory

    core_services.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute, 2010",
        effective_from=datetime.date(2010, 1, 1),
        rules={
            **RULES,
            "admission": {"majority": "simple_present", "decided_by": "general_assembly"},
        },
    )
    applicant = Membership.objects.create(
        platform=platform, organisation=OrganisationFactory(), status=Membership.Status.UNDER_REVIEW
    )
    MembershipChange.objects.create(
        membership=applicant, to_status="under_review", effective_on=datetime.date(2013, 12, 1)
    )
    group = WorkingGroupFactory(platform=platform)
    application = Application.objects.create(
        platform=platform,
        organisation=applicant.organisation,
        membership=applicant,
        contact_name="Applicant",
        contact_email="applicant@example.org",
    )
    application.working_groups.set([group])
    check_in(meeting, members[:6])
    motion = _open_vote(
        meeting, members[:6], ["for"] * 6, kind="admission", subject_membership=applicant
    )
    services.motion_decide(motion=motion, at=at((3, 15), 12), **T)
    application.refresh_from_db()
    assert application.decision_reference == "GA-2014-01"
    assert application.decided_on == datetime.date(2014, 3, 15)
    assert applicant.enrolments.get().working_group == group
    applicant.refresh_from_db()
    assert applicant.status == Membership.Status.ADMITTED
