"""The outbox: every e-mail is queued with the change that sends it and sent by the worker.

A mail server that accepts and never answers holds the worker (for ``EMAIL_TIMEOUT``), never a
request; a failure is retried after 1, 5, 30 and 120 minutes, then shown "failed" on the
secretariat's "Outgoing mail" page, where "Retry" sends it again.
"""

from __future__ import annotations

import datetime
import socket
import threading
import time

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from platforma.core import services as core
from platforma.core.mail import queue, send_templated
from platforma.core.models import AuditEntry, OutgoingMail, PlatformRole
from platforma.core.tasks import deliver
from platforma.testing.factories import PlatformFactory

S = OutgoingMail.Status


def run_worker() -> None:
    """What ``manage.py db_worker`` does, until nothing is ready to run."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def platform(db):
    return PlatformFactory(slug="testland", time_zone="Asia/Baku")


@pytest.fixture
def secretariat(platform, django_user_model):
    user = django_user_model.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    PlatformRole.objects.create(user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT)
    return user


@pytest.fixture
def office(client, secretariat):
    client.force_login(secretariat)
    return client


def message(to="leyla@example.org", **kwargs) -> EmailMessage:
    return EmailMessage("Hello", "Body text", "np@example.org", [to], **kwargs)


class SilentSMTP:
    """An SMTP server that accepts connections and never says a word (nor closes them)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.held.append(conn)  # accepted, and left waiting

    def close(self) -> None:
        self.stopped.set()
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.fixture
def silent_smtp(settings):
    server = SilentSMTP()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1
    yield server
    server.close()


# --- the queue ---------------------------------------------------------------------------------


def test_tests_run_the_queue_at_once_and_attachments_survive_the_outbox(platform):
    """The immediate backend (platforma.testing.tasks_plugin): sent before ``queue`` returns."""
    original = message(reply_to=["sec@example.org"])
    original.attach("invitation.ics", "BEGIN:VCALENDAR\r\n", "text/calendar; charset=utf-8")
    original.attach("report.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")
    stored = queue(original, platform=platform, purpose="test")
    stored.refresh_from_db()
    assert stored.status == S.SENT
    assert stored.attempts == 1
    assert stored.sent_at is not None
    (sent,) = mail.outbox
    assert sent.to == ["leyla@example.org"]
    assert sent.reply_to == ["sec@example.org"]
    assert sent.subject == "Hello"
    assert [(a[0], a[2]) for a in sent.attachments] == [
        ("invitation.ics", "text/calendar; charset=utf-8"),
        ("report.pdf", "application/pdf"),
    ]
    assert "BEGIN:VCALENDAR" in sent.attachments[0][1]
    assert sent.attachments[1][1] == b"%PDF-1.7 \x00\xff"


