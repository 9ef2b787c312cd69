#!/usr/bin/env python
"""A mailing to 1,000 stakeholders through the real outbox, the worker and SMTP, and the pages'
response times while it is being sent.

Builds a throw-away SQLite database in a temporary directory (or uses ``--database-url``, an
EMPTY PostgreSQL database), starts a local SMTP sink on 127.0.0.1 (a small threaded server
written here: it accepts every message and counts it), writes a mailing to ``--recipients``
stakeholders and sends it from the office page (the page only takes the snapshot and enqueues
the first batch), then starts ``manage.py db_worker`` (``--workers`` processes, the SMTP backend
pointed at the sink) and, until the sink has every message, requests in turn the mailing's
office page (progress and recipients) and a public page (the publications list).

Prints the time from "Send" to the last message received by the sink, the messages per second,
and the median and 95th percentile of both pages' response times meanwhile.

Usage: .venv/bin/python bench/bench_mailing.py [--recipients 1000] [--workers 1]
       [--rate 0] [--batch 50] [--database-url postgresql://...]

``--rate`` is PLATFORMA_MAILING_RATE (messages a minute; 0: no pause between batches, the
bench's default, to measure the pipeline itself).
"""

from __future__ import annotations

import argparse
import os
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = str(ROOT / ".venv" / "bin" / "python")


class Sink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.lock = threading.Lock()
        self.received: list[str] = []  # the RCPT address of each message


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    server: Sink

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        self.reply("220 sink ESMTP")
        recipients: list[str] = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("latin-1").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                while True:
                    line = self.rfile.readline()
                    if not line or line in (b".\r\n", b".\n"):
                        break
                with self.server.lock:
                    self.server.received.extend(recipients)
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP and the rest
                self.reply("250 OK")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rate", type=int, default=0)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    sink = Sink()
    port = sink.server_address[1]
    threading.Thread(target=sink.serve_forever, daemon=True).start()

    tmp = tempfile.mkdtemp(prefix="bench-mailing-")
    env = {
        "DATABASE_URL": args.database_url or f"sqlite:///{tmp}/bench.sqlite3",
        "PLATFORMA_VAR_DIR": tmp,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "PLATFORMA_MAILING_RATE": str(args.rate),
        "PLATFORMA_MAILING_BATCH": str(args.batch),
        "PLATFORMA_BASE_URL": "https://platforma.example.org",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.update(env)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    # The test environment swaps in the locmem backend; this process only writes to the
    # outbox, the worker (its own settings, from the environment) sends through SMTP.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    call_command("migrate", verbosity=0)

    from platforma.core.models import OutgoingMail, PlatformRole
    from platforma.outreach import services
    from platforma.outreach.models import Mailing
    from platforma.publications.models import Stakeholder
    from platforma.testing.factories import PlatformFactory

    platform = PlatformFactory(slug="bench", time_zone="Asia/Baku", email="office@example.org")
    Stakeholder.objects.bulk_create(
        Stakeholder(
            platform=platform,
            kind="organisation",
            name=f"Stakeholder {i}",
            category="university",
            email=f"stakeholder{i}@example.org",
            consent_to_contact=True,
        )
        for i in range(args.recipients)
    )
    user = User.objects.create_user("sec", "sec@example.org", "pw-sec-12345")
    PlatformRole.objects.create(user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT)
    mailing = services.mailing_create(
        actor=user,
        platform=platform,
        name="Bench",
        audience="stakeholders",
        texts={"en": ("Our research paper", "Dear colleagues,\n\nour new paper is out.\n" * 5)},
    )
    office = Client()
    office.force_login(user)
    from platforma.testing.second_factor import verify_session

    verify_session(office.session, user)  # the office asks for a second factor
    public = Client()
    detail = reverse("outreach:office-mailing-detail", args=[platform.slug, mailing.pk])
    listing = reverse("publications:publication-list", args=[platform.slug])
    for url, client in ((detail, office), (listing, public)):
        warm = client.get(url)  # templates and translations loaded once
        assert warm.status_code == 200, (url, warm.status_code, warm.get("Location"))

    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; "
        f"SMTP sink on 127.0.0.1:{port}; {args.workers} worker(s); batch {args.batch}; "
        f"rate {args.rate or 'unlimited'} a minute"
    )
    started = time.perf_counter()
    response = office.post(
        reverse("outreach:office-mailing-send", args=[platform.slug, mailing.pk]),
        {"confirm": "on"},
    )
    send_page = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    workers = [
        subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(args.workers)
    ]
    timings: dict[str, list[float]] = {"mailing page": [], "public page": []}
    try:
        while len(sink.received) < args.recipients:
            if time.perf_counter() - started > args.timeout:
                raise SystemExit(f"timeout: {len(sink.received)} received")
            for label, url, client in (
                ("mailing page", detail, office),
                ("public page", listing, public),
            ):
                t0 = time.perf_counter()
                assert client.get(url).status_code == 200
                timings[label].append(time.perf_counter() - t0)
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        # The mailing becomes "sent" at the worker's next look at the outbox (30 s at most).
        deadline = time.perf_counter() + 45
        while time.perf_counter() < deadline:
            mailing.refresh_from_db()
            if mailing.status == Mailing.Status.SENT:
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)

    unique = len(set(sink.received))
    print(f"send page answered in {ms(send_page)} (snapshot of {args.recipients} + first task)")
    print(
        f"{len(sink.received)} messages ({unique} addresses) received by the sink in "
        f"{elapsed:.1f} s: {len(sink.received) / elapsed:.0f} messages/s"
    )
    for label, values in timings.items():
        print(
            f"{label}: {len(values)} requests while sending, "
            f"median {ms(statistics.median(values))}, "
            f"p95 {ms(percentile(values, 0.95))}, max {ms(max(values))}"
        )
    print(
        f"mailing status: {mailing.status}; outbox: "
        f"{OutgoingMail.objects.filter(status='sent').count()} sent, "
        f"{OutgoingMail.objects.exclude(status='sent').count()} other"
    )


if __name__ == "__main__":
    main()
