#!/usr/bin/env python
"""A registration's time with a mail server that accepts and never answers: queued vs sent in
the request; and a convocation to 45 members, then the worker sending its 45 mails.

Builds a throw-away SQLite database in a temporary directory (or uses ``--database-url``, an
EMPTY PostgreSQL database), starts an SMTP "server" on 127.0.0.1 that accepts connections and
never says a word, and posts the public registration form through Django's test client:

- ``queue``: as the site runs (django-tasks' database backend): the mail is stored with the
  registration and the request returns; the worker meets the silent server later.
- ``direct``: the mail sent inside the request, as before the outbox (the immediate backend runs
  the delivery in ``enqueue``): the request waits for the SMTP greeting until ``EMAIL_TIMEOUT``
  (``--timeout``; without a timeout, as before issue 13, it waited for ever).

Then ``db_worker --batch`` runs the queued deliveries against the silent server (each attempt
fails after ``EMAIL_TIMEOUT``, 1 s here, and is rescheduled), and a convocation to 45 members
is posted on the office page and sent by ``db_worker --batch`` (locmem backend: the worker's
own cost).

Usage: .venv/bin/python bench/bench_mail_queue.py [--requests 20] [--direct 3] [--timeout 5]
       [--database-url postgresql://postgres@127.0.0.1:5432/empty_db]
"""

from __future__ import annotations

import argparse
import datetime
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def silent_smtp() -> int:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def accept() -> None:
        while True:
            conn, _ = server.accept()
            held.append(conn)  # accepted, never answered

    threading.Thread(target=accept, daemon=True).start()
    return int(server.getsockname()[1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--direct", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-mail-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["PLATFORMA_VAR_DIR"] = tmp
    os.environ["PLATFORMA_REGISTRATION_PER_CLIENT_HOUR"] = "100000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.pop("EMAIL_HOST", None)

    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import reverse
    from django.utils import timezone

    setup_test_environment()  # the test client's hooks; locmem mail unless overridden below
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from platforma.activities.tests.factories import EventFactory
    from platforma.core import services as core
    from platforma.core.models import OutgoingMail, PlatformRole
    from platforma.governance.models import Body
    from platforma.meetings import services as meetings
    from platforma.meetings.tests.conftest import RULES, new_member
    from platforma.testing.factories import BodyFactory, PlatformFactory

    platform = PlatformFactory(slug="bench", time_zone="Asia/Baku")
    event = EventFactory(platform=platform, capacity=100000)
    url = reverse("activities:event-register", args=[platform.slug, event.pk])
    port = silent_smtp()
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_TIMEOUT": args.timeout,
    }
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"SMTP server on 127.0.0.1:{port}: accepts, never answers; EMAIL_TIMEOUT={args.timeout}")

    def post(client: Client, n: int, label: str) -> float:
        started = time.perf_counter()
        response = client.post(url, {"name": f"P {n}", "email": f"{label}{n}@example.org"})
        elapsed = time.perf_counter() - started
        assert response.status_code == 302, response.status_code
        return elapsed

    client = Client()
    with override_settings(TASKS=database, **smtp):
        post(client, 0, "warm")  # loads templates and translations once
        queued = [post(client, n, "q") for n in range(args.requests)]
    print(
        f"queue : {args.requests} registrations, p50 {ms(statistics.median(queued))}, "
        f"max {ms(max(queued))}; mails queued: "
        f"{OutgoingMail.objects.filter(status='queued').count()}"
    )
    with override_settings(TASKS=immediate, **smtp):
        direct = [post(client, n, "d") for n in range(args.direct)]
    print(
        f"direct: {args.direct} registrations, p50 {ms(statistics.median(direct))}, "
        f"max {ms(max(direct))} (each waited for the SMTP greeting)"
    )

    with override_settings(TASKS=database, **{**smtp, "EMAIL_TIMEOUT": 1}):
        pending = OutgoingMail.objects.filter(status="queued").count()
        started = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        elapsed = time.perf_counter() - started
    retried = OutgoingMail.objects.filter(status="queued", attempts=1).count()
    print(
        f"worker: {pending} deliveries tried in {elapsed:.1f} s against the silent server "
        "(EMAIL_TIMEOUT=1); "
        f"{retried} rescheduled for their second attempt in 1 minute"
    )

    # A convocation to 45 members, through the office page.
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
        actor_label="bench",
        body=assembly,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        title_en="General Assembly",
        place_en="Baku",
    )
    from django.contrib.auth.models import User

    user = User.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    PlatformRole.objects.create(user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT)
    office = Client()
    office.force_login(user)
    convene = reverse("meetings:meeting-convene", args=[platform.slug, meeting.pk])
    with override_settings(
        TASKS=database, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        before = OutgoingMail.objects.count()
        started = time.perf_counter()
        response = office.post(convene, {"confirm": "on"})
        page = time.perf_counter() - started
        assert response.status_code == 302
        queued_45 = OutgoingMail.objects.count() - before
        mail.outbox = []
        started = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        worker = time.perf_counter() - started
    print(
        f"convocation: page answered in {ms(page)} with {queued_45} mails queued; "
        f"db_worker --batch sent {len(mail.outbox)} in {worker:.2f} s"
    )

    # The same convocation with the mails sent in the request (locmem: no network at all).
    meeting = meetings.meeting_create(
        actor=None,
        actor_label="bench",
        body=assembly,
        starts_at=timezone.now() + datetime.timedelta(days=31),
        title_en="General Assembly (direct)",
        place_en="Baku",
    )
    convene = reverse("meetings:meeting-convene", args=[platform.slug, meeting.pk])
    with override_settings(
        TASKS=immediate, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        mail.outbox = []
        started = time.perf_counter()
        office.post(convene, {"confirm": "on"})
        page = time.perf_counter() - started
    print(
        f"convocation, sent in the request to a local mailbox (no network): {ms(page)} "
        f"for {len(mail.outbox)} mails"
    )


if __name__ == "__main__":
    main()