def test_send_templated_keeps_its_signature_and_queues_as_the_platforms(platform):
    count = send_templated(
        to=["a@example.org", ""],
        language="en",
        template="members/email/application_decided",
        context={"application": None, "platform": platform, "admitted": True},
        platform=platform,
    )
    assert count == 1
    stored = OutgoingMail.objects.get()
    assert stored.platform == platform
    assert stored.purpose == "application_decided"
    assert stored.to == ["a@example.org"]
    assert len(mail.outbox) == 1
    assert send_templated(to=[""], language="en", template="x", context={}) == 0


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_commits_with_the_change_and_the_worker_sends(platform, db_task_queue):
    def change_that_fails():
        with transaction.atomic():
            queue(message("rolled@example.org"), platform=platform)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert not OutgoingMail.objects.exists()
    assert not DBTaskResult.objects.exists()

    stored = queue(message(), platform=platform)
    assert stored.status == S.QUEUED
    assert not mail.outbox  # nothing is sent in the request
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    run_worker()
    stored.refresh_from_db()
    assert stored.status == S.SENT
    assert [m.to for m in mail.outbox] == [["leyla@example.org"]]
    # A second task for the same mail (a retry clicked twice) does not send it twice.
    assert deliver.call(stored.pk) == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failing_server_is_retried_with_back_off_then_the_mail_fails_visibly(
    platform, office, db_task_queue, settings
):
    settings.EMAIL_BACKEND = "platforma.testing.mail.FailingBackend"
    stored = queue(message(), platform=platform, purpose="test")
    waits = []
    for attempt in range(1, 6):
        before = timezone.now()
        assert deliver.call(stored.pk) == (S.QUEUED if attempt < 5 else S.FAILED)
        stored.refresh_from_db()
        assert stored.attempts == attempt
        assert "the mail server is down" in stored.last_error
        if attempt < 5:
            waits.append(round((stored.next_attempt_at - before).total_seconds() / 60))
            # the next attempt waits in the queue for its time: a worker now runs nothing
            task = DBTaskResult.objects.filter(status="READY").order_by("-enqueued_at").first()
            assert task.run_after == stored.next_attempt_at
    assert waits == [1, 5, 30, 120]
    assert stored.status == S.FAILED
    assert stored.next_attempt_at is None

    page = office.get(reverse("website:office-mail-list", args=[platform.slug]))
    html = page.content.decode()
    assert "ConnectionRefusedError: the mail server is down" in html
    assert "Retry" in html
    list_url = reverse("website:office-mail-list", args=[platform.slug])
    assert "leyla@example.org" in office.get(list_url, {"status": "failed"}).content.decode()
    assert "leyla@example.org" not in office.get(list_url, {"status": "sent"}).content.decode()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = office.post(reverse("website:office-mail-retry", args=[platform.slug, stored.pk]))
    assert response.status_code == 302
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (S.QUEUED, 0)
    entry = AuditEntry.objects.get(action="core.mail.retried")
    assert entry.platform == platform
    assert entry.data["attempts"] == 5
    run_worker()
    stored.refresh_from_db()
    assert stored.status == S.SENT
    assert len(mail.outbox) == 1
    # a sent mail is not sent again
    office.post(reverse("website:office-mail-retry", args=[platform.slug, stored.pk]))
    assert AuditEntry.objects.filter(action="core.mail.retried").count() == 1


# --- who sees what ------------------------------------------------------------------------------


def test_each_secretariat_sees_its_own_platforms_mail_only(
    platform, office, client, django_user_model, settings
):
    settings.EMAIL_BACKEND = "platforma.testing.mail.FailingBackend"
    other = PlatformFactory(slug="elsewhere")
    ours = queue(message("ours@example.org"), platform=platform)
    theirs = queue(message("theirs@example.org"), platform=other)
    system = queue(message("reset@example.org"), purpose="password reset")
    page = office.get(reverse("website:office-mail-list", args=[platform.slug])).content.decode()
    assert "ours@example.org" in page
    assert "theirs@example.org" not in page
    assert "reset@example.org" not in page
    # another platform's page, its mail, the Forum's page: nothing to find
    assert office.get(reverse("website:office-mail-list", args=[other.slug])).status_code == 404
    assert office.get(reverse("website:office-mail-list", args=["forum"])).status_code == 404
    url = reverse("website:office-mail-retry", args=[platform.slug, theirs.pk])
    assert office.post(url).status_code == 404
    url = reverse("website:office-mail-retry", args=[other.slug, theirs.pk])
    assert office.post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == S.FAILED
    # anonymous visitors are asked to log in
    client.logout()
    response = client.get(reverse("website:office-mail-list", args=[platform.slug]))
    assert response.status_code == 302
    # the Forum's secretariat sees the Forum's and the system's mail, and retries it
    forum = django_user_model.objects.create_superuser("forum", "f@example.org", "pw-1234567")
    client.force_login(forum)
    page = client.get(reverse("website:office-mail-list", args=["forum"])).content.decode()
    assert "reset@example.org" in page
    assert "ours@example.org" not in page
    client.post(reverse("website:office-mail-retry", args=["forum", system.pk]))
    entry = AuditEntry.objects.get(action="core.mail.retried")
    assert entry.platform is None
    assert ours.platform == platform


def test_the_office_menu_links_the_outgoing_mail(platform, office):
    page = office.get(reverse("website:office-mail-list", args=[platform.slug])).content.decode()
    assert reverse("website:office-mail-list", args=[platform.slug]) in page
    assert "No e-mail here." in page


