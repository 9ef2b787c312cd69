"""Representatives are told when an election moves: on their page and, if they want, by e-mail."""

import datetime
import io
import json
import zipfile
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from platforma.core.models import AuditEntry, OutgoingMail
from platforma.documents.tests.queues import run_worker
from platforma.elections import services as elections
from platforma.elections.models import Election
from platforma.elections.tests.factories import (
    SHARES,
    appoint_tellers,
    make_election,
    make_member,
    running_election,
)
from platforma.notifications import services
from platforma.notifications.models import Event, Notice
from platforma.outreach.models import MailLanguage
from platforma.privacy.services import erasure_plan, export_zip

pytestmark = pytest.mark.django_db


def _transition(client, world, election, to, **extra):
    client.force_login(world.secretariat)
    url = reverse("elections:office-transition", args=[world.platform.slug, election.pk])
    response = client.post(url, {"to": to, **extra})
    assert response.status_code == 302
    election.refresh_from_db()
    return election


def _to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def _nominated(world, election, candidates=2):
    for member in world.members[:candidates]:
        nomination = elections.nomination_create(
            actor=world.secretariat,
            election=election,
            person=member.person,
            organisation=member.organisation,
        )
        elections.nomination_answer(actor=member.user, nomination=nomination, accept=True)
    appoint_tellers(world, election)


def test_nominations_opening_tells_every_representative_once(
    client, world, django_capture_on_commit_callbacks
):
    election = make_election(world)
    former = make_member(world.platform, 9)
    # A representative who left the organisation is not told.
    former.organisation.representatives.update(until=datetime.date(2020, 1, 1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "nominations")
    assert election.state == Election.State.NOMINATIONS
    people = {m.person for m in world.members}
    notices = Notice.objects.filter(election=election, event=Event.NOMINATIONS_OPENED)
    assert {n.person for n in notices} == people
    assert all(n.emailed and n.read_at is None for n in notices)
    assert not _to(former.person)
    member = world.members[0]
    (message,) = _to(member.person)
    assert "Nominations are open" in message.subject
    assert election.title in message.subject
    page = f"/en/{world.platform.slug}/elections/{election.pk}/"
    assert page in message.body
    assert "/en/accounts/notifications/" in message.body  # how to change what comes by e-mail
    assert OutgoingMail.objects.filter(purpose="notice_nominations_opened").count() == 4
    entry = AuditEntry.objects.get(action="notifications.notices.sent")
    assert entry.data == {"event": "nominations_opened", "notices": 4, "emails": 4}

    # A rerun (a retried task) tells nobody twice.
    assert services.notices_send(election_id=election.pk, event=Event.NOMINATIONS_OPENED) == 0
    assert notices.count() == 4
    assert len(mail.outbox) == 4


def test_voting_opening_gives_the_closing_time_in_the_platform_zone_and_language(
    client, world, django_capture_on_commit_callbacks
):
    world.platform.time_zone = "Asia/Baku"
    world.platform.save(update_fields=["time_zone"])
    closes = (timezone.now() + datetime.timedelta(days=3)).replace(
        hour=20, minute=30, second=0, microsecond=0
    )
    election = make_election(world, voting_closes_at=closes)
    elections.election_open_nominations(actor=world.secretariat, election=election)
    _nominated(world, election)
    azeri, russian, default = world.members[0], world.members[1], world.members[2]
    services.notification_preference_update(
        actor=azeri.user, person=azeri.person, language="az", **dict.fromkeys(Event.values, True)
    )
    MailLanguage.objects.create(platform=world.platform, email=russian.person.email, language="ru")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "voting")
    assert election.state == Election.State.VOTING

    local = closes.astimezone(zoneinfo.ZoneInfo("Asia/Baku"))
    assert local.hour == 0
    assert local.minute == 30
    for member, language in ((azeri, "az"), (russian, "ru"), (default, "en")):
        (message,) = _to(member.person)
        with translation.override(language):
            when = date_format(local, "DATETIME_FORMAT")
        assert when in message.body, (language, message.body)
        assert "Asia/Baku" in message.body
        assert f"/{language}/{world.platform.slug}/elections/{election.pk}/" in message.body
        assert f"/{language}/accounts/notifications/" in message.body
    with translation.override("en"):
        assert date_format(closes, "DATETIME_FORMAT") not in _to(default.person)[0].body
    assert Notice.objects.filter(election=election, event=Event.VOTING_OPENED).count() == 4


