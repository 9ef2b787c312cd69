"""The meetings office through HTTP: each page's success, its refusals (a message, nothing
written), another platform's objects (404) and the audit entry each write leaves."""

import datetime
import json
import zoneinfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry, PlatformRole
from platforma.governance.models import Body
from platforma.meetings import services
from platforma.meetings.models import AgendaDocument, AgendaItem, Attendance, Decision, Meeting
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import BodyFactory, PlatformFactory

from .conftest import BAKU, at, check_in, new_member, open_sitting

pytestmark = pytest.mark.django_db
T = {"actor": None, "actor_label": "test"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, meeting, *extra, slug=None):
    return reverse(f"meetings:{name}", args=[slug or meeting.platform.slug, meeting.pk, *extra])


def audits(action):
    return AuditEntry.objects.filter(action=action)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def office(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def soon(assembly, members):
    """A meeting starting in half an hour: its sitting may be opened now."""
    return services.meeting_create(
        body=assembly,
        starts_at=timezone.now() + datetime.timedelta(minutes=30),
        title_en="Soon",
        place_en="Baku",
        **T,
    )


# --- creating and editing a meeting --------------------------------------------------------


def _meeting_post(body, **extra):
    data = {
        "body": body.pk,
        "kind": "ordinary",
        "title_en": "General Assembly 2015",
        "title_az": "Ümumi Yığıncaq 2015",
        "title_ru": "",
        "starts_at": "2015-03-14T10:00",
        "ends_at": "2015-03-14T13:00",
        "vote_deadline": "",
        "place_en": "Baku",
        "place_az": "Bakı",
        "place_ru": "",
        "online_url": "",
        "language": "en",
    }
    return {**data, **extra}


def test_create_reads_the_time_in_the_platforms_zone(office, platform, assembly, secretary):
    form = office.get(reverse("meetings:office-meeting-create", args=[platform.slug]))
    assert "Time zone: Asia/Baku" in form.content.decode()
    response = office.post(
        reverse("meetings:office-meeting-create", args=[platform.slug]),
        _meeting_post(assembly),
        follow=True,
    )
    meeting = Meeting.objects.get()
    assert meeting.platform == platform
    assert meeting.starts_at == datetime.datetime(2015, 3, 14, 6, 0, tzinfo=datetime.UTC)
    assert meeting.ends_at == datetime.datetime(2015, 3, 14, 9, 0, tzinfo=datetime.UTC)
    assert (meeting.title_en, meeting.title_az, meeting.place_az) == (
        "General Assembly 2015",
        "Ümumi Yığıncaq 2015",
        "Bakı",
    )
    page = response.content.decode()
    assert "10:00" in page
    assert "Asia/Baku" in page
    entry = audits("meetings.meeting.created").get()
    assert entry.actor == secretary
    assert entry.platform == platform


def test_create_refuses_with_a_message_and_writes_nothing(office, platform, assembly):
    response = office.post(
        reverse("meetings:office-meeting-create", args=[platform.slug]),
        _meeting_post(assembly, place_en="", place_az=""),
    )
    assert response.status_code == 200
    assert "Give a place or an online link for the meeting." in response.content.decode()
    early_end = office.post(
        reverse("meetings:office-meeting-create", args=[platform.slug]),
        _meeting_post(assembly, ends_at="2015-03-14T09:00"),
    )
    assert "A meeting ends after it starts." in early_end.content.decode()
    assert not Meeting.objects.exists()
    assert not audits("meetings.meeting.created").exists()


def test_create_offers_only_the_platforms_bodies(office, platform, assembly):
    foreign = BodyFactory(platform=PlatformFactory(slug="faraway"), kind=Body.Kind.BOARD)
    form = office.get(reverse("meetings:office-meeting-create", args=[platform.slug]))
    assert f'value="{foreign.pk}"' not in form.content.decode()
    response = office.post(
        reverse("meetings:office-meeting-create", args=[platform.slug]),
        _meeting_post(foreign),
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_service_refuses_a_body_of_a_platform_the_actor_does_not_manage(assembly, outsider):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.meeting_create(
            actor=outsider,
            body=assembly,
            starts_at=at((3, 15)),
            title_en="Takeover",
            place_en="Baku",
        )
    assert not Meeting.objects.exists()


def test_edit_saves_and_is_audited(office, meeting, assembly):
    form = office.get(url("office-meeting-edit", meeting)).content.decode()
    assert 'value="2014-03-15T10:00"' in form  # shown in the meeting's zone, as typed
    response = office.post(
        url("office-meeting-edit", meeting),
        _meeting_post(assembly, starts_at="2014-03-15T11:30", title_en="GA 2014, moved"),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title_en == "GA 2014, moved"
    assert meeting.local_start.strftime("%H:%M") == "11:30"
    entry = audits("meetings.meeting.updated").get()
    assert entry.data["changes"]["title_en"] == {
        "before": "General Assembly 2014",
        "after": "GA 2014, moved",
    }


def test_edit_warns_that_a_convened_meeting_needs_a_new_convocation(office, meeting, assembly):
    services.convocation_send(meeting=meeting, sent_at=at((2, 20)), **T)
    response = office.post(
        url("office-meeting-edit", meeting),
        _meeting_post(assembly, starts_at="2014-03-16T10:00"),
        follow=True,
    )
    assert "send the convocation again" in " ".join(messages_of(response))
    assert audits("meetings.meeting.updated").get().data["convened_before_the_change"]


def test_edit_refuses_to_move_an_open_sitting(office, meeting, assembly):
    open_sitting(meeting)
    response = office.post(
        url("office-meeting-edit", meeting),
        _meeting_post(assembly, starts_at="2014-03-15T12:00"),
    )
    assert "can no longer change" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.local_start.hour == 10
    assert not audits("meetings.meeting.updated").exists()


# --- opening and closing the sitting -------------------------------------------------------


def test_open_is_refused_too_early_then_allowed(office, assembly, members, settings):
    later = services.meeting_create(
        body=assembly,
        starts_at=timezone.now() + datetime.timedelta(hours=3),
        title_en="Later",
        place_en="Baku",
        **T,
    )
    response = office.post(url("office-meeting-open", later), follow=True)
    assert "can be opened from" in " ".join(messages_of(response))
    later.refresh_from_db()
    assert later.opened_at is None
    assert not audits("meetings.meeting.opened").exists()
    settings.PLATFORMA_SITTING_OPENS_BEFORE_MINUTES = 240  # read when the sitting opens
    response = office.post(url("office-meeting-open", later), follow=True)
    assert "The sitting is open" in " ".join(messages_of(response))
    later.refresh_from_db()
    assert later.opened_at is not None
    assert audits("meetings.meeting.opened").count() == 1


def test_opening_follows_the_setting(office, soon, settings):
    settings.PLATFORMA_SITTING_OPENS_BEFORE_MINUTES = 10
    office.post(url("office-meeting-open", soon))
    soon.refresh_from_db()
    assert soon.opened_at is None
    settings.PLATFORMA_SITTING_OPENS_BEFORE_MINUTES = 60
    office.post(url("office-meeting-open", soon))
    soon.refresh_from_db()
    assert soon.opened_at is not None


def test_close_needs_confirmation_and_checks_everyone_out(office, meeting, members):
    check_in(meeting, members[:3])
    refused = office.post(url("office-meeting-close", meeting), follow=True)
    assert "Tick “I confirm”" in " ".join(messages_of(refused))
    meeting.refresh_from_db()
    assert meeting.ended_at is None
    office.post(url("office-meeting-close", meeting), {"confirm": "on"})
    meeting.refresh_from_db()
    assert meeting.ended_at is not None
    assert not Attendance.objects.filter(left_at__isnull=True).exists()
    assert audits("meetings.meeting.closed").get().data["checked_out"] == 3


def test_a_sitting_never_opened_cannot_be_closed(office, meeting):
    response = office.post(url("office-meeting-close", meeting), {"confirm": "on"}, follow=True)
    assert "never opened" in " ".join(messages_of(response))
    assert not audits("meetings.meeting.closed").exists()


def test_the_ics_says_the_time_in_the_meetings_zone(office, meeting):
    response = office.get(url("office-meeting-ics", meeting))
    assert response["Content-Type"].startswith("text/calendar")
    ics = response.content.decode()
    assert "DTSTART;TZID=Asia/Baku:20140315T100000" in ics
    assert "BEGIN:VTIMEZONE" in ics


# --- another platform's secretariat ---------------------------------------------------------

CROSS = [
    ("meeting-detail", ()),
    ("office-meeting-edit", ()),
    ("office-meeting-ics", ()),
    ("office-agenda", ()),
    ("attendance", ()),
]
CROSS_POST = ["office-meeting-open", "office-meeting-close", "meeting-convene", "attendance"]


def test_another_platforms_secretariat_finds_nothing(client, meeting, members, outsider):
    item = services.agenda_item_add(meeting=meeting, title_en="Budget", **T)
    document = services.agenda_document_add(
        item=item, title_en="Budget", file=SimpleUploadedFile("b.pdf", PDF), **T
    )
    client.force_login(outsider)
    for slug in ("elsewhere", meeting.platform.slug):  # its own address with our ids; ours
        for name, extra in CROSS:
            assert client.get(url(name, meeting, *extra, slug=slug)).status_code == 404, name
        for name in CROSS_POST:
            response = client.post(
                url(name, meeting, slug=slug), {"confirm": "on", "memberships": [members[0].pk]}
            )
            assert response.status_code == 404, name
        for name in ("office-agenda-item-edit", "office-agenda-item-remove"):
            assert client.get(url(name, meeting, item.pk, slug=slug)).status_code == 404
        assert (
            client.post(
                url("office-agenda-item-move", meeting, item.pk, slug=slug), {"direction": "down"}
            ).status_code
            == 404
        )
        assert (
            client.get(url("office-agenda-document", meeting, document.pk, slug=slug)).status_code
            == 404
        )
        assert (
            client.post(
                url("office-agenda-document-remove", meeting, document.pk, slug=slug),
                {"confirm": "on"},
            ).status_code
            == 404
        )
    meeting.refresh_from_db()
    assert meeting.opened_at is None
    assert AgendaDocument.objects.count() == 1
    assert not Attendance.objects.exists()


# --- the agenda ----------------------------------------------------------------------------


def test_agenda_items_are_added_moved_edited_and_removed(office, meeting):
    for title in ("Opening", "Report", "Budget"):
        response = office.post(url("office-agenda", meeting), {"title_en": title})
        assert response.status_code == 302
    assert audits("meetings.agenda_item.added").count() == 3
    budget = AgendaItem.objects.get(title_en="Budget")
    office.post(url("office-agenda-item-move", meeting, budget.pk), {"direction": "up"})
    assert list(meeting.agenda.order_by("position").values_list("title_en", flat=True)) == [
        "Opening",
        "Budget",
        "Report",
    ]
    assert audits("meetings.agenda_item.moved").get().data == {"before": 3, "after": 2}
    office.post(url("office-agenda-item-move", meeting, budget.pk), {"position": "1"})
    assert meeting.agenda.get(position=1) == budget
    refused = office.post(
        url("office-agenda-item-move", meeting, budget.pk), {"direction": "up"}, follow=True
    )
    assert "positions 1 to 3" in " ".join(messages_of(refused))
    office.post(
        url("office-agenda-item-edit", meeting, budget.pk),
        {"title_en": "Budget 2014", "description_en": "Draft attached", "title_ru": "Бюджет"},
    )
    budget.refresh_from_db()
    assert (budget.title_en, budget.title_ru, budget.description_en) == (
        "Budget 2014",
        "Бюджет",
        "Draft attached",
    )
    assert audits("meetings.agenda_item.updated").count() == 1
    confirm_page = office.get(url("office-agenda-item-remove", meeting, budget.pk))
    assert "cannot be undone" in confirm_page.content.decode()
    not_confirmed = office.post(url("office-agenda-item-remove", meeting, budget.pk), {})
    assert "Tick the box to confirm." in not_confirmed.content.decode()
    assert AgendaItem.objects.filter(pk=budget.pk).exists()
    office.post(url("office-agenda-item-remove", meeting, budget.pk), {"confirm": "on"})
    assert list(meeting.agenda.order_by("position").values_list("position", "title_en")) == [
        (1, "Opening"),
        (2, "Report"),
    ]
    assert audits("meetings.agenda_item.removed").count() == 1


def test_agenda_item_without_a_title_is_refused(office, meeting):
    response = office.post(url("office-agenda", meeting), {"title_en": "", "title_az": "X"})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_an_item_with_motions_stays_on_the_agenda(office, meeting):
    item = services.agenda_item_add(meeting=meeting, title_en="Report", **T)
    services.motion_create(meeting=meeting, agenda_item=item, title_en="Approve", **T)
    response = office.post(
        url("office-agenda-item-remove", meeting, item.pk), {"confirm": "on"}, follow=True
    )
    assert "stays on the agenda" in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_agenda_page_query_budget(office, meeting):
    def add_items(n):
        for _ in range(n):
            i = AgendaItem.objects.filter(meeting=meeting).count()
            item = services.agenda_item_add(meeting=meeting, title_en=f"Item {i}", **T)
            services.agenda_document_add(
                item=item, title_en=f"Doc {i}", url=f"https://example.org/{i}.pdf", **T
            )

    response = assert_page_budget(office, url("office-agenda", meeting), add_items, ceiling=14)
    assert response.content.decode().count("Doc ") >= 9


# --- agenda documents ----------------------------------------------------------------------


def test_a_document_is_named_after_its_content_and_served_as_an_attachment(office, meeting):
    item = services.agenda_item_add(meeting=meeting, title_en="Budget", **T)
    upload = SimpleUploadedFile("budget.html", PDF, content_type="text/html")
    response = office.post(
        url("office-agenda-document-add", meeting, item.pk),
        {"title_en": "Draft budget", "file": upload},
    )
    assert response.status_code == 302
    document = AgendaDocument.objects.get()
    assert document.file.name.endswith(".pdf")
    assert "budget" in document.file.name
    assert audits("meetings.agenda_document.added").count() == 1
    download = office.get(url("office-agenda-document", meeting, document.pk))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content) == PDF
    page = office.get(url("meeting-detail", meeting)).content.decode()
    assert url("office-agenda-document", meeting, document.pk) in page


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("agenda.html", b"<html><script>alert(1)</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_html_or_svg_uploads_are_refused(office, meeting, name, content):
    item = services.agenda_item_add(meeting=meeting, title_en="Budget", **T)
    response = office.post(
        url("office-agenda-document-add", meeting, item.pk),
        {"title_en": "Script", "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert "is not of an accepted type" in " ".join(messages_of(response))
    assert not AgendaDocument.objects.exists()
    assert not audits("meetings.agenda_document.added").exists()


def test_a_link_document_and_its_removal(office, meeting):
    item = services.agenda_item_add(meeting=meeting, title_en="Budget", **T)
    both = office.post(
        url("office-agenda-document-add", meeting, item.pk),
        {
            "title_en": "Both",
            "url": "https://example.org/a.pdf",
            "file": SimpleUploadedFile("a.pdf", PDF),
        },
        follow=True,
    )
    assert "one of them" in " ".join(messages_of(both))
    assert not AgendaDocument.objects.exists()
    office.post(
        url("office-agenda-document-add", meeting, item.pk),
        {"title_en": "Report", "url": "https://example.org/report.pdf"},
    )
    document = AgendaDocument.objects.get()
    assert office.get(url("office-agenda-document", meeting, document.pk)).status_code == 404
    office.post(url("office-agenda-document-remove", meeting, document.pk), {})
    assert AgendaDocument.objects.exists()  # not confirmed
    office.post(url("office-agenda-document-remove", meeting, document.pk), {"confirm": "on"})
    assert not AgendaDocument.objects.exists()
    assert audits("meetings.agenda_document.removed").count() == 1


# --- convocation ---------------------------------------------------------------------------


def test_convocation_needs_confirmation_and_links_from_the_base_url(
    office, meeting, members, settings, monkeypatch
):
    settings.PLATFORMA_BASE_URL = "https://platforma.example.org"
    monkeypatch.setattr(
        "platforma.meetings.services.meetings.moment",
        lambda at: at or datetime.datetime(2014, 2, 20, 9, tzinfo=BAKU),
    )
    office.post(url("meeting-convene", meeting))
    assert not mail.outbox
    assert not audits("meetings.convocation.sent").exists()
    response = office.post(url("meeting-convene", meeting), {"confirm": "on"}, follow=True)
    assert "Convocation sent to 9 people" in " ".join(messages_of(response))
    body = mail.outbox[0].body
    assert f"https://platforma.example.org/en/testland/meetings/{meeting.pk}/" in body
    assert "testserver" not in body
    assert "10:00" in body
    assert audits("meetings.convocation.sent").count() == 1


# --- check-in of many ----------------------------------------------------------------------


def test_check_in_waits_for_the_sitting(office, meeting, members):
    page = office.get(url("attendance", meeting)).content.decode()
    assert "The sitting is not open yet" in page
    response = office.post(
        url("attendance", meeting), {"memberships": [members[0].pk]}, follow=True
    )
    assert "The sitting is not open yet" in " ".join(messages_of(response))
    assert not Attendance.objects.exists()


def test_many_organisations_check_in_with_one_submit(office, meeting, members, secretary):
    open_sitting(meeting)
    response = office.post(
        url("attendance", meeting), {"memberships": [m.pk for m in members]}, follow=True
    )
    assert "9 organisations checked in" in " ".join(messages_of(response))
    assert Attendance.objects.filter(meeting=meeting, left_at__isnull=True).count() == 9
    entry = audits("meetings.attendance.checked_in_many").get()
    assert entry.actor == secretary
    assert len(entry.data["organisations"]) == 9
    assert entry.data["quorum"]["reached"] is True
    assert "Every organisation entitled to attend is checked in." in response.content.decode()


def test_check_in_refuses_all_when_one_cannot(meeting, members, platform):
    from django.core.exceptions import ValidationError

    from platforma.testing.factories import MembershipFactory

    open_sitting(meeting)
    applicant = MembershipFactory(platform=platform, status="applied")
    with pytest.raises(ValidationError, match="not entitled"):
        services.attendance_check_in_many(meeting=meeting, memberships=[members[0], applicant], **T)
    assert not Attendance.objects.exists()


def test_checkin_page_query_budget(office, meeting, platform):
    response = assert_page_budget(
        office,
        url("attendance", meeting),
        lambda n: check_in(meeting, [new_member(platform) for _ in range(n)]),
        ceiling=16,
    )
    assert Attendance.objects.filter(meeting=meeting).count() == 9
    assert response.context["meeting"] == meeting


# --- motions, votes by a grid or by counts, decisions --------------------------------------


def _motion_post(**extra):
    data = {"title": "Statute 2014", "text": "", "kind": "statute_change"}
    data.update(statute_title="Statute v2", statute_effective_from="2014-04-01")
    return {**data, **extra}


def test_statute_change_rules_are_checked_key_by_key(office, meeting):
    wrong_share = office.post(
        url("motion-list", meeting),
        _motion_post(statute_rules=json.dumps({"quorum": {"share": "3/2"}})),
    )
    assert "quorum.share" in wrong_share.content.decode()
    unknown = office.post(url("motion-list", meeting), _motion_post(statute_rules='{"quorom": {}}'))
    assert "quorom: unknown rule" in unknown.content.decode()
    broken = office.post(url("motion-list", meeting), _motion_post(statute_rules='{"quorum": '))
    assert "not valid JSON" in broken.content.decode()
    no_title = office.post(
        url("motion-list", meeting), _motion_post(statute_title="", statute_rules="{}")
    )
    assert "title and rules" in no_title.content.decode()
    assert not meeting.motions.exists()
    rules = {"quorum": {"share": "2/3", "more_than": False}}
    response = office.post(
        url("motion-list", meeting), _motion_post(statute_rules=json.dumps(rules))
    )
    motion = meeting.motions.get()
    assert response["Location"] == url("motion-votes", meeting, motion.pk)
    assert motion.new_statute == {
        "title": "Statute v2",
        "effective_from": "2014-04-01",
        "rules": rules,
    }
    assert audits("meetings.motion.created").count() == 1


@pytest.mark.parametrize("kind", ["ordinary", "report_approval", "budget_approval"])
def test_every_plain_kind_of_motion_is_put_through_the_form(office, meeting, kind):
    office.post(url("motion-list", meeting), {"title": f"A {kind}", "kind": kind})
    assert meeting.motions.get().kind == kind


def test_votes_in_one_grid_then_the_decision(office, meeting, members):
    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="Plan", **T)
    votes = {f"m{m.pk}": "for" for m in members[:4]} | {f"m{members[4].pk}": "against"}
    office.post(url("motion-votes", meeting, motion.pk), {"record": "1", **votes})
    assert motion.votes.count() == 5
    assert audits("meetings.votes.recorded").count() == 1
    office.post(url("motion-votes", meeting, motion.pk), {"decide": "1"})
    decision = Decision.objects.get()
    assert decision.decided_on == datetime.date(2014, 3, 15)  # the sitting's day, not today


def test_a_show_of_hands_is_entered_as_counts(office, meeting, members):
    check_in(meeting, members[:6])
    motion = services.motion_create(meeting=meeting, title_en="Plan by hands", **T)
    page = office.get(url("motion-votes", meeting, motion.pk)).content.decode()
    assert "show of hands" in page
    too_many = office.post(
        url("motion-votes", meeting, motion.pk),
        {"counts": "1", "votes_for": 6, "votes_against": 1, "votes_abstain": 0},
        follow=True,
    )
    assert "only 6 organisations are present" in " ".join(messages_of(too_many))
    motion.refresh_from_db()
    assert motion.status == "open"
    office.post(
        url("motion-votes", meeting, motion.pk),
        {"counts": "1", "votes_for": 4, "votes_against": 1, "votes_abstain": 1},
    )
    motion.refresh_from_db()
    assert (motion.adopted, motion.votes_for, motion.votes_against) == (True, 4, 1)
    assert not motion.votes.exists()
    assert audits("meetings.motion.decided").get().data["method"] == "show_of_hands"
    assert Decision.objects.get(motion=motion).decided_on == datetime.date(2014, 3, 15)


def test_counts_are_refused_once_votes_were_recorded_per_organisation(office, meeting, members):
    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="Mixed", **T)
    services.votes_record(motion=motion, choices={members[0]: "for"}, **T)
    response = office.post(
        url("motion-votes", meeting, motion.pk),
        {"counts": "1", "votes_for": 5, "votes_against": 0, "votes_abstain": 0},
        follow=True,
    )
    assert "counted from them" in " ".join(messages_of(response))
    assert not Decision.objects.exists()


def test_votes_and_decisions_wait_for_the_sitting(office, meeting, members):
    motion = services.motion_create(meeting=meeting, title_en="Too early", **T)
    response = office.post(
        url("motion-votes", meeting, motion.pk),
        {"counts": "1", "votes_for": 5, "votes_against": 0, "votes_abstain": 0},
        follow=True,
    )
    assert "The sitting is not open yet" in " ".join(messages_of(response))
    motion.refresh_from_db()
    assert motion.status == "open"


def test_a_decision_cannot_be_dated_in_the_future(meeting, members):
    from django.core.exceptions import ValidationError

    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="Future", **T)
    services.votes_record(motion=motion, choices=dict.fromkeys(members[:5], "for"), **T)
    with pytest.raises(ValidationError, match="future"):
        services.motion_decide(motion=motion, at=timezone.now() + datetime.timedelta(days=1), **T)
    with pytest.raises(ValidationError, match="nothing can be recorded before"):
        services.motion_decide(motion=motion, at=at((3, 15), 8), **T)
    assert not Decision.objects.exists()


def test_a_sitting_late_in_the_evening_decides_on_its_own_day(assembly, members):
    """Opened before midnight for a start after it: a decision at 23:50 is dated that evening,
    never the sitting's day still to come."""
    meeting = services.meeting_create(
        body=assembly,
        starts_at=datetime.datetime(2014, 6, 1, 0, 15, tzinfo=BAKU),
        title_en="Midnight",
        place_en="Baku",
        **T,
    )
    open_sitting(meeting, datetime.datetime(2014, 5, 31, 23, 30, tzinfo=BAKU))
    check_in(meeting, members[:5], datetime.datetime(2014, 5, 31, 23, 40, tzinfo=BAKU))
    motion = services.motion_create(meeting=meeting, title_en="Late", **T)
    services.votes_record(motion=motion, choices=dict.fromkeys(members[:5], "for"), **T)
    services.motion_decide(
        motion=motion, at=datetime.datetime(2014, 5, 31, 23, 50, tzinfo=BAKU), **T
    )
    assert Decision.objects.get().decided_on == datetime.date(2014, 5, 31)


# --- the register: public, without the office's menu ---------------------------------------


def test_public_register_has_no_office_menu(client, meeting, members, secretary):
    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="Published", **T)
    services.votes_record(motion=motion, choices=dict.fromkeys(members[:5], "for"), **T)
    services.motion_decide(motion=motion, **T)
    register = reverse("meetings:decision-list", args=[meeting.platform.slug])
    public = client.get(register).content.decode()
    assert "Published" in public
    assert "office-nav" not in public
    client.force_login(secretary)
    assert "office-nav" in client.get(register).content.decode()
    assert "office-nav" in client.get(url("meeting-detail", meeting)).content.decode()


def test_the_secretariat_is_not_staff(secretary, platform):
    assert not secretary.is_staff
    assert PlatformRole.objects.filter(user=secretary, platform=platform).exists()


def test_times_on_the_detail_page_are_the_meetings(office, meeting):
    page = office.get(url("meeting-detail", meeting)).content.decode()
    assert "10:00" in page
    assert "Asia/Baku" in page
    assert zoneinfo.ZoneInfo(meeting.time_zone) == BAKU


def test_the_secretariat_decides_what_the_public_register_shows(
    client, meeting, members, secretary, outsider
):
    check_in(meeting, members[:5])
    motion = services.motion_create(meeting=meeting, title_en="Internal matter", **T)
    services.votes_record(motion=motion, choices=dict.fromkeys(members[:5], "for"), **T)
    services.motion_decide(motion=motion, **T)
    decision = Decision.objects.get()
    register = reverse("meetings:decision-list", args=[meeting.platform.slug])
    toggle = reverse(
        "meetings:office-decision-visibility", args=[meeting.platform.slug, decision.pk]
    )
    client.force_login(outsider)
    elsewhere = reverse("meetings:office-decision-visibility", args=["elsewhere", decision.pk])
    assert client.post(elsewhere, {"is_public": "0"}).status_code == 404
    assert client.post(toggle, {"is_public": "0"}).status_code == 404
    decision.refresh_from_db()
    assert decision.is_public
    client.force_login(secretary)
    response = client.post(toggle, {"is_public": "0"}, follow=True)
    assert "GA-2014-01 is no longer public." in " ".join(messages_of(response))
    decision.refresh_from_db()
    assert not decision.is_public
    entry = audits("meetings.decision.visibility_changed").get()
    assert entry.actor == secretary
    client.logout()
    assert "Internal matter" not in client.get(register).content.decode()