def test_the_page_has_a_query_budget(platform, office, settings, django_assert_max_num_queries):
    settings.EMAIL_BACKEND = "platforma.testing.mail.FailingBackend"
    for n in range(30):
        queue(message(f"p{n}@example.org"), platform=platform)
    url = reverse("website:office-mail-list", args=[platform.slug])
    office.get(url)
    with django_assert_max_num_queries(12):
        page = office.get(url).content.decode()
    assert page.count("Retry</button>") == 30


# --- a registration against a mail server that never answers ----------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_registration_returns_at_once_when_the_mail_server_never_answers(
    platform, office, silent_smtp, db_task_queue
):
    from django.test import Client

    from platforma.activities.tests.factories import EventFactory

    event = EventFactory(platform=platform, capacity=5)
    url = reverse("activities:event-register", args=[platform.slug, event.pk])
    client = Client()
    # The first request of a process loads templates and translations: not what is measured.
    client.post(url, {"name": "Warm", "email": "warm@example.org"})
    started = time.perf_counter()
    response = client.post(url, {"name": "Leyla", "email": "leyla@example.org"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert elapsed < 0.2, f"the registration took {elapsed * 1000:.0f} ms"
    stored = OutgoingMail.objects.get(to=["leyla@example.org"])
    assert stored.status == S.QUEUED
    assert stored.platform == platform

    started = time.perf_counter()
    run_worker()  # connects, waits EMAIL_TIMEOUT (1 s) for a greeting, gives up
    assert time.perf_counter() - started < 5
    stored.refresh_from_db()
    assert stored.status == S.QUEUED
    assert stored.attempts == 1
    assert "timed out" in stored.last_error
    assert stored.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    assert not mail.outbox
    page = office.get(reverse("website:office-mail-list", args=[platform.slug])).content.decode()
    assert "leyla@example.org" in page
    assert "timed out" in page
    assert "next attempt" in page


# --- a convocation to 45 members -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_convocation_to_45_members_commits_with_its_45_mails_and_the_worker_sends_them(
    platform, office, db_task_queue, monkeypatch
):
    from platforma.governance.models import Body
    from platforma.meetings import services as meetings
    from platforma.meetings.models import Convocation
    from platforma.meetings.tests.conftest import RULES, new_member
    from platforma.testing.factories import BodyFactory

    core.statute_adopt(
        actor=None,
        platform=platform,
        title="Statute",
        effective_from=datetime.date(2009, 1, 1),
        rules=RULES,
    )
    assembly = BodyFactory(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)
    for _ in range(45):
        new_member(platform)
    meeting = meetings.meeting_create(
        actor=None,
        actor_label="test",
        body=assembly,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        title_en="General Assembly",
        place_en="Baku",
    )
    url = reverse("meetings:meeting-convene", args=[platform.slug, meeting.pk])

    # A failure part-way (the 10th message) leaves nobody told and nothing convened.
    calls = []
    real_queue = meetings.meetings.queue

    def failing_queue(*args, **kwargs):
        calls.append(1)
        if len(calls) == 10:
            raise OSError("disk full")
        return real_queue(*args, **kwargs)

    monkeypatch.setattr(meetings.meetings, "queue", failing_queue)
    with pytest.raises(OSError, match="disk full"):
        office.post(url, {"confirm": "on"})
    assert not Convocation.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert not DBTaskResult.objects.exists()
    monkeypatch.setattr(meetings.meetings, "queue", real_queue)

    started = time.perf_counter()
    response = office.post(url, {"confirm": "on"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert Convocation.objects.get().recipients.__len__() == 45
    assert OutgoingMail.objects.filter(platform=platform, status=S.QUEUED).count() == 45
    assert not mail.outbox
    assert elapsed < 3, f"the convocation page took {elapsed:.2f} s"

    run_worker()
    assert OutgoingMail.objects.filter(status=S.SENT).count() == 45
    assert len(mail.outbox) == 45
    assert all(m.attachments[0][0] == "invitation.ics" for m in mail.outbox)