def test_the_reminder_goes_once_and_only_to_those_who_have_not_voted(world):
    election, nominations = running_election(world, candidates=2, office=False)
    later, _ = running_election(
        world,
        candidates=2,
        office=False,
        voting_closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    voter = world.members[1]
    elections.ballot_cast(
        actor=voter.user,
        election=election,
        organisation=voter.organisation,
        choices=[nominations[0].candidate_key],
    )
    mail.outbox.clear()
    out = io.StringIO()
    call_command("notifications_remind", stdout=out)
    assert "3 reminded" in out.getvalue()
    reminded = Notice.objects.filter(event=Event.VOTING_CLOSING)
    assert {n.person for n in reminded} == {m.person for m in world.members if m is not voter}
    assert all(n.election == election for n in reminded)  # the later vote is not due yet
    assert len(mail.outbox) == 3
    assert not _to(voter.person)
    assert all("Voting closes within a day" in m.subject for m in mail.outbox)

    call_command("notifications_remind", stdout=io.StringIO())  # cron, 15 minutes later
    assert reminded.count() == 3
    assert len(mail.outbox) == 3
    assert not Notice.objects.filter(election=later).exclude(event=Event.VOTING_OPENED).exists()


def test_no_reminder_once_the_vote_is_over(world):
    election, _ = running_election(world, candidates=2, office=False)
    Election.objects.filter(pk=election.pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert services.reminders_send() == {}
    assert services.notices_send(election_id=election.pk, event=Event.VOTING_CLOSING) == 4
    Election.objects.filter(pk=election.pk).update(state=Election.State.CLOSED)
    Notice.objects.filter(event=Event.VOTING_CLOSING).delete()
    mail.outbox.clear()
    assert services.notices_send(election_id=election.pk, event=Event.VOTING_CLOSING) == 0
    # A worker that runs late never says that voting is open once it has closed.
    Notice.objects.filter(event=Event.VOTING_OPENED).delete()
    assert services.notices_send(election_id=election.pk, event=Event.VOTING_OPENED) == 0
    assert services.notices_send(election_id=election.pk, event=Event.NOMINATIONS_OPENED) == 0
    assert not Notice.objects.filter(election=election).exists()
    assert mail.outbox == []


def test_publishing_the_result_tells_the_electorate(
    client, world, django_capture_on_commit_callbacks
):
    election, nominations = running_election(world, candidates=2, office=False)
    for member in world.members:
        elections.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[0].candidate_key],
        )
    election = _transition(client, world, election, "closed", share=SHARES[election.pk])
    assert election.state == Election.State.CLOSED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "published")
    assert election.state == Election.State.PUBLISHED
    notices = Notice.objects.filter(election=election, event=Event.RESULT_PUBLISHED)
    assert notices.count() == 4
    assert len(mail.outbox) == 4
    assert all("The result is published" in m.subject for m in mail.outbox)


def test_a_representative_chooses_what_comes_by_email(
    client, world, django_capture_on_commit_callbacks
):
    member = world.members[0]
    client.force_login(member.user)
    page = reverse("notifications:preferences")
    response = client.get(page)
    assert response.status_code == 200
    assert b'name="voting_opened"' in response.content
    assert b"checked" in response.content  # all on by default
    response = client.post(
        page, {"nominations_opened": "on", "voting_closing": "on", "result_published": "on"}
    )
    assert response.status_code == 302
    preference = member.person.notification_preference
    assert preference.voting_opened is False
    assert preference.nominations_opened is True
    assert AuditEntry.objects.filter(action="notifications.preference.updated").count() == 1

    # Bad input: a clear message, nothing changed.
    response = client.post(page, {"voting_opened": "on", "language": "xx"})
    assert response.status_code == 200
    assert b"xx" in response.content or b"valid choice" in response.content
    preference.refresh_from_db()
    assert preference.voting_opened is False

    election = make_election(world)
    elections.election_open_nominations(actor=world.secretariat, election=election)
    _nominated(world, election)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        elections.election_open_voting(actor=world.secretariat, election=election)
    assert not _to(member.person)  # no e-mail ...
    notice = Notice.objects.get(person=member.person, event=Event.VOTING_OPENED)
    assert notice.emailed is False  # ... but the notice is on the page
    assert len(mail.outbox) == 3


def test_notices_on_the_page_unread_first_and_only_ones_own(
    client, world, django_capture_on_commit_callbacks
):
    owner, other = world.members[0], world.members[1]
    election = make_election(world)
    with django_capture_on_commit_callbacks(execute=True):
        elections.election_open_nominations(actor=world.secretariat, election=election)
    _nominated(world, election)
    with django_capture_on_commit_callbacks(execute=True):
        elections.election_open_voting(actor=world.secretariat, election=election)
    first = Notice.objects.get(person=owner.person, event=Event.NOMINATIONS_OPENED)
    second = Notice.objects.get(person=owner.person, event=Event.VOTING_OPENED)

    client.force_login(owner.user)
    home = reverse("account-home")
    response = client.get(home)
    assert response.status_code == 200  # unread notices keep the representative here
    assert response.context["unread"] == 2
    response = client.post(reverse("notifications:notice-read", args=[second.pk]), {"next": home})
    assert response.status_code == 302
    assert response["Location"] == home
    second.refresh_from_db()
    assert second.read_at is not None
    response = client.get(home)
    assert [n.pk for n in response.context["notices"]] == [first.pk, second.pk]  # unread first
    assert response.context["unread"] == 1

    # Someone else's notice: not found, and nothing changes.
    theirs = Notice.objects.get(person=other.person, event=Event.VOTING_OPENED)
    response = client.post(reverse("notifications:notice-read", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    page = client.get(reverse("notifications:preferences"))
    assert {n.person_id for n in page.context["notices"]} == {owner.person.pk}

    client.post(reverse("notifications:notices-read-all"))
    assert not Notice.objects.filter(person=owner.person, read_at__isnull=True).exists()
    assert Notice.objects.filter(person=other.person, read_at__isnull=True).count() == 2
    # All read: the single-platform representative lands on their organisation's page again.
    response = client.get(home)
    assert response.status_code == 302


def test_a_failing_mail_server_or_notifier_never_fails_the_move(
    client, world, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "platforma.testing.mail.FailingBackend"
    election = make_election(world)
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "nominations")
    assert election.state == Election.State.NOMINATIONS
    assert Notice.objects.filter(election=election).count() == 4
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count() == 4

    def broken(**kwargs):
        raise RuntimeError("the database of notices is gone")

    monkeypatch.setattr(services, "notices_send", broken)
    monkeypatch.setattr("platforma.notifications.tasks.notices_send", broken)
    _nominated(world, election)
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "voting")
    assert election.state == Election.State.VOTING


def test_personal_data_export_and_erasure_include_notices(
    world, django_capture_on_commit_callbacks
):
    member = world.members[0]
    election = make_election(world)
    with django_capture_on_commit_callbacks(execute=True):
        elections.election_open_nominations(actor=world.secretariat, election=election)
    services.notification_preference_update(
        actor=member.user, person=member.person, language="ru", voting_opened=False
    )
    archive, records, _files = export_zip(member.person.email, world.platform)
    data = json.loads(zipfile.ZipFile(archive).read("data.json"))
    exported = data["records"]["notifications"]
    assert {r["type"] for r in exported} == {
        "notifications.notice",
        "notifications.notificationpreference",
    }
    (notice,) = [r for r in exported if r["type"] == "notifications.notice"]
    assert notice["event"] == "nominations_opened"
    assert notice["election_title"] == election.title
    plan = erasure_plan(member.person.email, world.platform)
    assert [item.count for name, item in plan.lines if name == "notifications"] == [1, 1]


def test_with_the_real_queue_the_worker_tells_people_after_the_move(
    client, world, db_task_queue, django_capture_on_commit_callbacks
):
    election = make_election(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        election = _transition(client, world, election, "nominations")
    # The move is done; the notices wait for the worker, not the secretariat's page.
    assert election.state == Election.State.NOMINATIONS
    assert not Notice.objects.exists()
    run_worker()
    assert Notice.objects.filter(election=election).count() == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.person.email for m in world.members)
    # The task run again (a retry) tells nobody twice.
    from platforma.notifications.tasks import notify_election

    notify_election.enqueue(election.pk, Event.NOMINATIONS_OPENED.value)
    run_worker()
    assert Notice.objects.filter(election=election).count() == 4
    assert len(mail.outbox) == 4


def test_the_header_count_tag_counts_ones_own_unread_notices(
    rf, world, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    election = make_election(world)
    with django_capture_on_commit_callbacks(execute=True):
        elections.election_open_nominations(actor=world.secretariat, election=election)
    page = Template("{% load notices %}{% unread_notices as n %}[{{ n }}]")
    request = rf.get("/")
    request.user = world.members[0].user
    assert page.render(Context({"request": request})) == "[1]"
    Notice.objects.filter(person=world.members[0].person).update(read_at=timezone.now())
    assert page.render(Context({"request": request})) == "[0]"
    request.user = AnonymousUser()
    assert page.render(Context({"request": request})) == "[0]"


def test_the_notices_page_reads_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries
):
    member = world.members[0]
    client.force_login(member.user)
    page = reverse("notifications:preferences")

    def notices(count):
        for _ in range(count):
            election = make_election(world)
            elections.election_open_nominations(actor=world.secretariat, election=election)
            services.notices_send(election_id=election.pk, event=Event.NOMINATIONS_OPENED)

    notices(1)
    with django_assert_max_num_queries(12) as few:
        assert client.get(page).status_code == 200
    notices(5)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(page)
    assert len(response.context["notices"]) == 6
    assert response.content.decode().count("Mark read") == 6
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_the_demo_past_election_tells_only_its_published_result():
    from platforma.demo.loader import load_demo

    mail.outbox.clear()
    load_demo()  # one transaction: the moves' notices run once it has committed
    (election,) = Election.objects.filter(notices__isnull=False).distinct()
    events = set(Notice.objects.filter(election=election).values_list("event", flat=True))
    assert events == {Event.RESULT_PUBLISHED}  # "voting is open" would be false by then
    published = [m for m in mail.outbox if "The result is published" in m.subject]
    assert len(published) == Notice.objects.filter(emailed=True).count() > 0
